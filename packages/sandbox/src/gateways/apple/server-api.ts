/**
 * The App Store Server API endpoints the SDK uses: Get Transaction Info and Get Transaction History (v2). Like
 * Apple, the emulator checks the bearer token (ES256 by the TEST key, `aud` appstoreconnect-v1, `bid`, expiry) and
 * answers 401 otherwise, 404 `{errorCode: 4040010}` for an unknown transaction of this environment.
 * @see https://developer.apple.com/documentation/appstoreserverapi/generating-json-web-tokens-for-api-requests
 */
import { jsonResponse } from '../../html';
import type { GatewayContext, SandboxRoute } from '../../types';
import { SANDBOX_BUNDLE_ID, SANDBOX_SERVER_API_ISSUER_ID, SANDBOX_SERVER_API_KEY_ID, SANDBOX_SERVER_API_PUBLIC_KEY } from './keys';
import { signAsAppStore, type AppleSandboxEnvironment } from './protocol';
import { payloadOf } from './storekit';

const decodeUrl = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
let publicKey: Promise<CryptoKey> | undefined;

/** True when `authorization` carries a valid bearer token for the sandbox app at `now` (ms). */
async function authorized(authorization: string | null, now: number): Promise<boolean> {
  const token = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization ?? '');
  if (!token) return false;
  try {
    const header = JSON.parse(new TextDecoder().decode(decodeUrl(token[1] as string))) as Record<string, unknown>;
    const claims = JSON.parse(new TextDecoder().decode(decodeUrl(token[2] as string))) as Record<string, unknown>;
    if (header.alg !== 'ES256' || header.kid !== SANDBOX_SERVER_API_KEY_ID) return false;
    const seconds = Math.floor(now / 1000);
    const { iss, aud, bid, iat, exp } = claims as { iss?: unknown; aud?: unknown; bid?: unknown; iat?: number; exp?: number };
    if (iss !== SANDBOX_SERVER_API_ISSUER_ID || aud !== 'appstoreconnect-v1' || bid !== SANDBOX_BUNDLE_ID) return false;
    if (typeof iat !== 'number' || typeof exp !== 'number' || exp < seconds || exp - iat > 3600) return false;
    publicKey ??= globalThis.crypto.subtle.importKey('spki', decodeUrl(SANDBOX_SERVER_API_PUBLIC_KEY.replace(/=+$/, '')), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const input = new TextEncoder().encode(`${token[1]}.${token[2]}`);
    return await globalThis.crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, await publicKey, decodeUrl(token[3] as string), input);
  } catch {
    return false;
  }
}

const notFound = () => jsonResponse({ errorCode: 4040010, errorMessage: 'Transaction id not found.' }, 404);

/** Server API routes for one environment (`/production/inApps/...`, `/sandbox/inApps/...`). */
export function serverApiRoutes(environment: AppleSandboxEnvironment, context: GatewayContext): SandboxRoute[] {
  const prefix = environment === 'Production' ? '/production' : '/sandbox';
  const find = (transactionId: string) => {
    const order = context.orders.get('apple', transactionId);
    return order && order.status !== 'pending' && payloadOf(order).environment === environment ? order : undefined;
  };
  const guard = async (request: Request) => (await authorized(request.headers.get('authorization'), context.clock())) ? undefined : new Response('Unauthorized', { status: 401 });
  return [
    {
      method: 'GET',
      path: `${prefix}/inApps/v1/transactions/:transactionId`,
      handle: async ({ request, params }) => {
        const refused = await guard(request);
        if (refused) return refused;
        const order = find(params.transactionId as string);
        return order ? jsonResponse({ signedTransactionInfo: await signAsAppStore(payloadOf(order)) }) : notFound();
      },
    },
    {
      method: 'GET',
      path: `${prefix}/inApps/v2/history/:transactionId`,
      handle: async ({ request, params }) => {
        const refused = await guard(request);
        if (refused) return refused;
        const order = find(params.transactionId as string);
        if (!order) return notFound();
        const mine = context.orders.list('apple').filter((o) => o.data.appleId === order.data.appleId && find(o.orderNo));
        const signedTransactions = await Promise.all(mine.map((o) => signAsAppStore(payloadOf(o))));
        return jsonResponse({ signedTransactions, revision: `r${mine.length}`, hasMore: false, bundleId: SANDBOX_BUNDLE_ID, environment });
      },
    },
  ];
}
