/**
 * WeChat Pay APIv3 request signing (the `Authorization` header) and the client-side second signatures (JSAPI/mini
 * `paySign`, APP `sign`). Every message is a list of lines each ending in "\n", including the last one: that final
 * newline is part of the signed bytes, so a body that ends in "\n" still gets another.
 * @see https://pay.weixin.qq.com/docs/merchant/development/interface-rules/signature-generation.html
 */
import type { CryptoProvider, RsaPrivateKeyHandle } from '../../../crypto/provider';
import { toBase64, utf8 } from '../../../internal/encoding';
import { AUTHORIZATION_SCHEMA } from '../constants';

/** `METHOD\nCANONICAL_URL\nTIMESTAMP\nNONCE\nBODY\n`: the URL is the path plus `?query`, no host; GET has an empty body. */
export function requestMessage(method: string, canonicalUrl: string, timestamp: string, nonce: string, body: string): string {
  return `${method}\n${canonicalUrl}\n${timestamp}\n${nonce}\n${body}\n`;
}

/** Lines of a message to sign: each ends in "\n". */
export function lines(...parts: string[]): string {
  return parts.map((part) => `${part}\n`).join('');
}

/** SHA256withRSA (PKCS#1 v1.5) of a UTF-8 message, base64: the one signature primitive of APIv3. */
export async function rsaSignBase64(crypto: CryptoProvider, key: RsaPrivateKeyHandle, message: string): Promise<string> {
  return toBase64(await crypto.rsaSign('SHA-256', key, utf8(message)));
}

export interface AuthorizationInput {
  mchid: string;
  /** Merchant API certificate serial (hex). */
  serial: string;
  timestamp: string;
  nonce: string;
  signature: string;
}

/**
 * The `Authorization` header value. WeChat accepts the five fields in any order; this order (mchid, serial_no,
 * timestamp, nonce_str, signature) matches wechatpay-axios-plugin so the header compares byte for byte (vector W8).
 */
export function authorizationHeader(input: AuthorizationInput): string {
  return (
    `${AUTHORIZATION_SCHEMA} mchid="${input.mchid}",serial_no="${input.serial}",timestamp="${input.timestamp}",` +
    `nonce_str="${input.nonce}",signature="${input.signature}"`
  );
}

export interface SignRequestInput {
  mchid: string;
  serial: string;
  method: string;
  /** Path and query exactly as sent, e.g. `/v3/pay/transactions/out-trade-no/123?mchid=1900009191`. */
  canonicalUrl: string;
  timestamp: string;
  nonce: string;
  /** The exact JSON text sent ('' for GET). */
  body: string;
}

/** Sign a request and return its `Authorization` header value. */
export async function signRequest(crypto: CryptoProvider, key: RsaPrivateKeyHandle, input: SignRequestInput): Promise<string> {
  const message = requestMessage(input.method, input.canonicalUrl, input.timestamp, input.nonce, input.body);
  const signature = await rsaSignBase64(crypto, key, message);
  return authorizationHeader({ mchid: input.mchid, serial: input.serial, timestamp: input.timestamp, nonce: input.nonce, signature });
}

/**
 * JSAPI / mini-program `paySign`: `appId\ntimeStamp\nnonceStr\npackage\n` with `package = prepay_id=...`.
 * @see https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/jsapi-transfer-payment.html
 */
export function jsapiPayMessage(appId: string, timeStamp: string, nonceStr: string, packageValue: string): string {
  return lines(appId, timeStamp, nonceStr, packageValue);
}

/**
 * APP `sign`: `appid\ntimestamp\nnoncestr\nprepayid\n`; the fourth line is the bare prepay id, not `prepay_id=`.
 * @see https://pay.weixin.qq.com/docs/merchant/apis/in-app-payment/app-transfer-payment.html
 */
export function appPayMessage(appId: string, timestamp: string, nonceStr: string, prepayId: string): string {
  return lines(appId, timestamp, nonceStr, prepayId);
}
