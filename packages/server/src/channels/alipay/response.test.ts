import { describe, expect, it } from 'vitest';
import { parseRsaPublicKey } from '../../crypto/keys';
import { testCrypto } from '../../testing/crypto';
import { ALIPAY_PUBLIC_KEY_A5 } from './__fixtures__/keys';
import * as V from './__fixtures__/vectors';
import { verifyReply } from './response';
import type { AlipayRuntime } from './runtime';

const crypto = await testCrypto();
const method = 'alipay.open.file.upload';

async function runtime(certSn?: string): Promise<AlipayRuntime> {
  const alipayPublicKey = await crypto.importRsaPublicKey(parseRsaPublicKey(ALIPAY_PUBLIC_KEY_A5, 'k2').spki);
  return { crypto, alipayPublicKey, config: { signType: 'RSA2' }, ...(certSn ? { certSns: { app: 'a', root: 'r', alipay: certSn } } : {}) } as unknown as AlipayRuntime;
}

describe('verifyReply (vector A5)', () => {
  it('verifies the real Alipay reply over its raw span and parses it', async () => {
    const { reply, raw } = await verifyReply(await runtime(), method, V.A5_RESPONSE, 200);
    expect(raw).toBe(V.A5_SIGNED_SPAN);
    expect(reply).toEqual({ code: '10000', msg: 'Success', file_id: 'CAxAToWB1JsAAAAAAAAAAAAADgSLAQBr' });
  });

  it('rejects a one-byte change inside the span, and a re-serialised span', async () => {
    const rt = await runtime();
    await expect(verifyReply(rt, method, V.A5_RESPONSE.replace('CAxAToWB', 'CAxAToWC'), 200)).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
    await expect(verifyReply(rt, method, V.A5_RESPONSE.replace('"code":"10000"', '"code": "10000"'), 200)).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
  });

  it('accepts whitespace outside the span (it is not signed)', async () => {
    const spaced = V.A5_RESPONSE.replace('{"alipay_open_file_upload_response":', '{ "alipay_open_file_upload_response" :\n').replace(',"sign":', ' ,\n"sign" : ');
    await expect(verifyReply(await runtime(), method, spaced, 200)).resolves.toMatchObject({ raw: V.A5_SIGNED_SPAN });
  });

  it('refuses an unsigned business reply but reports an unsigned pre-business rejection', async () => {
    const rt = await runtime();
    await expect(verifyReply(rt, method, '{"alipay_open_file_upload_response":{"code":"10000","msg":"Success"}}', 200)).rejects.toMatchObject({ code: 'RESPONSE_UNSIGNED' });
    await expect(verifyReply(rt, method, '{"alipay_open_file_upload_response":{"code":"40004","sub_code":"ACQ.TRADE_NOT_EXIST"},"sign":""}', 200)).rejects.toMatchObject({ code: 'RESPONSE_UNSIGNED' });
    const rejected = await verifyReply(rt, method, '{"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-signature"}}', 200);
    expect(rejected.reply).toMatchObject({ code: '40002' });
  });

  it('certificate mode: a reply signed under another Alipay certificate SN is refused with a clear message', async () => {
    const withSn = (sn: string) => V.A5_RESPONSE.replace(/}$/, `,"alipay_cert_sn":"${sn}"}`);
    await expect(verifyReply(await runtime('7513daaaa48aa3ba2e4018d84402479c'), method, withSn('7513daaaa48aa3ba2e4018d84402479c'), 200)).resolves.toBeDefined();
    const error = await verifyReply(await runtime('7513daaaa48aa3ba2e4018d84402479c'), method, withSn('0000'), 200).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ALIPAY_CERT_SN_MISMATCH', type: 'PaySignatureError' });
    expect((error as Error).message).toMatch(/rotated its certificate/);
  });

  it('reports non-JSON and keyless replies as RESPONSE_MALFORMED (retryable on 5xx)', async () => {
    const rt = await runtime();
    await expect(verifyReply(rt, method, '<html>Bad Gateway</html>', 502)).rejects.toMatchObject({ code: 'RESPONSE_MALFORMED', isRetryable: true, statusCode: 502 });
    await expect(verifyReply(rt, method, '{"other_response":{},"sign":"x"}', 200)).rejects.toMatchObject({ code: 'RESPONSE_MALFORMED', isRetryable: false });
    await expect(verifyReply(rt, method, '{"alipay_open_file_upload_response":"ENCRYPTED","sign":"x"}', 200)).rejects.toMatchObject({ code: 'RESPONSE_MALFORMED' });
    await expect(verifyReply(rt, method, '{"alipay_open_file_upload_response":{},"alipay_open_file_upload_response":{}}', 200)).rejects.toMatchObject({ code: 'RESPONSE_MALFORMED' });
  });
});
