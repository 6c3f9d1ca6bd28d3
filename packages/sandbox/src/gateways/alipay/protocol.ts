/**
 * The Alipay gateway protocol as the gateway side speaks it, written independently of the server SDK (on WebCrypto)
 * so that a bug shared by both sides cannot make a round trip pass: sorted raw `k=v` pairs joined with `&`,
 * SHA256withRSA, base64. Requests are verified with `sign_type` included and empty values skipped; notifications and
 * returns are signed without `sign` and `sign_type`. Portable (no Node builtins).
 * @see https://opendocs.alipay.com/common/02kf5p (签名) and https://opendocs.alipay.com/common/02mse7 (验签)
 */
import { APP_PUBLIC_KEY_PEM, GATEWAY_PRIVATE_KEY_PEM } from './keys';

/** Flat gateway parameters. */
export type AlipayFields = Record<string, string>;

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

function pemBody(pem: string): ArrayBuffer {
  const base64 = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer;
}

let gatewayKey: Promise<CryptoKey> | undefined;
let appKey: Promise<CryptoKey> | undefined;
const gatewaySigningKey = () => (gatewayKey ??= crypto.subtle.importKey('pkcs8', pemBody(GATEWAY_PRIVATE_KEY_PEM), RSA, false, ['sign']));
const appPublicKey = () => (appKey ??= crypto.subtle.importKey('spki', pemBody(APP_PUBLIC_KEY_PEM), RSA, false, ['verify']));

/** Sorted `k=v&...` of the fields that `include` keeps. */
export function signContent(fields: AlipayFields, include: (key: string, value: string) => boolean): string {
  return Object.keys(fields)
    .filter((key) => include(key, fields[key] as string))
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('&');
}

/** The string the gateway verifies a merchant request against (what its `isv.invalid-signature` message quotes). */
export function requestContent(fields: AlipayFields): string {
  return signContent(fields, (key, value) => key !== 'sign' && value !== '');
}

/** True when the merchant's RSA2 signature verifies with the app public key the sandbox holds. */
export async function merchantSignatureValid(fields: AlipayFields): Promise<boolean> {
  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = Uint8Array.from(atob(fields.sign ?? ''), (c) => c.charCodeAt(0));
  } catch {
    return false; // not base64 (atob also refuses a length no encoder produces)
  }
  if (signature.length === 0) return false;
  return crypto.subtle.verify(RSA, await appPublicKey(), signature, new TextEncoder().encode(requestContent(fields)));
}

/** Base64 SHA256withRSA signature of `content` with the sandbox "Alipay" key. */
export async function signAsGateway(content: string): Promise<string> {
  const signature = new Uint8Array(await crypto.subtle.sign(RSA, await gatewaySigningKey(), new TextEncoder().encode(content)));
  return btoa(String.fromCharCode(...signature));
}

/** A notification or return message: adds `sign_type` and a signature over everything but `sign`/`sign_type`. */
export async function signMessage(fields: AlipayFields): Promise<AlipayFields> {
  const sign = await signAsGateway(signContent(fields, (key) => key !== 'sign' && key !== 'sign_type'));
  return { ...fields, sign_type: 'RSA2', sign };
}

/**
 * A signed JSON reply, `{"<method>_response":{...},"sign":"..."}`. Like Alipay, slashes are escaped as `\/`, and the
 * signature covers that exact text: a client that re-serialises the reply before verifying fails here too.
 */
export async function signedReplyBody(responseKey: string, reply: Record<string, unknown>): Promise<string> {
  const span = JSON.stringify(reply).replace(/\//g, '\\/');
  return `{"${responseKey}":${span},"sign":"${await signAsGateway(span)}"}`;
}

/** Beijing wall-clock `yyyy-MM-dd HH:mm:ss`. */
export function beijingTime(epochMs: number): string {
  const iso = new Date(epochMs + 8 * 3_600_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
