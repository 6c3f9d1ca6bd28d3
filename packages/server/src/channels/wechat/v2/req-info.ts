/**
 * APIv2 refund notifications carry no `sign`: their `req_info` is AES-256-ECB encrypted (PKCS#7) with the lowercase
 * hex MD5 of the API key, used as 32 ASCII bytes. A valid padding is the only authenticity signal, so callers confirm
 * the refund with `/pay/refundquery` before acting on it.
 * @see https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_16&index=11
 */
import { PaySignatureError } from '@payweave/core';
import type { CryptoProvider } from '../../../crypto/provider';
import { fromBase64, fromUtf8Strict, toHex, utf8 } from '../../../internal/encoding';
import { parseV2Xml } from './xml';

/** The AES key for `req_info`: md5(apiKey) as lowercase hex, taken as ASCII bytes. */
export async function reqInfoKey(crypto: CryptoProvider, apiKey: string): Promise<Uint8Array> {
  return utf8(toHex(await crypto.digest('MD5', utf8(apiKey))));
}

/** Decrypt and parse `req_info` into its `<root>` fields; `PaySignatureError` (`DECRYPTION_FAILED`) when it does not decrypt. */
export async function decryptReqInfo(crypto: CryptoProvider, apiKey: string, reqInfo: string): Promise<Record<string, string>> {
  const data = fromBase64(reqInfo);
  if (!data || data.length === 0 || data.length % 16 !== 0) {
    throw new PaySignatureError('refund notification req_info is not base64 of AES blocks', { channel: 'wechat', code: 'DECRYPTION_FAILED' });
  }
  const plaintext = await crypto.aesEcbDecrypt(await reqInfoKey(crypto, apiKey), data);
  const text = fromUtf8Strict(plaintext);
  if (text === null) throw new PaySignatureError('refund notification req_info does not decrypt with apiKey', { channel: 'wechat', code: 'DECRYPTION_FAILED' });
  return parseV2Xml(text, 'root');
}
