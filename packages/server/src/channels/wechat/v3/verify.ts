/**
 * Verification of WeChat Pay APIv3 responses and notifications: `Wechatpay-Timestamp\nWechatpay-Nonce\nBODY\n`
 * signed SHA256withRSA by the platform key named in `Wechatpay-Serial` (a platform-certificate serial or a
 * `PUB_KEY_ID_...` WeChat Pay public-key id). The key is chosen by serial, never by trying every key.
 * @see https://pay.weixin.qq.com/docs/merchant/development/interface-rules/signature-verification.html
 */
import { PaySignatureError } from '@payweave/core';
import type { CryptoData, CryptoProvider, RsaPublicKeyHandle } from '../../../crypto/provider';
import { fromPublicBase64, utf8 } from '../../../internal/encoding';
import { AUTHORIZATION_SCHEMA, MAX_CLOCK_SKEW_SECONDS, SIGNATURE_PROBE_PREFIX } from '../constants';

/** Imported platform keys by serial / public-key id. */
export interface PlatformKeyRing {
  /** The key for a `Wechatpay-Serial` value, or undefined. */
  get(serial: string): RsaPublicKeyHandle | undefined;
  /** Known serials (not secret), for error messages. */
  serials(): string[];
  /** Look a serial up after `get` missed (automatic platform-certificate download); undefined when still unknown. */
  resolve?(serial: string): Promise<RsaPublicKeyHandle | undefined>;
}

/** Certificate serials are hex and case-insensitive; `PUB_KEY_ID_...` ids are matched exactly. */
export function normaliseSerial(serial: string): string {
  return /^[0-9a-fA-F]+$/.test(serial) ? serial.toUpperCase() : serial;
}

/** A ring over a fixed map of serial -> key. */
export function keyRing(entries: Iterable<readonly [string, RsaPublicKeyHandle]>): PlatformKeyRing {
  const map = new Map<string, RsaPublicKeyHandle>();
  for (const [serial, key] of entries) map.set(normaliseSerial(serial), key);
  // A serial as WeChat sends it (uppercase hex, or a PUB_KEY_ID_) is its own normal form: found without the regex.
  return { get: (serial) => map.get(serial) ?? map.get(normaliseSerial(serial)), serials: () => [...map.keys()] };
}

/** Headers as a notification or `HttpResponse` carries them (names case-insensitive). */
export type HeaderSource = Record<string, string | string[] | undefined> | undefined;

/** `TIMESTAMP\nNONCE\nBODY\n` over the raw body bytes (re-serialising JSON would break the signature). */
export function responseMessage(timestamp: string, nonce: string, body: Uint8Array): Uint8Array {
  const prefix = utf8(`${timestamp}\n${nonce}\n`);
  const message = new Uint8Array(prefix.length + body.length + 1);
  message.set(prefix, 0);
  message.set(body, prefix.length);
  message[message.length - 1] = 0x0a;
  return message;
}

/**
 * The signed message for a body received as bytes or as text: a text body (a notification as most frameworks hand it
 * over) stays text, which the crypto provider signs as its UTF-8 bytes: the same bytes as encoding it first.
 */
function signedMessage(timestamp: string, nonce: string, body: Uint8Array | string): CryptoData {
  return typeof body === 'string' ? `${timestamp}\n${nonce}\n${body}\n` : responseMessage(timestamp, nonce, body);
}

/** The `Wechatpay-*` headers this verifier reads, by lowercase name. */
interface SignatureHeaders {
  'wechatpay-timestamp'?: string;
  'wechatpay-nonce'?: string;
  'wechatpay-signature'?: string;
  'wechatpay-serial'?: string;
  'wechatpay-signature-type'?: string;
}

const SIGNATURE_HEADER_NAMES = new Set(['wechatpay-timestamp', 'wechatpay-nonce', 'wechatpay-signature', 'wechatpay-serial', 'wechatpay-signature-type']);

/**
 * The two spellings nearly every request uses, WeChat's own (`Wechatpay-Timestamp`) and the lowercase one of Node and
 * Fetch, recognised without lowercasing the name (a new string per header on every notification).
 */
const USUAL_SPELLINGS = new Map<string, string>();
for (const lower of SIGNATURE_HEADER_NAMES) {
  USUAL_SPELLINGS.set(lower, lower);
  USUAL_SPELLINGS.set(lower.replace(/(^|-)[a-z]/g, (start) => start.toUpperCase()), lower);
}
/**
 * `toLowerCase` keeps the length of every string but those holding U+0130 (lowercased to `i` + U+0307, and U+0307 is
 * in none of our names), so a name of another length is none of ours.
 */
const NAME_LENGTHS = new Set([...SIGNATURE_HEADER_NAMES].map((name) => name.length));

/** The lowercase name of a signature header, or '' for any other header. */
function signatureHeaderName(name: string): string {
  return USUAL_SPELLINGS.get(name) ?? (NAME_LENGTHS.has(name.length) ? name.toLowerCase() : '');
}

/**
 * All signature headers in one pass over `headers`: names are case-insensitive, the first present (not undefined)
 * value of a name wins and a list yields its first element, as `headerValue` in notifications/raw.ts reads them.
 */
function signatureHeaders(headers: HeaderSource): SignatureHeaders {
  const found: SignatureHeaders = {};
  if (!headers) return found;
  for (const name in headers) {
    if (!Object.hasOwn(headers, name)) continue;
    const value = headers[name];
    if (value === undefined) continue;
    const lower = signatureHeaderName(name) as keyof SignatureHeaders;
    if (!SIGNATURE_HEADER_NAMES.has(lower) || lower in found) continue;
    found[lower] = Array.isArray(value) ? value[0] : value;
  }
  return found;
}

/** 1-12 ASCII digits (`/^\d{1,12}$/`), checked without a regex on every message. */
function isUnixSeconds(text: string): boolean {
  if (text.length === 0 || text.length > 12) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

function reject(message: string, code = 'SIGNATURE_INVALID'): PaySignatureError {
  return new PaySignatureError(message, { channel: 'wechat', code });
}

export interface VerifiedSignature {
  serial: string;
  timestamp: number;
}

/**
 * Verify the `Wechatpay-*` signature headers over `body` (the raw bytes, or the text they decode to). Throws
 * `PaySignatureError` with code `SIGNATURE_MISSING` (no headers: a forged reply), `TIMESTAMP_OUT_OF_WINDOW`,
 * `UNKNOWN_SERIAL` or `SIGNATURE_INVALID` (including the `WECHATPAY/SIGNTEST/` probes).
 */
export async function verifyWechatpaySignature(
  crypto: CryptoProvider,
  keys: PlatformKeyRing,
  headers: HeaderSource,
  body: Uint8Array | string,
  nowMs: number,
): Promise<VerifiedSignature> {
  const found = signatureHeaders(headers);
  const timestamp = found['wechatpay-timestamp'];
  const nonce = found['wechatpay-nonce'];
  const signature = found['wechatpay-signature'];
  const serial = found['wechatpay-serial'];
  if (!timestamp || !nonce || !signature || !serial) {
    throw reject('WeChat Pay message without Wechatpay-Timestamp/Nonce/Signature/Serial headers: treated as forged', 'SIGNATURE_MISSING');
  }
  const schema = found['wechatpay-signature-type'];
  if (schema !== undefined && schema !== AUTHORIZATION_SCHEMA) throw reject('unsupported Wechatpay-Signature-Type');
  if (!isUnixSeconds(timestamp)) throw reject('Wechatpay-Timestamp is not a Unix time in seconds');
  const seconds = Number(timestamp);
  if (Math.abs(nowMs / 1000 - seconds) > MAX_CLOCK_SKEW_SECONDS) {
    throw reject(
      `Wechatpay-Timestamp is more than ${MAX_CLOCK_SKEW_SECONDS} s away from this server's clock: a replay, or the server clock is wrong`,
      'TIMESTAMP_OUT_OF_WINDOW',
    );
  }
  const key = keys.get(serial) ?? (keys.resolve ? await keys.resolve(serial) : undefined);
  if (!key) {
    throw reject(
      `Wechatpay-Serial ${JSON.stringify(serial.slice(0, 64))} is not among the configured platformKeys (${keys.serials().join(', ') || 'none'}): ` +
        'add the platform certificate or WeChat Pay public key with that serial/id',
      'UNKNOWN_SERIAL',
    );
  }
  if (signature.startsWith(SIGNATURE_PROBE_PREFIX)) throw reject('WeChat Pay signature probe (WECHATPAY/SIGNTEST/) rejected');
  const signatureBytes = fromPublicBase64(signature);
  if (!signatureBytes || signatureBytes.length === 0) throw reject('Wechatpay-Signature is not base64');
  const ok = await crypto.rsaVerify('SHA-256', key, signedMessage(timestamp, nonce, body), signatureBytes);
  if (!ok) throw reject('WeChat Pay signature does not verify: the message was altered or platformKeys holds the wrong key for this serial');
  return { serial, timestamp: seconds };
}
