/**
 * The UnionPay ACP 5.1.0 wire protocol as the gateway side speaks it, written independently of the server SDK (on
 * WebCrypto) so that a shared bug cannot make a round trip pass: sorted `k=v` string, lowercase hex SHA-256, then
 * SHA256withRSA over those hex characters, base64. Portable (no Node builtins).
 */
import { GATEWAY_CERT_PEM, GATEWAY_KEY_PEM, MERCHANT_PUBLIC_KEY_PEM } from './keys';

/** A flat ACP message. */
export type AcpFields = Record<string, string>;

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

function pemBody(pem: string): ArrayBuffer {
  const base64 = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer;
}

let gatewayKey: Promise<CryptoKey> | undefined;
let merchantKey: Promise<CryptoKey> | undefined;
const gatewaySigningKey = () => (gatewayKey ??= crypto.subtle.importKey('pkcs8', pemBody(GATEWAY_KEY_PEM), RSA, false, ['sign']));
const merchantPublicKey = () => (merchantKey ??= crypto.subtle.importKey('spki', pemBody(MERCHANT_PUBLIC_KEY_PEM), RSA, false, ['verify']));

async function digestHex(fields: AcpFields): Promise<Uint8Array<ArrayBuffer>> {
  const text = Object.keys(fields)
    .filter((key) => key !== 'signature')
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('&');
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return new TextEncoder().encode(Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('')) as Uint8Array<ArrayBuffer>;
}

/** Sign as the gateway: adds signPubKeyCert (CRLF PEM, as UnionPay sends it) and signature. */
export async function signAsGateway(fields: AcpFields): Promise<AcpFields> {
  const message: AcpFields = {
    version: '5.1.0',
    encoding: 'UTF-8',
    signMethod: '01',
    ...fields,
    signPubKeyCert: GATEWAY_CERT_PEM.trim().replace(/\n/g, '\r\n'),
  };
  const signature = new Uint8Array(await crypto.subtle.sign(RSA, await gatewaySigningKey(), await digestHex(message)));
  return { ...message, signature: btoa(String.fromCharCode(...signature)) };
}

/** True when the merchant's signature over `fields` verifies with the merchant certificate's key. */
export async function merchantSignatureValid(fields: AcpFields): Promise<boolean> {
  if (!fields.signature || !/^[A-Za-z0-9+/]+={0,2}$/.test(fields.signature)) return false;
  const signature = Uint8Array.from(atob(fields.signature), (c) => c.charCodeAt(0));
  return crypto.subtle.verify(RSA, await merchantPublicKey(), signature, await digestHex(fields));
}

/** Parse a form-urlencoded request body (what merchants and browsers post). */
export function parseForm(body: string): AcpFields {
  return Object.fromEntries(new URLSearchParams(body));
}

/** `k=v&...` with raw values: how the gateway answers back-end requests. */
export function kvText(fields: AcpFields): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

/** Beijing wall-clock `yyyyMMddHHmmss`. */
export function beijingTime(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().replace(/[-T:]/g, '').slice(0, 14);
}
