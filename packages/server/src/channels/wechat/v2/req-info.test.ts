import { PaySignatureError } from '@payweave/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CryptoProvider } from '../../../crypto/provider';
import { fromBase64, fromUtf8, toBase64, utf8 } from '../../../internal/encoding';
import { testCrypto } from '../../../testing/crypto';
import { W1_KEY, W6_AES_KEY_ASCII, W6_EXTRA, W6_PLAINTEXT, W6_REQ_INFO } from '../__fixtures__/v2-vectors';
import { decryptReqInfo, reqInfoKey } from './req-info';
import { parseV2Xml } from './xml';

let crypto: CryptoProvider;
beforeAll(async () => {
  crypto = await testCrypto();
});

describe('APIv2 refund notification req_info (W6)', () => {
  it('derives the AES key as md5(apiKey) hex', async () => {
    expect(fromUtf8(await reqInfoKey(crypto, W1_KEY))).toBe(W6_AES_KEY_ASCII);
  });

  it('decrypts W6 to the exact plaintext fields', async () => {
    expect(fromUtf8(await crypto.aesEcbDecrypt(utf8(W6_AES_KEY_ASCII), fromBase64(W6_REQ_INFO) as Uint8Array))).toBe(W6_PLAINTEXT);
    const fields = await decryptReqInfo(crypto, W1_KEY, W6_REQ_INFO);
    expect(fields).toEqual(parseV2Xml(W6_PLAINTEXT, 'root'));
    expect(fields.refund_status).toBe('SUCCESS');
    expect(fields.refund_recv_accout).toBe('支付用户零钱');
  });

  it('the wechatpay-php AES-256-ECB vector', async () => {
    expect(fromUtf8(await crypto.aesEcbDecrypt(utf8(W6_EXTRA.key), fromBase64(W6_EXTRA.ciphertext) as Uint8Array))).toBe(W6_EXTRA.plaintext);
  });

  it('rejects the wrong key, a truncated or altered req_info', async () => {
    const bad = async (apiKey: string, reqInfo: string) => {
      const error = await decryptReqInfo(crypto, apiKey, reqInfo).then(() => null, (e: unknown) => e);
      expect(PaySignatureError.isInstance(error) || (error as { code?: string })?.code === 'XML_INVALID').toBe(true);
    };
    await bad(`${W1_KEY.slice(0, -1)}e`, W6_REQ_INFO);
    await bad(W1_KEY, W6_REQ_INFO.slice(0, 24));
    await bad(W1_KEY, 'not base64 at all!');
    const bytes = fromBase64(W6_REQ_INFO) as Uint8Array;
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 0x55;
    await bad(W1_KEY, toBase64(bytes));
  });
});
