/** The emulator's wire format checked with plain node:crypto, independently of both the emulator and the SDK. */
import { createDecipheriv, createPrivateKey, createPublicKey, createSign, createVerify, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MERCHANT_KEY_PEM, PLATFORM_CERT_PEM, PLATFORM_SERIAL, PUBLIC_KEY_ID, PUBLIC_KEY_MODE_PUBLIC_PEM, SANDBOX_API_V3_KEY } from './keys';
import { AuthorizationError, notificationRequest, signedJson, verifyAuthorization } from './protocol';

const NOW = 1_750_000_000_000;

function authorization(method: string, url: string, body: string, timestamp = String(NOW / 1000), mchid = '1900000109') {
  const signature = createSign('RSA-SHA256').update(`${method}\n${url}\n${timestamp}\nnonce1\n${body}\n`).sign(createPrivateKey(MERCHANT_KEY_PEM), 'base64');
  return `WECHATPAY2-SHA256-RSA2048 mchid="${mchid}",serial_no="5A11DB0C5E0A71E5",timestamp="${timestamp}",nonce_str="nonce1",signature="${signature}"`;
}

describe('WeChat emulator protocol', () => {
  it('accepts a correctly signed request and refuses tampering, staleness and another merchant', async () => {
    const body = '{"a":1}';
    await expect(verifyAuthorization(authorization('POST', '/v3/x', body), 'POST', '/v3/x', body, NOW)).resolves.toBeUndefined();
    await expect(verifyAuthorization(authorization('POST', '/v3/x', body), 'POST', '/v3/x', '{"a":2}', NOW)).rejects.toThrow(AuthorizationError);
    await expect(verifyAuthorization(authorization('POST', '/v3/x', body), 'POST', '/v3/y', body, NOW)).rejects.toThrow(AuthorizationError);
    await expect(verifyAuthorization(authorization('POST', '/v3/x', body, String(NOW / 1000 - 301)), 'POST', '/v3/x', body, NOW)).rejects.toThrow(AuthorizationError);
    await expect(verifyAuthorization(authorization('POST', '/v3/x', body, undefined, '1'), 'POST', '/v3/x', body, NOW)).rejects.toThrow(AuthorizationError);
    await expect(verifyAuthorization(null, 'GET', '/v3/x', '', NOW)).rejects.toThrow(AuthorizationError);
    const garbled = authorization('POST', '/v3/x', body).replace(/signature="[^"]*"/, 'signature="not base64!"');
    await expect(verifyAuthorization(garbled, 'POST', '/v3/x', body, NOW)).rejects.toThrow(AuthorizationError);
    await expect(verifyAuthorization(garbled.replace('not base64!', 'A'), 'POST', '/v3/x', body, NOW)).rejects.toThrow(AuthorizationError);
  });

  it('signs replies with the PUB_KEY_ID_ key', async () => {
    const response = await signedJson({ prepay_id: 'wx1' }, 200, NOW);
    const body = await response.text();
    const h = (name: string) => response.headers.get(name) as string;
    expect(h('wechatpay-serial')).toBe(PUBLIC_KEY_ID);
    const ok = createVerify('RSA-SHA256').update(`${h('wechatpay-timestamp')}\n${h('wechatpay-nonce')}\n${body}\n`).verify(createPublicKey(PUBLIC_KEY_MODE_PUBLIC_PEM), h('wechatpay-signature'), 'base64');
    expect(ok).toBe(true);
  });

  it('builds notifications signed with the platform certificate and AES-256-GCM encrypted with the APIv3 key', async () => {
    const { headers, body } = await notificationRequest('TRANSACTION.SUCCESS', '支付成功', 'transaction', { out_trade_no: 'X1' }, 'EV-1', NOW);
    const certificate = new X509Certificate(PLATFORM_CERT_PEM);
    expect(certificate.serialNumber).toBe(PLATFORM_SERIAL);
    expect(headers['Wechatpay-Serial']).toBe(PLATFORM_SERIAL);
    const ok = createVerify('RSA-SHA256').update(`${headers['Wechatpay-Timestamp']}\n${headers['Wechatpay-Nonce']}\n${body}\n`).verify(certificate.publicKey, headers['Wechatpay-Signature'] as string, 'base64');
    expect(ok).toBe(true);
    const { resource } = JSON.parse(body) as { resource: { ciphertext: string; nonce: string; associated_data: string } };
    const sealed = Buffer.from(resource.ciphertext, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(SANDBOX_API_V3_KEY), Buffer.from(resource.nonce));
    decipher.setAAD(Buffer.from(resource.associated_data)).setAuthTag(sealed.subarray(-16));
    expect(JSON.parse(Buffer.concat([decipher.update(sealed.subarray(0, -16)), decipher.final()]).toString('utf8'))).toEqual({ out_trade_no: 'X1' });
  });
});
