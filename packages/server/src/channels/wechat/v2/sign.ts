/**
 * WeChat Pay APIv2 signatures: MD5 or HMAC-SHA256 over the sorted `k=v` string with `&key=API_KEY` appended,
 * uppercase hex. Pure functions over the crypto provider.
 * @see https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=4_3 (安全规范)
 */
import { PaySignatureError } from '@payweave/core';
import type { CryptoProvider } from '../../../crypto/provider';
import { timingSafeEqualText, toHex, utf8 } from '../../../internal/encoding';

/** The two v2 signature algorithms. */
export type V2SignType = 'MD5' | 'HMAC-SHA256';

/** Fields of a v2 message: flat string values (an undefined or empty value is left out of the signature). */
export type V2Fields = Record<string, string | undefined>;

/**
 * `stringSignTemp`: every non-empty field except `sign`, keys sorted by code unit (case-sensitive: `appId` sorts
 * before `nonceStr`), raw values joined as `k=v` with `&`, then `&key=API_KEY`. Unknown fields stay in: WeChat signs
 * every field it sends, so dropping one would break verification when it adds a field.
 */
export function v2StringToSign(fields: V2Fields, apiKey: string): string {
  const pairs = Object.keys(fields)
    .filter((key) => key !== 'sign' && fields[key] !== undefined && fields[key] !== '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => `${key}=${fields[key] as string}`);
  return `${pairs.join('&')}&key=${apiKey}`;
}

/** The v2 `sign` (uppercase hex) of `fields` with `signType`. */
export async function signV2(crypto: CryptoProvider, signType: V2SignType, fields: V2Fields, apiKey: string): Promise<string> {
  const data = utf8(v2StringToSign(fields, apiKey));
  const digest = signType === 'MD5' ? await crypto.digest('MD5', data) : await crypto.hmacSha256(utf8(apiKey), data);
  return toHex(digest).toUpperCase();
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
