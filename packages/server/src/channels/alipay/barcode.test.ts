import { PayConnectionError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import type { ChargeRequest } from '../types';
import { FAKE_ALIPAY_PUBLIC_KEY } from './__fixtures__/fake-gateway-key';
import { fakeGateway, testContext, VECTOR_TIME_MS, type FakeAnswer, type ReceivedCall } from './__fixtures__/harness';
import { APP_PRIVATE_KEY_PKCS1 } from './__fixtures__/keys';
import { alipay } from './index';

const request: ChargeRequest = {
  chargeId: 'c',
  channel: 'alipay_barcode',
  orderNo: 'B1',
  amount: 1234,
  currency: 'CNY',
  subject: 'Coffee',
  payer: { authCode: '281234567890123456' },
};

/** A channel whose sleeps advance a fake clock instantly. */
async function setup(handler: (call: ReceivedCall, now: number) => FakeAnswer | Promise<FakeAnswer>) {
  let now = VECTOR_TIME_MS;
  const sleeps: number[] = [];
  const gateway = await fakeGateway((call) => handler(call, now - VECTOR_TIME_MS));
  const channel = alipay({
    appId: '2021000122671080',
    privateKey: APP_PRIVATE_KEY_PKCS1,
    alipayPublicKey: FAKE_ALIPAY_PUBLIC_KEY,
    barcode: {
      pollIntervalMs: 1_000,
      timeoutMs: 5_000,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    },
  });
  await channel.init(await testContext(gateway.http, { clock: () => now }));
  return { channel, calls: gateway.calls, sleeps };
}

const paying = { reply: { code: '10003', msg: ' order success pay inprocess', out_trade_no: 'B1' } };
const waiting = { reply: { code: '10000', trade_status: 'WAIT_BUYER_PAY', total_amount: '12.34', trade_no: 'T1' } };

describe('alipay_barcode (trade.pay + poll + cancel)', () => {
  it('an immediate success settles the charge', async () => {
    const { channel, calls } = await setup(() => ({ reply: { code: '10000', trade_no: 'T1', total_amount: '12.34', gmt_payment: '2024-01-02 03:04:06' } }));
    await expect(channel.createCharge!(request)).resolves.toEqual({
      credential: { channel: 'alipay_barcode' },
      status: 'succeeded',
      channelTradeNo: 'T1',
      paidAt: '2024-01-02T03:04:06+08:00',
      amount: 1234,
    });
    expect(calls[0]!.biz).toEqual({
      out_trade_no: 'B1',
      total_amount: '12.34',
      subject: 'Coffee',
      product_code: 'FACE_TO_FACE_PAYMENT',
      scene: 'bar_code',
      auth_code: '281234567890123456',
    });
  });

  it('USERPAYING: polls the query until the payer confirms', async () => {
    const { channel, calls, sleeps } = await setup((call, elapsed) => {
      if (call.method === 'alipay.trade.pay') return paying;
      return elapsed < 3_000 ? waiting : { reply: { code: '10000', trade_status: 'TRADE_SUCCESS', total_amount: '12.34', trade_no: 'T1', send_pay_date: '2024-01-02 03:04:08' } };
    });
    await expect(channel.createCharge!(request)).resolves.toMatchObject({ status: 'succeeded', channelTradeNo: 'T1', paidAt: '2024-01-02T03:04:08+08:00' });
    expect(calls.map((c) => c.method)).toEqual(['alipay.trade.pay', 'alipay.trade.query', 'alipay.trade.query', 'alipay.trade.query']);
    expect(sleeps).toEqual([1_000, 1_000, 1_000]);
  });

  it('USERPAYING past the timeout: cancels the trade and closes the charge', async () => {
    const { channel, calls } = await setup((call) => {
      if (call.method === 'alipay.trade.pay') return paying;
      if (call.method === 'alipay.trade.cancel') return { reply: { code: '10000', action: 'close', retry_flag: 'N' } };
      return waiting;
    });
    await expect(channel.createCharge!(request)).resolves.toEqual({ credential: { channel: 'alipay_barcode' }, status: 'closed' });
    const methods = calls.map((c) => c.method);
    expect(methods.filter((m) => m === 'alipay.trade.query')).toHaveLength(5);
    expect(methods.at(-1)).toBe('alipay.trade.cancel');
    expect(calls.at(-1)!.biz).toEqual({ out_trade_no: 'B1' });
  });

  it('a lost reply (connection error) is treated like USERPAYING, and the payer closing it ends the wait', async () => {
    let first = true;
    const { channel, calls } = await setup((call) => {
      if (call.method === 'alipay.trade.pay' && first) {
        first = false;
        throw new PayConnectionError('socket hang up');
      }
      return { reply: { code: '10000', trade_status: 'TRADE_CLOSED', total_amount: '12.34', trade_no: 'T1' } };
    });
    await expect(channel.createCharge!(request)).resolves.toMatchObject({ status: 'closed' });
    expect(calls.map((c) => c.method)).toEqual(['alipay.trade.pay', 'alipay.trade.query']);
  });

  it('a declined payment is a typed error and nothing is polled', async () => {
    const { channel, calls } = await setup(() => ({ reply: { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.PAYMENT_AUTH_CODE_INVALID', sub_msg: '支付失败，获取顾客账户信息失败' } }));
    await expect(channel.createCharge!(request)).rejects.toMatchObject({ type: 'PayGatewayError', code: 'AUTH_CODE_INVALID', gatewaySubCode: 'ACQ.PAYMENT_AUTH_CODE_INVALID' });
    expect(calls).toHaveLength(1);
  });

  it('a cancel that keeps failing with retry_flag=Y is reported as retryable CANCEL_FAILED', async () => {
    const { channel, calls } = await setup((call) => {
      if (call.method === 'alipay.trade.pay') return paying;
      if (call.method === 'alipay.trade.cancel') return { reply: { code: '40004', sub_code: 'ACQ.SYSTEM_ERROR', retry_flag: 'Y' } };
      return waiting;
    });
    await expect(channel.createCharge!(request)).rejects.toMatchObject({ code: 'CANCEL_FAILED', isRetryable: true });
    expect(calls.filter((c) => c.method === 'alipay.trade.cancel')).toHaveLength(3);
  });

  it('closing a barcode charge cancels it', async () => {
    const { channel, calls } = await setup(() => ({ reply: { code: '10000', action: 'refund', retry_flag: 'N' } }));
    await channel.closeCharge!({ orderNo: 'B1', channel: 'alipay_barcode' } as never);
    expect(calls.map((c) => c.method)).toEqual(['alipay.trade.cancel']);
  });
});
