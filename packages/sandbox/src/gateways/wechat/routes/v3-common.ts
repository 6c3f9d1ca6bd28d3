/**
 * What every emulated APIv3 endpoint does first: read the body once, rebuild the canonical URL the merchant signed
 * (path below the gateway's basePath, plus the query), verify the Authorization header, and answer errors in WeChat's
 * own signed `{code, message}` format.
 * @see https://pay.weixin.qq.com/docs/merchant/development/interface-rules/error-code.html
 */
import type { GatewayContext, RouteArgs, SandboxRoute } from '../../../types';
import { AuthorizationError, signedJson, verifyAuthorization } from '../protocol';

/** A WeChat business error: HTTP status, code, message. */
export class WechatError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A verified request: its JSON body (when any) and path params. */
export interface V3Call {
  body: Record<string, unknown>;
  params: Record<string, string>;
  url: URL;
  origin: string;
}

/** Declare an APIv3 route whose handler sees only verified requests and returns `[status, json]`. */
export function v3Route(
  context: GatewayContext,
  method: SandboxRoute['method'],
  path: string,
  handle: (call: V3Call) => Promise<[number, unknown?]> | [number, unknown?],
  signer: 'public-key' | 'certificate' = 'public-key',
): SandboxRoute {
  return {
    method,
    path,
    handle: async ({ request, url, origin, params }: RouteArgs) => {
      const text = await request.text();
      try {
        const canonicalUrl = url.pathname.slice(context.basePath.length) + url.search;
        await verifyAuthorization(request.headers.get('authorization'), method, canonicalUrl, text, context.clock());
        let body: Record<string, unknown> = {};
        if (text) {
          try {
            body = JSON.parse(text) as Record<string, unknown>;
          } catch {
            throw new WechatError(400, 'PARAM_ERROR', 'body is not JSON');
          }
        }
        const [status, json] = await handle({ body, params, url, origin });
        return signedJson(json, status, context.clock(), signer);
      } catch (error) {
        if (error instanceof AuthorizationError) return signedJson({ code: 'SIGN_ERROR', message: error.message }, 401, context.clock());
        if (error instanceof WechatError) return signedJson({ code: error.code, message: error.message }, error.status, context.clock());
        throw error;
      }
    },
  };
}

/** Require a string field of a request body. */
export function requireString(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '') throw new WechatError(400, 'PARAM_ERROR', `${name} is required`);
  return value;
}
