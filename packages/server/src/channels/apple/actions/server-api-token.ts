/**
 * The App Store Server API bearer token: a JWT signed ES256 with the in-app purchase key (`.p8`) from App Store
 * Connect. Header `{alg: ES256, kid, typ: JWT}`; payload `{iss, iat, exp, aud: "appstoreconnect-v1", bid}`; Apple
 * refuses tokens valid for more than an hour, payweave issues them for five minutes and reuses one until a minute
 * before it expires.
 * @see https://developer.apple.com/documentation/appstoreserverapi/generating-json-web-tokens-for-api-requests
 */
import type { CryptoProvider, EcPrivateKeyHandle } from '../../../crypto/provider';
import { toBase64Url, utf8 } from '../../../internal/encoding';

/** Who signs: the key id and issuer id shown next to the key in App Store Connect (Users and Access > Keys). */
export interface ServerApiCredentials {
  issuerId: string;
  keyId: string;
  bundleId: string;
}

const LIFETIME_S = 300;
const RENEW_BEFORE_S = 60;

/** The signing input (`header.payload`) of a token issued at `iat` (seconds). */
export function serverApiTokenInput(credentials: ServerApiCredentials, iat: number): string {
  const header = { alg: 'ES256', kid: credentials.keyId, typ: 'JWT' };
  const payload = { iss: credentials.issuerId, iat, exp: iat + LIFETIME_S, aud: 'appstoreconnect-v1', bid: credentials.bundleId };
  return `${toBase64Url(utf8(JSON.stringify(header)))}.${toBase64Url(utf8(JSON.stringify(payload)))}`;
}

/** A token source that signs on demand and reuses a token while it has more than a minute left. */
export function serverApiTokens(crypto: CryptoProvider, key: EcPrivateKeyHandle, credentials: ServerApiCredentials, clock: () => number) {
  let cached: { token: string; exp: number } | undefined;
  return async (): Promise<string> => {
    const now = Math.floor(clock() / 1000);
    if (cached && cached.exp - RENEW_BEFORE_S > now) return cached.token;
    const input = serverApiTokenInput(credentials, now);
    const signature = await crypto.ecdsaP256Sign(key, utf8(input));
    cached = { token: `${input}.${toBase64Url(signature)}`, exp: now + LIFETIME_S };
    return cached.token;
  };
}
