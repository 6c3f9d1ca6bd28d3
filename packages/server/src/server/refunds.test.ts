import { PayConnectionError, PayGatewayError, type PaymentEvent } from '@payweave/core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CryptoProvider } from '../crypto/provider';
import { memoryStore } from '../lifecycle/memory-store';
import { createPayServerWith, type PayServer } from '../pay-server';
import { type FakeChannel, fakeChannel, fakeNotificationBody } from '../testing/fake-channel';

const platform = { crypto: () => ({ name: 'node' }) as CryptoProvider };

describe('pay.refunds.create: the refundable amount', () => {
  let channel: FakeChannel;
  let pay: PayServer;
  let events: PaymentEvent[];

  beforeEach(async () => {
    channel = fakeChannel();
    channel.refundAnswer = { status: 'pending', raw: {} }; // the result comes later, by notification
    events = [];
    pay = createPayServerWith({ channels: [channel], store: memoryStore(), onEvent: (event) => void events.push(event), logger: { warn: () => {} } }, { ...platform });
    await pay.charges.create({ channel: 'alipay_qr', orderNo: 'ORDER_1', amount: 1999, subject: 'T-shirt' });
    await pay.notifications.handle('alipay', { body: fakeNotificationBody({ orderNo: 'ORDER_1', amount: 1999 }) });
  });

  it('two refunds created at once cannot together exceed the charge', async () => {
    const results = await Promise.allSettled([
      pay.refunds.create({ orderNo: 'ORDER_1', refundNo: 'R1', amount: 1500 }),
      pay.refunds.create({ orderNo: 'ORDER_1', refundNo: 'R2', amount: 1500 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'REFUND_EXCEEDS_CHARGE', type: 'PayValidationError' } });
    expect(channel.calls.filter((call) => call.startsWith('refund:'))).toHaveLength(1); // the loser never reached the gateway
  });

  it('a pending refund counts against the charge until it fails', async () => {
    await pay.refunds.create({ orderNo: 'ORDER_1', refundNo: 'R1', amount: 1500 });
    await expect(pay.refunds.create({ orderNo: 'ORDER_1', refundNo: 'R2', amount: 500 })).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_CHARGE' });
    expect(await pay.refunds.create({ orderNo: 'ORDER_1', refundNo: 'R2', amount: 499 })).toMatchObject({ status: 'pending' });
  });

  it('a refund the gateway refused is failed, and frees its amount', async () => {
    channel.createRefund = async () => {
      throw new PayGatewayError('refused: balance too low', { code: 'GATEWAY_ERROR', gatewayCode: 'ACQ.SELLER_BALANCE_NOT_ENOUGH' });
    };
    await expect(pay.refunds.create({ orderNo: 'ORDER_1', refundNo: 'R1', amount: 1999 })).rejects.toMatchObject({ type: 'PayGatewayError' });
    expect(await pay.refunds.retrieve('R1')).toMatchObject({ status: 'failed' });
    channel.createRefund = fakeChannel().createRefund;
    expect(await pay.refunds.create({ orderNo: 'ORDER_1', refundNo: 'R2', amount: 1999 })).toMatchObject({ status: 'succeeded' });
    expect(events.map((e) => e.type)).toEqual(['charge.succeeded', 'refund.succeeded']);
  });

  it('a refund whose outcome is unknown stays pending (a query settles it)', async () => {
    channel.createRefund = async () => {
      throw new PayConnectionError('timeout');
    };
    await expect(pay.refunds.create({ orderNo: 'ORDER_1', refundNo: 'R1', amount: 1999 })).rejects.toMatchObject({ type: 'PayConnectionError' });
    expect(await pay.refunds.retrieve('R1')).toMatchObject({ status: 'pending' });
  });
});
