/**
 * The WeChat Pay APIv3 wire protocol as the gateway side speaks it, written independently of the server SDK (on
 * WebCrypto) so that a shared bug cannot make a round trip pass: Authorization verification, `Wechatpay-*` reply and
 * notification signatures, AEAD_AES_256_GCM resources. Portable (no Node builtins).
 * @see https://pay.weixin.qq.com/docs/merchant/development/interface-rules/signature-generation.html
 */
import { MERCHANT_PUBLIC_PEM, MERCHANT_SERIAL, PLATFORM_KEY_PEM, PLATFORM_SERIAL, PUBLIC_KEY_ID, PUBLIC_KEY_MODE_KEY_PEM, SANDBOX_API_V3_KEY, SANDBOX_MCH_ID } from './keys';

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const encoder = new TextEncoder();

function pemBody(pem: string): ArrayBuffer {
  const base64 = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer;
}
const base64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

const cache = new Map<string, Promise<CryptoKey>>();
function key(pem: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  let found = cache.get(pem);
  if (!found) {
    found = crypto.subtle.importKey(usage === 'sign' ? 'pkcs8' : 'spki', pemBody(pem), RSA, false, [usage]);
    cache.set(pem, found);
  }
  return found;
}

/** Random nonce of 32 hex characters. */
export function randomNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Why a request's Authorization was refused (WeChat answers 401 SIGN_ERROR). */
export class AuthorizationError extends Error {}

/**
 * Check a merchant request like WeChat does: schema, mchid, merchant certificate serial, a timestamp within 5 minutes,
 * and SHA256withRSA over `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n` with the merchant's public key.
 */
export async function verifyAuthorization(header: string | null, method: string, canonicalUrl: string, body: string, nowMs: number): Promise<void> {
  const match = /^WECHATPAY2-SHA256-RSA2048 (.+)$/.exec(header ?? '');
  if (!match) throw new AuthorizationError('Authorization schema must be WECHATPAY2-SHA256-RSA2048');
  const fields: Record<string, string> = {};
  for (const part of (match[1] as string).matchAll(/(\w+)="([^"]*)"/g)) fields[part[1] as string] = part[2] as string;
  if (fields.mchid !== SANDBOX_MCH_ID) throw new AuthorizationError('mchid does not match the sandbox merchant');
  if (fields.serial_no?.toUpperCase() !== MERCHANT_SERIAL) throw new AuthorizationError('serial_no is not the sandbox merchant certificate serial');
  if (!fields.timestamp || Math.abs(nowMs / 1000 - Number(fields.timestamp)) > 300) throw new AuthorizationError('timestamp is more than 5 minutes away');
  if (!fields.nonce_str || !fields.signature) throw new AuthorizationError('nonce_str and signature are required');
  const message = `${method}\n${canonicalUrl}\n${fields.timestamp}\n${fields.nonce_str}\n${body}\n`;
  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = Uint8Array.from(atob(fields.signature), (c) => c.charCodeAt(0));
  } catch {
    throw new AuthorizationError('signature is not base64');
  }
  const ok = await crypto.subtle.verify(RSA, await key(MERCHANT_PUBLIC_PEM, 'verify'), signature, encoder.encode(message));
  if (!ok) throw new AuthorizationError('signature does not verify with the merchant certificate');
}

/** `Wechatpay-*` headers over `body`: API replies are signed in public-key mode, notifications with the platform certificate. */
export async function wechatpayHeaders(body: string, nowMs: number, signer: 'public-key' | 'certificate'): Promise<Record<string, string>> {
  const timestamp = String(Math.floor(nowMs / 1000));
  const nonce = randomNonce();
  const pem = signer === 'public-key' ? PUBLIC_KEY_MODE_KEY_PEM : PLATFORM_KEY_PEM;
  const signature = await crypto.subtle.sign(RSA, await key(pem, 'sign'), encoder.encode(`${timestamp}\n${nonce}\n${body}\n`));
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Serial': signer === 'public-key' ? PUBLIC_KEY_ID : PLATFORM_SERIAL,
    'Wechatpay-Signature': base64(signature),
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  };
}

/** A signed JSON reply (or an empty 204). */
export async function signedJson(value: unknown, status: number, nowMs: number, signer: 'public-key' | 'certificate' = 'public-key'): Promise<Response> {
  const body = value === undefined ? '' : JSON.stringify(value);
  const headers = { ...(await wechatpayHeaders(body, nowMs, signer)), 'Request-ID': randomNonce() };
  if (body) Object.assign(headers, { 'Content-Type': 'application/json' });
  return new Response(body || null, { status, headers });
}

/** AEAD_AES_256_GCM with the sandbox APIv3 key; `ciphertext` is base64(ct || tag). */
export async function encryptResource(plaintext: string, associatedData: string): Promise<Record<string, string>> {
  const nonce = randomNonce().slice(0, 12);
  const aesKey = await crypto.subtle.importKey('raw', encoder.encode(SANDBOX_API_V3_KEY), 'AES-GCM', false, ['encrypt']);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: encoder.encode(nonce), additionalData: encoder.encode(associatedData) }, aesKey, encoder.encode(plaintext));
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: base64(sealed), nonce, associated_data: associatedData };
}

/** A complete notification request: encrypted resource, signed with the platform certificate key. */
export async function notificationRequest(
  eventType: string,
  summary: string,
  originalType: string,
  resource: unknown,
  id: string,
  nowMs: number,
): Promise<{ headers: Record<string, string>; body: string }> {
  const body = JSON.stringify({
    id,
    create_time: new Date(nowMs + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00'),
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary,
    resource: { original_type: originalType, ...(await encryptResource(JSON.stringify(resource), originalType)) },
  });
  return { headers: { 'content-type': 'application/json', ...(await wechatpayHeaders(body, nowMs, 'certificate')) }, body };
}
