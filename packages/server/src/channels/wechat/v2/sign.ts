/**
 * WeChat Pay APIv2 signatures: MD5 or HMAC-SHA256 over the sorted `k=v` string with `&key=API_KEY` appended,
 * uppercase hex. Pure functions over the crypto provider.
 * @see https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=4_3 (安全规范)
 */
import { PaySignatureError } from '@payweave/core';
import type { CryptoProvider } from '../../../crypto/provider';
import { timingSafeEqualText, utf8 } from '../../../internal/encoding';

/** The two v2 signature algorithms. */
export type V2SignType = 'MD5' | 'HMAC-SHA256';

/** Fields of a v2 message: flat string values (an undefined or empty value is left out of the signature). */
export type V2Fields = Record<string, string | undefined>;

/**
 * `stringSignTemp`: every non-empty field except `sign`, keys sorted by code unit, raw values joined as `k=v` with
 * `&`, then `&key=API_KEY`. Unknown fields stay in: WeChat signs every field it sends, so dropping one would break
 * verification when it adds a field.
 */
export function v2StringToSign(fields: V2Fields, apiKey: string): string {
  // Only the signed keys are sorted: `sign` and empty values are left out first.
  const all = Object.keys(fields);
  const keys: string[] = [];
  for (let i = 0; i < all.length; i++) {
    const key = all[i] as string;
    const value = fields[key];
    if (key !== 'sign' && value !== undefined && value !== '') keys.push(key);
  }
  sortByCodeUnits(keys);
  let text = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    text += `${key}=${fields[key]}&`;
  }
  // With no field at all the string still starts with '&' (`pairs.join('&') + '&key=...'`).
  return `${text || '&'}key=${apiKey}`;
}

/** Up to this many keys an insertion sort is used; a longer (unusual, or hostile) field list takes `Array#sort`. */
const INSERTION_SORT_MAX = 32;

/**
 * Sort keys in place by UTF-16 code units, the order WeChat specifies (ASCII for its keys) and the order of the
 * default `Array#sort`. A v2 message has 5-30 fields, and for those an inline insertion sort with `>` (which also
 * compares code units) costs about a third of `sort()`, whose default comparator converts every pair to strings.
 */
function sortByCodeUnits(keys: string[]): void {
  if (keys.length > INSERTION_SORT_MAX) {
    keys.sort();
    return;
  }
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
}

const UPPER_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));

/** Uppercase hex in one pass (the v2 `sign` form). */
function toUpperHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += UPPER_HEX[bytes[i] as number];
  return out;
}

/** The HMAC key bytes of the last APIv2 key used (a channel signs with one key, so it is encoded once). */
let lastHmacKey: { text: string; bytes: Uint8Array } | undefined;

function hmacKeyBytes(apiKey: string): Uint8Array {
  if (lastHmacKey?.text !== apiKey) lastHmacKey = { text: apiKey, bytes: utf8(apiKey) };
  return lastHmacKey.bytes;
}

/**
 * The v2 `sign` (uppercase hex) of `fields` with `signType`. Chained on the provider's promise rather than an async
 * function (one promise fewer per signature); a synchronous failure is still returned as a rejected promise.
 */
export function signV2(crypto: CryptoProvider, signType: V2SignType, fields: V2Fields, apiKey: string): Promise<string> {
  try {
    // Text: the provider signs its UTF-8 bytes (natively on Node).
    const data = v2StringToSign(fields, apiKey);
    return (signType === 'MD5' ? crypto.digest('MD5', data) : crypto.hmacSha256(hmacKeyBytes(apiKey), data)).then(toUpperHex);
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * The algorithm a received message was signed with: its own `sign_type` when present, otherwise inferred from the
 * length of `sign` (64 hex digits for HMAC-SHA256, 32 for MD5), as WeChat omits `sign_type` from most replies.
 */
export function receivedSignType(fields: V2Fields): V2SignType {
  const declared = fields.sign_type;
  if (declared === 'MD5' || declared === 'HMAC-SHA256') return declared;
  if (declared !== undefined && declared !== '') {
    throw new PaySignatureError(`unknown WeChat Pay v2 sign_type "${declared.slice(0, 20)}"`, { channel: 'wechat' });
  }
  const length = fields.sign?.length ?? 0;
  if (length === 64) return 'HMAC-SHA256';
  if (length === 32) return 'MD5';
  throw new PaySignatureError('WeChat Pay v2 message has no valid sign: it must not be trusted', { channel: 'wechat', code: 'SIGNATURE_MISSING' });
}

/**
 * Verify the `sign` of a received v2 message (response or notification) in constant time. Returns the algorithm
 * used; throws `PaySignatureError` when the signature is missing or wrong.
 */
export async function verifyV2(crypto: CryptoProvider, fields: V2Fields, apiKey: string): Promise<V2SignType> {
  const signType = receivedSignType(fields);
  const expected = await signV2(crypto, signType, fields, apiKey);
  const received = (fields.sign ?? '').toUpperCase();
  if (!timingSafeEqualText(expected, received)) {
    throw new PaySignatureError('WeChat Pay v2 signature does not verify: check apiKey (the 32-character APIv2 key), or the message was altered', {
      channel: 'wechat',
    });
  }
  return signType;
}
