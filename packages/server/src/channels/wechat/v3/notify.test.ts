import fc from 'fast-check';
import { PayError, PaySignatureError } from '@payweave/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CryptoProvider } from '../../../crypto/provider';
import { utf8 } from '../../../internal/encoding';
import { testCrypto } from '../../../testing/crypto';
import type { RawNotification } from '../../types';
import { fakeGateway, signedNotification, testContext, V3_CONFIG } from '../__fixtures__/harness';
import { K5_CERT_D7CE } from '../__fixtures__/k5';
import { W12, W14 } from '../__fixtures__/v3-vectors';
import { wechat } from '../index';
import { parsePlatformKey } from '../platform-keys';
import { decryptResource } from './aead';
import { keyRing, verifyWechatpaySignature } from './verify';

let crypto: CryptoProvider;
const NOW = Number(W14.headers['Wechatpay-Timestamp']) * 1000;

beforeAll(async () => {
  crypto = await testCrypto();
});

async function channelAt(now: number, config: Record<string, unknown> = {}) {
  const clock = () => now;
  const channel = wechat({ ...V3_CONFIG, apiV3Key: W14.apiV3Key, ...config } as Parameters<typeof wechat>[0]);
  await channel.init(testContext(crypto, fakeGateway(crypto, clock).http, clock));
  return channel;
}

const notification = (overrides: Partial<RawNotification> = {}, headers: Record<string, string> = {}): RawNotification => ({
  method: 'POST',
  body: W14.body,
  headers: { ...W14.headers, ...headers },
  ...overrides,
});

async function failure(promise: Promise<unknown>): Promise<PayError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(PayError.isInstance(error)).toBe(true);
  return error as PayError;
}

describe('APIv3 notifications', () => {
  it('W14: verifies, decrypts and normalises a payment notification (string or bytes body)', async () => {
    const channel = await channelAt(NOW);
    const { event } = await channel.verifyNotification(notification());
    expect(event).toEqual({
      id: 'wechat:4200000000000000000000000000:SUCCESS',
      type: 'charge.succeeded',
      provider: 'wechat',
      orderNo: '1217752501201407033233368018',
      channelTradeNo: '4200000000000000000000000000',
      amount: 100,
      currency: 'CNY',
      occurredAt: '2024-01-02T02:00:00.000Z',
      raw: { ...JSON.parse(W14.body), resource: JSON.parse(W14.plaintext) },
    });
    const again = await channel.verifyNotification(notification({ body: utf8(W14.body) }));
    expect(again.event.id).toBe(event.id);
  });

  it('W14 is rejected after a one-byte change, a stale timestamp, an unknown serial or the wrong APIv3 key', async () => {
    const channel = await channelAt(NOW);
    expect((await failure(channel.verifyNotification(notification({ body: W14.body.replace('支付成功', '支付成功 ') })))).code).toBe('SIGNATURE_INVALID');
    expect((await failure((await channelAt(NOW + 301_000)).verifyNotification(notification()))).code).toBe('TIMESTAMP_OUT_OF_WINDOW');
    expect((await failure(channel.verifyNotification(notification({}, { 'Wechatpay-Serial': 'D7CE59D1F522D701' })))).code).toBe('UNKNOWN_SERIAL');
    expect((await failure(channel.verifyNotification(notification({ headers: {} })))).code).toBe('SIGNATURE_MISSING');
    const wrongKey = await channelAt(NOW, { apiV3Key: 'abcdefghijklmnopqrstuvwxyz012346' });
    expect((await failure(wrongKey.verifyNotification(notification()))).code).toBe('DECRYPTION_FAILED');
  });

  it('refuses a notification for another merchant or app', async () => {
    expect((await failure((await channelAt(NOW, { mchId: '1900000000' })).verifyNotification(notification()))).code).toBe('MERCHANT_MISMATCH');
    expect((await failure((await channelAt(NOW, { appId: 'wx0000000000000000' })).verifyNotification(notification()))).code).toBe('MERCHANT_MISMATCH');
    const mini = await channelAt(NOW, { appId: 'wx0000000000000000', miniAppId: 'wxd930ea5d5a258f4f' });
    await expect(mini.verifyNotification(notification())).resolves.toBeTruthy();
  });

  it('refuses a payment notification that names no appid, even when no miniAppId is configured', async () => {
    const channel = await channelAt(NOW);
    const { appid: _, ...noAppId } = JSON.parse(W14.plaintext) as Record<string, unknown>;
    const signed = await signedNotification(crypto, { eventType: 'TRANSACTION.SUCCESS', resource: noAppId, timestamp: NOW / 1000, apiV3Key: W14.apiV3Key });
    expect((await failure(channel.verifyNotification(signed))).code).toBe('MERCHANT_MISMATCH');
  });

  it('refuses a parsed object body with a message that says how to pass the raw body', async () => {
    const channel = await channelAt(NOW);
    const error = await failure(channel.verifyNotification({ body: JSON.parse(W14.body) as never, headers: W14.headers }));
    expect(error.code).toBe('RAW_BODY_REQUIRED');
  });

  it('acknowledges with 204, or 4xx/5xx and the JSON FAIL body', async () => {
    const channel = await channelAt(NOW);
    expect(channel.acknowledge({ ok: true })).toEqual({ status: 204, headers: {}, body: '' });
    const bad = channel.acknowledge({ ok: false, error: new PaySignatureError('signature does not verify') });
    expect(bad.status).toBe(401);
    expect(JSON.parse(bad.body)).toEqual({ code: 'FAIL', message: 'signature does not verify' });
    expect(channel.acknowledge({ ok: false, error: new PayError('boom') }).status).toBe(500);
  });

  it('W12: the wechatpay-go notification verifies with certificate D7CE59D1F522D701 and decrypts (AES-128 key)', async () => {
    const entry = parsePlatformKey('D7CE59D1F522D701', K5_CERT_D7CE);
    const ring = keyRing([[entry.serial, await crypto.importRsaPublicKey(entry.spki)]]);
    const now = Number(W12.headers['Wechatpay-Timestamp']) * 1000;
    await expect(verifyWechatpaySignature(crypto, ring, W12.headers, utf8(W12.body), now)).resolves.toBeTruthy();
    const { resource } = JSON.parse(W12.body) as { resource: { ciphertext: string; nonce: string; associated_data: string; algorithm: string } };
    expect(await decryptResource(crypto, utf8(W12.apiV3Key), resource)).toBe(W12.plaintext);
    await expect(verifyWechatpaySignature(crypto, ring, W12.headers, utf8(W12.body.replace('签约成功', '签约失败')), now)).rejects.toThrow(PaySignatureError);
    await expect(verifyWechatpaySignature(crypto, ring, W12.headers, utf8(W12.body), now + 400_000)).rejects.toThrow(PaySignatureError);
  });

  it('W12 through the channel verifies but cannot decrypt: a 16-byte key is no APIv3 key', async () => {
    const channel = await channelAt(Number(W12.headers['Wechatpay-Timestamp']) * 1000, { platformKeys: { D7CE59D1F522D701: K5_CERT_D7CE } });
    expect((await failure(channel.verifyNotification({ body: W12.body, headers: W12.headers }))).code).toBe('DECRYPTION_FAILED');
  });

  it('an unhandled event type verifies and is reported as ignored (acknowledged by notifications.handle)', async () => {
    const channel = await channelAt(NOW);
    const signed = await signedNotification(crypto, { eventType: 'PAYSCORE.USER_OPEN_SERVICE', resource: JSON.parse(W12.plaintext), timestamp: NOW / 1000, apiV3Key: W14.apiV3Key });
    expect((await failure(channel.verifyNotification(signed))).code).toBe('NOTIFICATION_IGNORED');
  });

  it('REFUND.SUCCESS and REFUND.ABNORMAL become refund events with a stable id', async () => {
    const channel = await channelAt(NOW);
    const resource = { mchid: '1900009191', out_trade_no: '1217752501201407033233368018', transaction_id: '4200000000000000000000000000', out_refund_no: 'R1', refund_id: '50000000382019052709732678859', refund_status: 'SUCCESS', success_time: '2024-01-02T10:00:00+08:00', amount: { total: 100, refund: 40, payer_total: 100, payer_refund: 40 } };
    const ok = await channel.verifyNotification(await signedNotification(crypto, { eventType: 'REFUND.SUCCESS', resource, timestamp: NOW / 1000, apiV3Key: W14.apiV3Key }));
    expect(ok.event).toMatchObject({ id: 'wechat:refund:50000000382019052709732678859:SUCCESS', type: 'refund.succeeded', orderNo: resource.out_trade_no, refundNo: 'R1', amount: 40 });
    const abnormal = await channel.verifyNotification(await signedNotification(crypto, { eventType: 'REFUND.ABNORMAL', resource: { ...resource, refund_status: 'ABNORMAL' }, timestamp: NOW / 1000, apiV3Key: W14.apiV3Key }));
    expect(abnormal.event.type).toBe('refund.failed');
    const foreign = await signedNotification(crypto, { eventType: 'REFUND.SUCCESS', resource: { ...resource, mchid: '1' }, timestamp: NOW / 1000, apiV3Key: W14.apiV3Key });
    expect((await failure(channel.verifyNotification(foreign))).code).toBe('MERCHANT_MISMATCH');
  });

  it('a verified payment notification without an amount is refused', async () => {
    const channel = await channelAt(NOW);
    const { amount: _, ...noAmount } = JSON.parse(W14.plaintext) as Record<string, unknown>;
    const signed = await signedNotification(crypto, { eventType: 'TRANSACTION.SUCCESS', resource: noAmount, timestamp: NOW / 1000, apiV3Key: W14.apiV3Key });
    expect((await failure(channel.verifyNotification(signed))).code).toBe('NOTIFICATION_INVALID');
  });

  it('fuzzed bodies and headers give typed errors, never a crash', async () => {
    const channel = await channelAt(NOW);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constant(W14.body.slice(0, 50))), fc.dictionary(fc.constantFrom('Wechatpay-Timestamp', 'Wechatpay-Nonce', 'Wechatpay-Serial', 'Wechatpay-Signature', 'X'), fc.string()), async (body, headers) => {
        await failure(channel.verifyNotification({ body, headers: { ...W14.headers, ...headers } }));
      }),
      { numRuns: 60 },
    );
  });
});
