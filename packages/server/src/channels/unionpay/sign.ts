/**
 * UnionPay ACP signatures, signMethod 01 (RSA certificate).
 *
 * 5.1.0: signature = base64(SHA256withRSA(lowercase hex of SHA-256(string to sign))): the 64 ASCII hex characters
 * are hashed again inside the RSA signature. 5.0.0 is the same with SHA-1 (verification of old messages only).
 * String to sign: every field but `signature`, sorted by key (ASCII), joined as `k=v` with `&`, raw values, UTF-8.
 * @see https://open.unionpay.com/tjweb/acproduct/APIList?apiservId=448 (ACP gateway API list; 签名 rules in the SDK docs)
 */
import type { CryptoProvider, RsaHash, RsaPrivateKeyHandle, RsaPublicKeyHandle } from '../../crypto/provider';
import { fromBase64, toBase64, toHex, utf8 } from '../../internal/encoding';
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

/**
 * The string to sign: all fields except `signature`, sorted by key, `k=v` joined with `&`. Nothing is filtered here:
 * a request is cleaned with `withoutBlankFields` first; a received message is verified over every field it carries.
 */
export function stringToSign(fields: Fields): string {
  return Object.keys(fields)
    .filter((key) => key !== 'signature')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => `${key}=${fields[key] as string}`)
    .join('&');
}

/** Lowercase hex digest of the string to sign: the bytes the RSA signature covers. */
export async function signedDigestHex(crypto: CryptoProvider, hash: RsaHash, fields: Fields): Promise<string> {
  return toHex(await crypto.digest(hash, utf8(stringToSign(fields))));
}

/** Sign request fields (already cleaned and carrying `certId`); returns the base64 `signature` value. */
export async function signFields(crypto: CryptoProvider, key: RsaPrivateKeyHandle, fields: Fields): Promise<string> {
  const hash = hashForVersion(fields.version);
  const digest = await signedDigestHex(crypto, hash, fields);
  return toBase64(await crypto.rsaSign(hash, key, utf8(digest)));
}

/**
 * Check `fields.signature` against `key`. Returns false for a wrong or undecodable signature; callers outside the
 * channel only ever see the verified message or a `PaySignatureError`.
 */
export async function checkFieldsSignature(crypto: CryptoProvider, key: RsaPublicKeyHandle, fields: Fields): Promise<boolean> {
  const signature = fields.signature === undefined ? null : fromBase64(fields.signature);
  if (!signature || signature.length === 0) return false;
  const hash = hashForVersion(fields.version);
  const digest = await signedDigestHex(crypto, hash, fields);
  return crypto.rsaVerify(hash, key, utf8(digest), signature);
}
