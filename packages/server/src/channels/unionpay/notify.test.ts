import { PayError, PaySignatureError, PayValidationError } from '@payweave/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../internal/encoding';
import { harness, MER_ID } from './__fixtures__/harness';
import { signAsGateway } from './__fixtures__/sign-as-gateway';
import { U4_MESSAGE } from './__fixtures__/vectors';
import { encodeForm, type Fields } from './params';

const paid: Fields = {
  merId: MER_ID, txnType: '01', txnSubType: '01', bizType: '000201', accessType: '0', orderId: '20240102030405001',
  txnTime: '20240102030405', txnAmt: '1000', currencyCode: '156', queryId: '852401020304050000001', respCode: '00', respMsg: 'success',
  traceNo: '000001', traceTime: '0102030405', settleDate: '0102', settleAmt: '1000', settleCurrencyCode: '156',
};
const body = async (fields: Fields) => encodeForm(await signAsGateway(fields));

describe('back notifications', () => {
  it('verifies a paid consume and normalises it', async () => {
    const { channel } = await harness();
    const { event } = await channel.verifyNotification!({ body: await body(paid), method: 'POST' });
    expect(event).toMatchObject({
      type: 'charge.succeeded', provider: 'unionpay', orderNo: '20240102030405001', channelTradeNo: '852401020304050000001',
      amount: 1000, currency: 'CNY', occurredAt: '2024-01-01T19:04:05.000Z',
    });
    expect(event.id).toBe('unionpay:01:20240102030405001:852401020304050000001:00');
    expect((event.raw as Fields).queryId).toBe(paid.queryId);
  });

  it('gives every redelivery the same event id, also from bytes', async () => {
    const { channel } = await harness();
    const once = await channel.verifyNotification!({ body: await body(paid) });
    const again = await channel.verifyNotification!({ body: utf8(await body(paid)) });
    expect(again.event.id).toBe(once.event.id);
  });

  it.each([
    [{ txnType: '04', orderId: 'R20240102001', txnAmt: '300' }, 'refund.succeeded', { refundNo: 'R20240102001', amount: 300 }],
    [{ txnType: '31', orderId: 'U20240102001' }, 'refund.succeeded', { refundNo: 'U20240102001' }],
    [{ respCode: '01', respMsg: 'failed' }, 'charge.failed', { orderNo: '20240102030405001' }],
  ])('maps %j to %s', async (change, type, extra) => {
    const { channel } = await harness();
    const { event } = await channel.verifyNotification!({ body: await body({ ...paid, ...change }) });
    expect(event).toMatchObject({ type, ...extra });
  });

  it('refuses another merchant, a tampered body and an undecided result', async () => {
    const { channel } = await harness();
    await expect(channel.verifyNotification!({ body: await body({ ...paid, merId: '777290058110049' }) })).rejects.toMatchObject({ code: 'MERCHANT_MISMATCH' });
    const tampered = (await body(paid)).replace('txnAmt=1000', 'txnAmt=1');
    await expect(channel.verifyNotification!({ body: tampered })).rejects.toSatisfy((e) => PaySignatureError.isInstance(e));
    await expect(channel.verifyNotification!({ body: await body({ ...paid, respCode: '05' }) })).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN', isRetryable: true });
  });

  it('refuses a parsed object, a non-form body and the U4 message (another chain, and expired)', async () => {
    const { channel } = await harness();
    await expect(channel.verifyNotification!({ body: { a: 1 } as never })).rejects.toMatchObject({ code: 'RAW_BODY_REQUIRED' });
    await expect(channel.verifyNotification!({ body: '' })).rejects.toSatisfy((e) => PayValidationError.isInstance(e));
    await expect(channel.verifyNotification!({ body: new Uint8Array([0xff, 0xfe]) })).rejects.toSatisfy((e) => PayValidationError.isInstance(e));
    await expect(channel.verifyNotification!({ body: U4_MESSAGE })).rejects.toSatisfy((e) => PaySignatureError.isInstance(e));
  });

  it('fuzzed bodies give typed errors, never a crash', async () => {
    const { channel } = await harness();
    const genuine = await body(paid);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.uint8Array().map((b) => b as Uint8Array),
          fc.tuple(fc.nat(genuine.length - 1), fc.string({ minLength: 1, maxLength: 3 })).map(([i, s]) => genuine.slice(0, i) + s + genuine.slice(i + 1)),
        ),
        async (fuzzed) => {
          const outcome = await channel.verifyNotification!({ body: fuzzed }).then(
            () => 'verified',
            (e: unknown) => e,
          );
          if (outcome !== 'verified') expect(PayError.isInstance(outcome)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('acknowledges with HTTP 200 ok, and anything else to get a retry', async () => {
    const { channel } = await harness();
    expect(channel.acknowledge!({ ok: true })).toEqual({ status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'ok' });
    expect(channel.acknowledge!({ ok: false, error: new PayError('x', { isRetryable: true }) }).status).not.toBe(200);
    expect(channel.acknowledge!({ ok: false, error: new PayError('x') }).status).not.toBe(200);
  });
});

describe('front returns', () => {
  it('gives the order and a hint', async () => {
    const { channel } = await harness();
    expect(await channel.verifyReturn!({ body: await body(paid) })).toEqual({ orderNo: '20240102030405001', hint: 'succeeded' });
    expect(await channel.verifyReturn!({ body: await body({ ...paid, respCode: '01' }) })).toEqual({ orderNo: '20240102030405001', hint: 'failed' });
  });
});
