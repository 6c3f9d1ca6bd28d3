import { PayError, PaySignatureError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../internal/encoding';
import { P1_TEST_NOTIFICATION, TEST_ROOT_CA } from './__fixtures__/apple-vectors';
import { fakeHttp, notificationPayload, testContext, transactionPayload } from './__fixtures__/payloads';
import { signTestJws } from './__fixtures__/sign-jws';
import { TEST_CHAIN_ROOT } from './__fixtures__/test-chain';
import { apple } from './index';
import { eventTypeOf } from './map';
import { acknowledgeApple } from './notify';

async function channel(roots = [TEST_CHAIN_ROOT]) {
  const instance = apple({ bundleId: 'com.example', environment: 'auto', appAppleId: 1234, rootCertificates: roots });
  await instance.init(await testContext(fakeHttp(() => ({})).client));
  return instance;
}
const body = (signedPayload: unknown) => ({ body: JSON.stringify({ signedPayload }), headers: { 'content-type': 'application/json' } });

describe('App Store Server Notifications V2', () => {
  it('P1 (TEST notification) becomes an iap.other event keyed by notificationUUID', async () => {
    const { event } = await (await channel([TEST_ROOT_CA])).verifyNotification!(body(P1_TEST_NOTIFICATION));
    expect(event).toEqual({
      id: 'apple:9ad56bd2-0bc6-42e0-af24-fd996d87a1e6',
      type: 'iap.other',
      provider: 'apple',
      occurredAt: '2023-04-12T15:45:24.000Z',
      raw: expect.objectContaining({ notificationType: 'TEST' }),
    });
  });

  it('SUBSCRIBED with nested signed transaction and renewal info: both verified, decoded beside their JWS', async () => {
    const signedTransactionInfo = await signTestJws(transactionPayload());
    const signedRenewalInfo = await signTestJws({ environment: 'Sandbox', signedDate: 1767225600000, autoRenewStatus: 1, originalTransactionId: '12345' });
    const payload = notificationPayload({}, { signedTransactionInfo, signedRenewalInfo });
    const { event } = await (await channel()).verifyNotification!({ body: utf8(JSON.stringify({ signedPayload: await signTestJws(payload) })) });
    expect(event).toMatchObject({ id: 'apple:002e14d5-51f5-4503-b5a8-c3a1af68eb20', type: 'iap.purchased', channelTradeNo: '23456', occurredAt: '2026-01-01T00:00:00.000Z' });
    const raw = event.raw as { data: Record<string, unknown> };
    expect(raw.data.signedTransactionInfo).toBe(signedTransactionInfo);
    expect(raw.data.transactionInfo).toMatchObject({ transactionId: '23456', price: 10990 });
    expect(raw.data.renewalInfo).toMatchObject({ autoRenewStatus: 1 });
  });

  it('refuses a nested transaction for another app, or a forged one', async () => {
    const ch = await channel();
    const foreign = notificationPayload({}, { signedTransactionInfo: await signTestJws(transactionPayload({ bundleId: 'com.other' })) });
    await expect(ch.verifyNotification!(body(await signTestJws(foreign)))).rejects.toMatchObject({ code: 'INVALID_APP_IDENTIFIER' });
    const good = await signTestJws(transactionPayload());
    const forged = `${good.split('.')[0]}.${good.split('.')[1]!.slice(0, -4)}AAAA.${good.split('.')[2]}`;
    const error = await ch.verifyNotification!(body(await signTestJws(notificationPayload({}, { signedTransactionInfo: forged })))).catch((e: unknown) => e);
    expect(PaySignatureError.isInstance(error)).toBe(true);
  });

  it('refuses bodies that are not {"signedPayload": "<JWS>"}', async () => {
    const ch = await channel();
    for (const request of [{}, { body: '' }, { body: 'signedPayload=x' }, { body: '{"payload":"x"}' }, { body: new Uint8Array([0xff, 0xfe]) }, body(42)]) {
      await expect(ch.verifyNotification!(request)).rejects.toMatchObject({ code: 'NOTIFICATION_MALFORMED', type: 'PayValidationError' });
    }
    await expect(ch.verifyNotification!(body(await signTestJws({ bundleId: 'x' })))).rejects.toBeInstanceOf(PayError);
  });

  it('acknowledges with 200, and with 500/400 on failure so that Apple retries', () => {
    expect(acknowledgeApple({ ok: true })).toEqual({ status: 200, headers: {}, body: '' });
    expect(acknowledgeApple({ ok: false, error: new PayError('x', { isRetryable: true }) }).status).toBe(500);
    expect(acknowledgeApple({ ok: false, error: new PaySignatureError('x') }).status).toBe(400);
  });

  it('maps notification types to iap.* events', () => {
    const cases: [string, string | undefined, string][] = [
      ['SUBSCRIBED', 'INITIAL_BUY', 'iap.purchased'],
      ['SUBSCRIBED', 'RESUBSCRIBE', 'iap.purchased'],
      ['ONE_TIME_CHARGE', undefined, 'iap.purchased'],
      ['OFFER_REDEEMED', 'INITIAL_BUY', 'iap.purchased'],
      ['OFFER_REDEEMED', 'UPGRADE', 'iap.other'],
      ['DID_RENEW', 'BILLING_RECOVERY', 'iap.renewed'],
      ['REFUND', undefined, 'iap.refunded'],
      ['REVOKE', undefined, 'iap.revoked'],
      ['EXPIRED', 'VOLUNTARY', 'iap.expired'],
      ['GRACE_PERIOD_EXPIRED', undefined, 'iap.expired'],
      ['DID_FAIL_TO_RENEW', 'GRACE_PERIOD', 'iap.other'],
      ['REFUND_REVERSED', undefined, 'iap.other'],
      ['SOMETHING_NEW', undefined, 'iap.other'],
    ];
    for (const [type, subtype, expected] of cases) expect([type, subtype, eventTypeOf(type, subtype)]).toEqual([type, subtype, expected]);
  });
});
