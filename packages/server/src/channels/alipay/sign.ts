/**
 * Alipay RSA signatures as pure functions: the string-to-sign of a request, of a notification, and signing and
 * verifying it with keys already imported into the crypto provider.
 * @see https://opendocs.alipay.com/common/02kf5p (自行实现签名: sort, join key=value with &, RSA2 = SHA256withRSA)
 * @see https://opendocs.alipay.com/common/02mse7 (自行实现验签: notifications drop sign and sign_type)
 */
import { PaySignatureError } from '@payweave/core';
import type { CryptoProvider, RsaHash, RsaPrivateKeyHandle, RsaPublicKeyHandle } from '../../crypto/provider';
import { concatBytes, fromBase64, toBase64, utf8 } from '../../internal/encoding';
import type { ParsedForm } from './form';
import type { AlipayParams } from './params';

/** Alipay's signature algorithms: RSA2 is SHA256withRSA, RSA the legacy SHA1withRSA. */
export type AlipaySignType = 'RSA2' | 'RSA';

/** The hash inside an Alipay signature type. */
export function hashOf(signType: AlipaySignType): RsaHash {
  return signType === 'RSA' ? 'SHA-1' : 'SHA-256';
}

/** UTF-16 code unit order, as Java's String.compareTo. */
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sort by key (UTF-16 code units, as Java's String.compareTo) and join raw, unescaped `key=value` pairs with `&`. */
function joinSorted(entries: Array<[string, string]>): string {
  return entries
    .sort(([a], [b]) => byKey(a, b))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

/**
 * String-to-sign of a request: every parameter but `sign`, `sign_type` included, empty values skipped (vector A1).
 */
export function requestSignContent(params: AlipayParams): string {
  return joinSorted(Object.entries(params).filter(([key, value]) => key !== 'sign' && value !== ''));
}

/**
 * Which parameters a received message's signature leaves out. `trade_status_sync` notifications and browser returns
 * are signed without `sign` and `sign_type` (Java `rsaCheckV1`, vector A6); other open-platform messages such as
 * `servicemarket_order_notify` keep `sign_type` in (Java `rsaCheckV2`, vector A7). The caller decides from the message
 * type; verification never tries one rule after the other.
 */
export type ReceivedSignRule = 'without-sign-type' | 'with-sign-type';

const isSigned = (rule: ReceivedSignRule) => (key: string) => key !== 'sign' && !(rule === 'without-sign-type' && key === 'sign_type');

/** String-to-sign of a received message: every field (empty ones too) except `sign` and, per `rule`, `sign_type`. */
export function receivedSignContent(fields: ReadonlyMap<string, string>, rule: ReceivedSignRule): string {
  const signed = isSigned(rule);
  const keys: string[] = [];
  fields.forEach((_, key) => {
    if (signed(key)) keys.push(key);
  });
  keys.sort(byKey);
  // Keys are unique (a Map), so this is joinSorted without building and sorting [key, value] pairs.
  let content = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    content += `${i === 0 ? '' : '&'}${key}=${fields.get(key) as string}`;
  }
  return content;
}

/**
 * The same content as bytes in the message charset, assembled from the received bytes of each field (keys sorted by
 * their decoded text). For a UTF-8 message this equals `utf8(receivedSignContent(...))`.
 */
export function receivedSignBytes(form: ParsedForm, rule: ReceivedSignRule): Uint8Array {
  if (form.bytes === null) return utf8(receivedSignContent(form.fields, rule)); // one encode instead of per-field copies
  const { bytes } = form;
  const keys = [...form.fields.keys()].filter(isSigned(rule)).sort(byKey);
  const parts: Uint8Array[] = [];
  keys.forEach((key, index) => {
    const field = bytes.get(key) as { key: Uint8Array; value: Uint8Array };
    parts.push(index === 0 ? EMPTY : AMPERSAND, field.key, EQUALS, field.value);
  });
  return concatBytes(...parts);
}

const EMPTY = new Uint8Array(0);
const AMPERSAND = Uint8Array.of(0x26);
const EQUALS = Uint8Array.of(0x3d);

/** Sign `content` (its UTF-8 bytes) and return the standard base64 signature. */
export async function signContent(crypto: CryptoProvider, key: RsaPrivateKeyHandle, signType: AlipaySignType, content: string): Promise<string> {
  return toBase64(await crypto.rsaSign(hashOf(signType), key, utf8(content)));
}

/** Add `sign` to request parameters. */
export async function signParams(crypto: CryptoProvider, key: RsaPrivateKeyHandle, params: AlipayParams): Promise<AlipayParams> {
  const signType = (params.sign_type ?? 'RSA2') as AlipaySignType;
  return { ...params, sign: await signContent(crypto, key, signType, requestSignContent(params)) };
}

/**
 * Verify an Alipay signature over `content`; throws `PaySignatureError` (code `SIGNATURE_INVALID`) when it does not
 * match, is not base64, or is missing. `what` names the message in the error ("notification", "response").
 */
export async function verifyContent(
  crypto: CryptoProvider,
  key: RsaPublicKeyHandle,
  signType: AlipaySignType,
  content: string | Uint8Array,
  signature: string | undefined,
  what: string,
): Promise<void> {
  const bytes = signature ? fromBase64(signature) : null;
  if (!bytes || bytes.length === 0) {
    throw new PaySignatureError(`alipay ${what} has no readable sign: it did not come from Alipay unaltered`, { channel: 'alipay' });
  }
  const ok = await crypto.rsaVerify(hashOf(signType), key, typeof content === 'string' ? utf8(content) : content, bytes);
  if (!ok) {
    throw new PaySignatureError(
      `alipay ${what} signature does not verify with the configured Alipay public key: check alipayPublicKey (the ` +
        `"支付宝公钥", not your app public key), and pass the body exactly as received`,
      { channel: 'alipay' },
    );
  }
}
