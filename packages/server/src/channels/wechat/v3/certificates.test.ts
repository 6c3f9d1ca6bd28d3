import { PayError } from '@payweave/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CryptoProvider } from '../../../crypto/provider';
import { utf8 } from '../../../internal/encoding';
import { testCrypto } from '../../../testing/crypto';
import { fakeGateway, signedNotification, testContext, V3_CONFIG } from '../__fixtures__/harness';
import { K5_CERT_D7CE } from '../__fixtures__/k5';
import { W14 } from '../__fixtures__/v3-vectors';
import { wechat } from '../index';
import { encryptResource } from './aead';

let crypto: CryptoProvider;
let now = Number(W14.headers['Wechatpay-Timestamp']) * 1000;
const clock = () => now;

beforeAll(async () => {
  crypto = await testCrypto();
});

async function setup() {
  now = Number(W14.headers['Wechatpay-Timestamp']) * 1000;
  const gateway = fakeGateway(crypto, clock);
  const channel = wechat({ ...V3_CONFIG, apiV3Key: W14.apiV3Key, autoPlatformCertificates: true });
  await channel.init(testContext(crypto, gateway.http, clock));
  return { gateway, channel };
}

async function certificateList(serial = 'D7CE59D1F522D701', key = W14.apiV3Key) {
  return { data: [{ serial_no: serial, effective_time: '2021-04-27T16:55:23+08:00', expire_time: '2031-04-25T16:55:23+08:00', encrypt_certificate: await encryptResource(crypto, utf8(key), K5_CERT_D7CE, 'nonce0000001', 'certificate') }] };
}

async function notificationFromD7CE() {
  const signed = await signedNotification(crypto, { eventType: 'TRANSACTION.SUCCESS', resource: JSON.parse(W14.plaintext), timestamp: now / 1000, apiV3Key: W14.apiV3Key });
  return { body: signed.body, headers: { ...signed.headers, 'Wechatpay-Serial': 'D7CE59D1F522D701' } };
}

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(PayError.isInstance(error)).toBe(true);
  return (error as PayError).code;
}

describe('automatic platform certificates', () => {
  it('downloads, decrypts and checks /v3/certificates on an unknown serial, then verifies with it', async () => {
    const { gateway, channel } = await setup();
    gateway.reply({ body: await certificateList(), serial: 'D7CE59D1F522D701' });
    const { event } = await channel.verifyNotification(await notificationFromD7CE());
    expect(event.type).toBe('charge.succeeded');
    expect(gateway.requests[0]?.url).toBe('https://api.mch.weixin.qq.com/v3/certificates');
    expect(gateway.requests[0]?.headers?.Authorization).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="1900009191"/);
    await channel.verifyNotification(await notificationFromD7CE());
    expect(gateway.requests).toHaveLength(1);
  });

  it('refuses a list whose certificate is filed under another serial, or encrypted with another key, and rate-limits downloads', async () => {
    const { gateway, channel } = await setup();
    gateway.reply({ body: await certificateList('ABCDEF0123456789'), serial: 'D7CE59D1F522D701' });
    expect(await code(channel.verifyNotification(await notificationFromD7CE()))).toBe('CERTIFICATE_UNTRUSTED');
    expect(await code(channel.verifyNotification(await notificationFromD7CE()))).toBe('UNKNOWN_SERIAL');
    expect(gateway.requests).toHaveLength(1);
    now += 61_000;
    gateway.reply({ body: await certificateList('D7CE59D1F522D701', 'abcdefghijklmnopqrstuvwxyz012346'), serial: 'D7CE59D1F522D701' });
    expect(await code(channel.verifyNotification(await notificationFromD7CE()))).toBe('DECRYPTION_FAILED');
  });

  it('refuses a certificate list whose reply is not signed by a listed certificate', async () => {
    const { gateway, channel } = await setup();
    gateway.reply({ body: await certificateList(), serial: 'F5765756002FDD77' });
    expect(await code(channel.verifyNotification(await notificationFromD7CE()))).toBe('UNKNOWN_SERIAL');
  });
});
