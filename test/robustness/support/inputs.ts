/** Valid charge and refund inputs per channel, and arbitraries that stay close to them. */
import { CHANNEL_IDS, type ChannelId, type CreateChargeInput } from '@payweave/core';
import fc from 'fast-check';
import { anyString, garbage, garbageRecord, mutate } from './arbitraries';

/** An order number every channel accepts (8-32 letters and digits). */
export const orderNoArb = fc.stringMatching(/^[A-Za-z0-9]{8,32}$/);

/** A valid `charges.create` input for `channel`. */
export function validChargeInput(channel: ChannelId, orderNo: string): CreateChargeInput {
  const base: CreateChargeInput = { channel, orderNo, amount: 1999, subject: 'Robustness tea' };
  if (channel.endsWith('_barcode')) base.payer = { authCode: '134567890123456789' };
  if (channel === 'wechat_jsapi' || channel === 'wechat_mini') base.payer = { openId: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' };
  if (channel === 'wechat_h5' || channel.startsWith('unionpay_')) base.clientIp = '203.0.113.7';
  if (channel.endsWith('_page') || channel.endsWith('_wap')) base.returnUrl = 'http://merchant.test/return';
  return base;
}

/** Anything, shaped garbage, a valid input with one part broken, or a valid input with hostile string values. */
export const chargeInputArb: fc.Arbitrary<unknown> = fc.oneof(
  garbage,
  garbageRecord(['channel', 'orderNo', 'amount', 'currency', 'subject', 'body', 'clientIp', 'expiresAt', 'returnUrl', 'payer', 'metadata']),
  fc.tuple(fc.constantFrom(...CHANNEL_IDS), orderNoArb).chain(([channel, orderNo]) => mutate(validChargeInput(channel, orderNo))),
  fc.tuple(fc.constantFrom(...CHANNEL_IDS), orderNoArb, anyString, fc.oneof(fc.integer({ min: 1, max: 10 ** 12 }), garbage), fc.dictionary(anyString, anyString, { maxKeys: 3 })).map(
    ([channel, orderNo, subject, amount, metadata]) => ({ ...validChargeInput(channel, orderNo), subject, amount, metadata }),
  ),
);

/** Refund inputs around `orderNos`. */
export function refundInputArb(orderNos: readonly string[]): fc.Arbitrary<unknown> {
  const valid = fc.record({
    orderNo: fc.oneof(fc.constantFrom(...orderNos), anyString),
    refundNo: fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,20}$/), anyString),
    amount: fc.oneof(fc.integer({ min: 1, max: 3000 }), garbage),
    reason: fc.oneof(fc.constant(undefined), anyString),
  }, { requiredKeys: ['orderNo', 'refundNo', 'amount'] });
  const clean = fc.record({ orderNo: fc.constantFrom(...orderNos), refundNo: fc.stringMatching(/^[A-Za-z0-9]{1,20}$/), amount: fc.integer({ min: 1, max: 3000 }), reason: fc.string({ maxLength: 80 }) });
  return fc.oneof(garbage, garbageRecord(['orderNo', 'refundNo', 'amount', 'reason']), valid, clean.chain((input) => mutate(input)));
}

/** Options of `retrieve`: none, garbage, or `{ refresh }` with anything in it. */
export const retrieveOptionsArb: fc.Arbitrary<unknown> = fc.oneof(fc.constant(undefined), fc.constant({ refresh: true }), fc.record({ refresh: garbage }), garbage);
