/**
 * UnionPay ACP signatures, signMethod 01 (RSA certificate).
 *
 * 5.1.0: signature = base64(SHA256withRSA(lowercase hex of SHA-256(string to sign))): the 64 ASCII hex characters
 * are hashed again inside the RSA signature. 5.0.0 is the same with SHA-1 (verification of old messages only).
 * String to sign: every field but `signature`, sorted by key (ASCII), joined as `k=v` with `&`, raw values, UTF-8.
 * @see https://open.unionpay.com/tjweb/acproduct/APIList?apiservId=448 (ACP gateway API list; 签名 rules in the SDK docs)
 */
import type { CryptoProvider, RsaHash, RsaPrivateKeyHandle, RsaPublicKeyHandle } from '../../crypto/provider';
import { fromPublicBase64, toBase64, toHex } from '../../internal/encoding';
import { LEGACY_ACP_VERSION } from './constants';
import type { Fields } from './params';

/** The hash a message version signs with: SHA-1 for 5.0.0, SHA-256 otherwise. */
export function hashForVersion(version: string | undefined): RsaHash {
  return version === LEGACY_ACP_VERSION ? 'SHA-1' : 'SHA-256';
}

/**
 * Drop blank fields and trim the others, as the official SDK's `filterBlank` does before signing a request
 * (the trimmed fields are also what is sent, so signed and sent bytes agree).
 */
export function withoutBlankFields(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    const trimmed = value.trim();
    if (trimmed !== '') out[key] = trimmed;
  }
  return out;
}

/** Above this many keys, insertion sort (quadratic) gives way to `Array.prototype.sort`. */
const INSERTION_SORT_LIMIT = 64;

/**
 * The keys of `fields` in UTF-16 code unit order (what `<` and the default `sort()` compare). A message has about 20
 * fields: insertion sort measured about twice as fast as `sort()` there; a larger (hostile) message takes `sort()`.
 */
function sortedKeys(fields: Fields): string[] {
  const keys = Object.keys(fields);
  if (keys.length > INSERTION_SORT_LIMIT) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    for (; j >= 0 && (keys[j] as string) > key; j--) keys[j + 1] = keys[j] as string;
    keys[j + 1] = key;
  }
  return keys;
}

/**
 * The string to sign: all fields except `signature`, sorted by key, `k=v` joined with `&`. Nothing is filtered here:
 * a request is cleaned with `withoutBlankFields` first; a received message is verified over every field it carries.
 * Keys compare by UTF-16 code units, as the official SDK's sorted map (Java `String.compareTo`) does. `join` builds
 * one flat string, which the UTF-8 encoder reads directly (a `+=` chain of ~20 parts had to be flattened first and
 * measured slower overall): this runs for every notification.
 */
export function stringToSign(fields: Fields): string {
  const keys = sortedKeys(fields);
  const pairs: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key !== 'signature') pairs.push(`${key}=${fields[key] as string}`);
  }
  return pairs.join('&');
}

/** ASCII codes of the lowercase hex digits. */
const HEX_CODES = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));

/**
 * The bytes the RSA signature covers, given the digest of the string to sign: the UTF-8 bytes of its lowercase hex,
 * written directly (no intermediate string).
 */
export function hexAsciiBytes(digest: Uint8Array): Uint8Array {
  const out = new Uint8Array(digest.length * 2);
  for (let i = 0; i < digest.length; i++) {
    const byte = digest[i] as number;
    out[2 * i] = HEX_CODES[byte >> 4] as number;
    out[2 * i + 1] = HEX_CODES[byte & 15] as number;
  }
  return out;
}

/** The bytes the RSA signature covers: the lowercase hex digest of the string to sign, as ASCII. */
async function signedBytes(crypto: CryptoProvider, hash: RsaHash, fields: Fields): Promise<Uint8Array> {
  return hexAsciiBytes(await crypto.digest(hash, stringToSign(fields)));
}

/** Lowercase hex digest of the string to sign (what UnionPay's documentation shows as the signed value). */
export async function signedDigestHex(crypto: CryptoProvider, hash: RsaHash, fields: Fields): Promise<string> {
  return toHex(await crypto.digest(hash, stringToSign(fields)));
}

/** Sign request fields (already cleaned and carrying `certId`); returns the base64 `signature` value. */
export async function signFields(crypto: CryptoProvider, key: RsaPrivateKeyHandle, fields: Fields): Promise<string> {
  const hash = hashForVersion(fields.version);
  return toBase64(await crypto.rsaSign(hash, key, await signedBytes(crypto, hash, fields)));
}

/** The decoded `signature` field, or null when it is absent, empty or not base64 (a signature that cannot verify). */
export function signatureBytes(fields: Fields): Uint8Array | null {
  const signature = fields.signature === undefined ? null : fromPublicBase64(fields.signature);
  return signature && signature.length > 0 ? signature : null;
}

/**
 * Check `fields.signature` against `key`. Returns false for a wrong or undecodable signature; callers outside the
 * channel only ever see the verified message or a `PaySignatureError`. The message verifier (`verify.ts`) runs these
 * same steps inline, saving an async layer on every notification.
 */
export async function checkFieldsSignature(crypto: CryptoProvider, key: RsaPublicKeyHandle, fields: Fields): Promise<boolean> {
  const signature = signatureBytes(fields);
  if (!signature) return false;
  const hash = hashForVersion(fields.version);
  const digest = await crypto.digest(hash, stringToSign(fields));
  // `return await`: the caller resumes one microtask sooner than with a returned promise.
  return await crypto.rsaVerify(hash, key, hexAsciiBytes(digest), signature);
}
