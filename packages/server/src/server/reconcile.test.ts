import type { PaymentEvent } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import type { CryptoProvider } from '../crypto/provider';
import { memoryStore } from '../lifecycle/memory-store';
import { createPayServerWith } from '../pay-server';
import { fakeChannel } from '../testing/fake-channel';

const platform = { crypto: () => ({ name: 'node' }) as CryptoProvider };

describe('reconcilePending: no fulfilment is lost', () => {
  it('re-runs onEvent for a payment found by a query whose onEvent failed (no notification will ever come)', async () => {
    const channel = fakeChannel();
    let now = Date.UTC(2026, 0, 2);
    let failing = true;
    const delivered: PaymentEvent[] = [];
    const onEvent = async (event: PaymentEvent) => {
      if (failing) throw new Error('warehouse API down');
      delivered.push(event);
    };
    const pay = createPayServerWith({ channels: [channel], store: memoryStore(), onEvent, clock: () => now, deliveryLeaseMs: 60_000, logger: { warn: () => {} } }, platform);
    await pay.charges.create({ channel: 'alipay_qr', orderNo: 'LOST', amount: 1999, subject: 'T-shirt' });
    channel.queryAnswer = { status: 'succeeded', amount: 1999, channelTradeNo: 'T1', raw: {} };
    now += 120_000;
    expect(await pay.reconcilePending()).toMatchObject({ succeeded: ['LOST'] });
    expect(delivered).toHaveLength(0);

    failing = false;
    now += 120_000;
    const report = await pay.reconcilePending();
    expect(report.redelivered).toEqual(['alipay:charge:LOST:charge.succeeded']);
    expect(delivered.map((e) => `${e.type}:${e.orderNo}`)).toEqual(['charge.succeeded:LOST']);
    expect((await pay.reconcilePending()).redelivered).toEqual([]);
    expect(delivered).toHaveLength(1);
  });

  it('leaves an event alone while another process may still be running onEvent (its lease)', async () => {
    const channel = fakeChannel();
    let now = Date.UTC(2026, 0, 2);
    const store = memoryStore();
    const pay = createPayServerWith({ channels: [channel], store, clock: () => now, deliveryLeaseMs: 60_000, logger: { warn: () => {} } }, platform);
    await store.recordEvent({ id: 'apple:uuid-1', type: 'iap.purchased', provider: 'apple', occurredAt: '2026-01-02T00:00:00.000Z', raw: {} });
    await store.claimEventDelivery('apple:uuid-1', new Date(now + 60_000).toISOString(), new Date(now).toISOString());
    expect((await pay.reconcilePending()).redelivered).toEqual([]);
    now += 61_000;
    expect((await pay.reconcilePending()).redelivered).toEqual(['apple:uuid-1']);
  });
});
