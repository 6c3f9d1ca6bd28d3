/**
 * The PaymentStore contract: one suite, run against every implementation (memory, SQLite, PostgreSQL).
 * Usage: `runStoreContract('sqlite', async () => ({ store, cleanup }))` inside a test file.
 */
import type { PaymentEvent } from '@payweave/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredCharge } from '../channels/types';
import type { PaymentStore, StoredRefund } from './store';

export interface StoreUnderTest {
  store: PaymentStore;
  cleanup?: () => Promise<void>;
}

let sequence = 0;
/** A unique order number per test, so that suites can share a database. */
const uniqueOrderNo = () => `ORD${Date.now().toString(36)}${(sequence++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export function sampleCharge(overrides: Partial<StoredCharge> = {}): StoredCharge {
  return {
    id: `ch_${uniqueOrderNo()}`,
    orderNo: uniqueOrderNo(),
    channel: 'alipay_qr',
    provider: 'alipay',
    amount: 1999,
    currency: 'CNY',
    subject: '测试商品 T-shirt',
    status: 'pending',
    amountRefunded: 0,
    createdAt: '2026-01-02T03:04:05.000Z',
    livemode: false,
    credential: { channel: 'alipay_qr', qrCode: 'https://qr.alipay.com/bax01' },
    channelData: { txnTime: '20260102110405' },
    metadata: { cart: '42' },
    ...overrides,
  };
}

export function sampleEvent(orderNo: string, overrides: Partial<PaymentEvent> = {}): PaymentEvent {
  return {
    id: `alipay:charge:${orderNo}:charge.succeeded`,
    type: 'charge.succeeded',
    provider: 'alipay',
    orderNo,
    channelTradeNo: '2026010222001',
    amount: 1999,
    currency: 'CNY',
    occurredAt: '2026-01-02T03:05:00.000Z',
    raw: { trade_status: 'TRADE_SUCCESS', nested: { list: [1, 2] } },
    ...overrides,
  };
}

export function runStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`PaymentStore contract: ${name}`, () => {
    let current: StoreUnderTest | undefined;
    const store = async () => {
      current = await open();
      return current.store;
    };
    afterEach(async () => {
      await current?.cleanup?.();
      current = undefined;
    });

    it('inserts a charge once and returns it intact', async () => {
      const s = await store();
      const charge = sampleCharge();
      expect(await s.insertCharge(charge)).toBe(true);
      expect(await s.insertCharge({ ...charge, id: 'ch_other' })).toBe(false);
      expect(await s.getCharge(charge.orderNo)).toEqual(charge);
      expect(await s.getCharge('missing')).toBeNull();
    });

    it('updates only a pending charge credential', async () => {
      const s = await store();
      const charge = sampleCharge();
      await s.insertCharge(charge);
      const updated = await s.updatePendingCharge(charge.orderNo, { credential: { channel: 'alipay_qr', qrCode: 'https://qr.alipay.com/new' } });
      expect(updated?.credential).toEqual({ channel: 'alipay_qr', qrCode: 'https://qr.alipay.com/new' });
      await s.transitionCharge({ orderNo: charge.orderNo, from: ['pending'], to: 'closed' });
      expect(await s.updatePendingCharge(charge.orderNo, { credential: charge.credential })).toBeNull();
    });

    it('compare-and-sets a transition together with its event', async () => {
      const s = await store();
      const charge = sampleCharge();
      await s.insertCharge(charge);
      const event = sampleEvent(charge.orderNo);
      const applied = await s.transitionCharge({ orderNo: charge.orderNo, from: ['pending'], to: 'succeeded', patch: { channelTradeNo: 'T1', paidAt: event.occurredAt }, event });
      expect(applied.outcome).toBe('applied');
      expect(applied.outcome === 'applied' && applied.charge).toMatchObject({ status: 'succeeded', channelTradeNo: 'T1', paidAt: event.occurredAt });
      const again = await s.transitionCharge({ orderNo: charge.orderNo, from: ['pending'], to: 'succeeded', event });
      expect(again.outcome).toBe('duplicate');
      expect(again.outcome === 'duplicate' && again.record).toMatchObject({ id: event.id, delivered: false, event });
      const other = await s.transitionCharge({ orderNo: charge.orderNo, from: ['pending'], to: 'closed', event: sampleEvent(charge.orderNo, { id: 'x:closed', type: 'charge.closed' }) });
      expect(other.outcome).toBe('conflict');
      expect(await s.getEvent('x:closed')).toBeNull();
      expect((await s.transitionCharge({ orderNo: 'missing', from: ['pending'], to: 'closed' })).outcome).toBe('not_found');
    });

    it('patches a final charge in place (a payment recorded after close), still as a compare-and-set', async () => {
      const s = await store();
      const charge = sampleCharge();
      await s.insertCharge(charge);
      await s.transitionCharge({ orderNo: charge.orderNo, from: ['pending'], to: 'closed' });
      const late = await s.transitionCharge({ orderNo: charge.orderNo, from: ['closed'], to: 'closed', patch: { paidAt: '2026-01-02T03:04:05.000Z', channelTradeNo: 'T9' } });
      expect(late.outcome === 'applied' && late.charge).toMatchObject({ status: 'closed', paidAt: '2026-01-02T03:04:05.000Z', channelTradeNo: 'T9' });
      expect(await s.getCharge(charge.orderNo)).toMatchObject({ status: 'closed', paidAt: '2026-01-02T03:04:05.000Z', channelTradeNo: 'T9' });
      expect((await s.transitionCharge({ orderNo: charge.orderNo, from: ['failed'], to: 'failed', patch: { paidAt: 'x' } })).outcome).toBe('conflict');
    });

    it('lets exactly one of many concurrent racers win a transition', async () => {
      const s = await store();
      const charge = sampleCharge();
      await s.insertCharge(charge);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          s.transitionCharge({ orderNo: charge.orderNo, from: ['pending'], to: i % 2 ? 'succeeded' : 'closed', event: sampleEvent(charge.orderNo, { id: `race:${i}` }) }),
        ),
      );
      expect(results.filter((r) => r.outcome === 'applied')).toHaveLength(1);
    });

    it('takes the delivery lease with the transition when asked (claimDeliveryUntil)', async () => {
      const s = await store();
      const charge = sampleCharge();
      await s.insertCharge(charge);
      const event = sampleEvent(charge.orderNo);
      const lease = '2026-01-02T00:01:00.000Z';
      const applied = await s.transitionCharge({ orderNo: charge.orderNo, from: ['pending'], to: 'succeeded', event, claimDeliveryUntil: lease });
      expect(applied).toMatchObject({ outcome: 'applied', claimed: true, charge: { status: 'succeeded' } });
      expect(await s.getEvent(event.id)).toMatchObject({ delivered: false, leaseUntil: lease, event });
      // Held: no second claim and no redelivery sweep before it expires; both after.
      expect(await s.claimEventDelivery(event.id, '2026-01-02T00:02:00.000Z', '2026-01-02T00:00:30.000Z')).toBe(false);
      expect((await s.listUndeliveredEvents('2026-01-02T00:00:30.000Z', 1000)).map((record) => record.id)).not.toContain(event.id);
      expect((await s.listUndeliveredEvents('2026-01-02T00:01:00.000Z', 1000)).map((record) => record.id)).toContain(event.id);
      // A duplicate or a conflict takes no lease: the record keeps the one it has.
      const again = await s.transitionCharge({ orderNo: charge.orderNo, from: ['pending'], to: 'succeeded', event, claimDeliveryUntil: '2026-01-02T09:00:00.000Z' });
      expect(again).toMatchObject({ outcome: 'duplicate', record: { leaseUntil: lease } });
      expect(again).not.toHaveProperty('claimed');
      const closedEvent = sampleEvent(charge.orderNo, { id: `${event.id}:closed`, type: 'charge.closed' });
      const conflict = await s.transitionCharge({ orderNo: charge.orderNo, from: ['pending'], to: 'closed', event: closedEvent, claimDeliveryUntil: lease });
      expect(conflict.outcome).toBe('conflict');
      expect(await s.getEvent(closedEvent.id)).toBeNull();
      await s.markEventDelivered(event.id);
      expect(await s.getEvent(event.id)).toMatchObject({ delivered: true });
      expect(await s.getEvent(event.id)).not.toHaveProperty('leaseUntil');
    });

    it('takes no lease without claimDeliveryUntil', async () => {
      const s = await store();
      const charge = sampleCharge();
      await s.insertCharge(charge);
      const event = sampleEvent(charge.orderNo);
      const applied = await s.transitionCharge({ orderNo: charge.orderNo, from: ['pending'], to: 'succeeded', event });
      expect(applied.outcome === 'applied' && applied.claimed).toBeFalsy();
      expect(await s.getEvent(event.id)).not.toHaveProperty('leaseUntil');
      expect(await s.claimEventDelivery(event.id, '2026-01-02T00:01:00.000Z', '2026-01-02T00:00:00.000Z')).toBe(true);
    });

    it('leases event delivery to one process at a time', async () => {
      const s = await store();
      const event = sampleEvent(uniqueOrderNo(), { type: 'iap.purchased', id: `apple:${uniqueOrderNo()}` });
      expect(await s.recordEvent(event)).toBe(true);
      expect(await s.recordEvent(event)).toBe(false);
      const now = '2026-01-02T00:00:00.000Z';
      expect(await s.claimEventDelivery(event.id, '2026-01-02T00:01:00.000Z', now)).toBe(true);
      expect(await s.claimEventDelivery(event.id, '2026-01-02T00:01:00.000Z', now)).toBe(false);
      expect(await s.claimEventDelivery(event.id, '2026-01-02T00:03:00.000Z', '2026-01-02T00:02:00.000Z')).toBe(true); // expired lease taken over
      await s.releaseEventDelivery(event.id);
      expect(await s.claimEventDelivery(event.id, '2026-01-02T00:05:00.000Z', '2026-01-02T00:02:30.000Z')).toBe(true);
      await s.markEventDelivered(event.id);
      expect(await s.claimEventDelivery(event.id, '2026-01-02T00:09:00.000Z', '2026-01-02T00:08:00.000Z')).toBe(false);
      expect(await s.getEvent(event.id)).toMatchObject({ delivered: true, event });
      const claims = await Promise.all(Array.from({ length: 10 }, () => s.recordEvent(sampleEvent('x', { id: `${event.id}:b`, type: 'iap.other' }))));
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it('lists the undelivered events whose lease is free, for a redelivery sweep', async () => {
      const s = await store();
      const base = uniqueOrderNo();
      const event = (suffix: string) => sampleEvent(base, { id: `${base}:${suffix}`, type: 'iap.other' });
      for (const suffix of ['done', 'leased', 'expired', 'fresh']) await s.recordEvent(event(suffix));
      await s.markEventDelivered(`${base}:done`);
      await s.claimEventDelivery(`${base}:leased`, '2026-01-02T00:10:00.000Z', '2026-01-02T00:00:00.000Z');
      await s.claimEventDelivery(`${base}:expired`, '2026-01-02T00:01:00.000Z', '2026-01-02T00:00:00.000Z');
      const listed = await s.listUndeliveredEvents('2026-01-02T00:05:00.000Z', 1000);
      const ours = listed.filter((record) => record.id.startsWith(`${base}:`)).map((record) => record.id).sort();
      expect(ours).toEqual([`${base}:expired`, `${base}:fresh`]);
      expect(listed.find((record) => record.id === `${base}:fresh`)).toMatchObject({ delivered: false, event: event('fresh') });
      expect(await s.listUndeliveredEvents('2026-01-02T00:05:00.000Z', 1)).toHaveLength(1);
    });

    it('tracks refunds and grows amountRefunded in the same step', async () => {
      const s = await store();
      const charge = sampleCharge({ status: 'succeeded' });
      await s.insertCharge(charge);
      const refund: StoredRefund = { id: 're_1', refundNo: `R${uniqueOrderNo()}`, orderNo: charge.orderNo, amount: 500, currency: 'CNY', status: 'pending', createdAt: '2026-01-03T00:00:00.000Z', reason: '退货' };
      expect(await s.insertRefund(refund)).toBe(true);
      expect(await s.insertRefund(refund)).toBe(false);
      expect(await s.getRefund(refund.refundNo)).toEqual(refund);
      const event = sampleEvent(charge.orderNo, { id: `refund:${refund.refundNo}`, type: 'refund.succeeded', refundNo: refund.refundNo, amount: 500 });
      const done = await s.transitionRefund(refund.refundNo, ['pending'], 'succeeded', { succeededAt: '2026-01-03T00:01:00.000Z', channelRefundNo: 'CR1' }, event);
      expect(done.outcome).toBe('applied');
      expect(done.refund).toMatchObject({ status: 'succeeded', channelRefundNo: 'CR1' });
      expect((await s.getCharge(charge.orderNo))?.amountRefunded).toBe(500);
      expect((await s.transitionRefund(refund.refundNo, ['pending'], 'succeeded', {}, event)).outcome).toBe('duplicate');
      expect((await s.transitionRefund(refund.refundNo, ['pending'], 'failed')).outcome).toBe('conflict');
      expect((await s.getCharge(charge.orderNo))?.amountRefunded).toBe(500);
    });

    it('lists pending charges created before a time', async () => {
      const s = await store();
      const old = sampleCharge({ createdAt: '2000-01-01T00:00:00.000Z' });
      const recent = sampleCharge({ createdAt: '2999-01-01T00:00:00.000Z' });
      await s.insertCharge(old);
      await s.insertCharge(recent);
      const listed = await s.listCharges({ status: 'pending', createdBefore: '2001-01-01T00:00:00.000Z', limit: 1000 });
      expect(listed.map((c) => c.orderNo)).toContain(old.orderNo);
      expect(listed.map((c) => c.orderNo)).not.toContain(recent.orderNo);
    });

    it('records anomalies', async () => {
      const s = await store();
      const orderNo = uniqueOrderNo();
      await s.recordAnomaly({ id: `a:${orderNo}`, kind: 'amount_mismatch', provider: 'wechat', orderNo, detail: 'paid 1 fen', occurredAt: '2026-01-02T00:00:00.000Z', raw: { total: 1 } });
      expect((await s.listAnomalies()).find((a) => a.orderNo === orderNo)).toMatchObject({ kind: 'amount_mismatch', detail: 'paid 1 fen', raw: { total: 1 } });
    });

    it('binds an Apple original transaction to the first account only', async () => {
      const s = await store();
      const original = uniqueOrderNo();
      expect(await s.getAppleOwner(original)).toBeNull();
      expect(await s.getAppleOwner(original)).toBeNull(); // reading binds nothing
      expect(await s.claimAppleTransaction(original, 'alice')).toEqual({ owner: 'alice', created: true });
      expect(await s.getAppleOwner(original)).toBe('alice');
      expect(await s.claimAppleTransaction(original, 'alice')).toEqual({ owner: 'alice', created: false });
      expect(await s.claimAppleTransaction(original, 'mallory')).toEqual({ owner: 'alice', created: false });
      const racers = await Promise.all(['a', 'b', 'c', 'd'].map((account) => s.claimAppleTransaction(`${original}:r`, account)));
      expect(new Set(racers.map((r) => r.owner)).size).toBe(1);
      expect(racers.filter((r) => r.created)).toHaveLength(1);
    });

    it('settles every concurrent Apple claim with the one owner (never a missing row)', async () => {
      const s = await store();
      for (let round = 0; round < 10; round++) {
        const original = uniqueOrderNo();
        const racers = await Promise.all(Array.from({ length: 8 }, (_, i) => s.claimAppleTransaction(original, `account${i}`)));
        expect(racers.filter((r) => r.created)).toHaveLength(1);
        expect(new Set(racers.map((r) => r.owner)).size).toBe(1);
      }
    });

    it('records the first presentation of each Apple transaction, once', async () => {
      const s = await store();
      const original = uniqueOrderNo();
      expect(await s.recordAppleTransaction(`${original}1`, original, 'alice')).toBe(true);
      expect(await s.recordAppleTransaction(`${original}1`, original, 'alice')).toBe(false);
      expect(await s.recordAppleTransaction(original, original, 'alice')).toBe(true);
      // Separate from ownership: recording a transaction binds nothing.
      expect(await s.claimAppleTransaction(`${original}1`, 'bob')).toEqual({ owner: 'bob', created: true });
      const racers = await Promise.all(Array.from({ length: 8 }, () => s.recordAppleTransaction(`${original}2`, original, 'alice')));
      expect(racers.filter(Boolean)).toHaveLength(1);
    });

    it('never reserves more refunds than the charge amount, even concurrently', async () => {
      const s = await store();
      const charge = sampleCharge({ status: 'succeeded', amount: 1999 });
      await s.insertCharge(charge);
      const refund = (refundNo: string, amount: number): StoredRefund => ({ id: `re_${refundNo}`, refundNo, orderNo: charge.orderNo, amount, currency: 'CNY', status: 'pending', createdAt: '2026-01-03T00:00:00.000Z' });
      const first = refund(`R${uniqueOrderNo()}`, 1500);
      expect(await s.insertRefund(first)).toBe(true);
      await expect(s.insertRefund(refund(`R${uniqueOrderNo()}`, 600))).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_CHARGE', type: 'PayValidationError' });
      expect(await s.insertRefund(first)).toBe(false); // a repeat of a known refund is a duplicate, not an excess
      await s.transitionRefund(first.refundNo, ['pending'], 'failed');
      const racers = await Promise.allSettled(Array.from({ length: 10 }, () => s.insertRefund(refund(`R${uniqueOrderNo()}`, 500))));
      expect(racers.filter((r) => r.status === 'fulfilled' && r.value === true)).toHaveLength(3);
      expect(racers.filter((r) => r.status === 'rejected')).toHaveLength(7);
    });

    it('records an anomaly once per id', async () => {
      const s = await store();
      const orderNo = uniqueOrderNo();
      const anomaly = { id: `a:${orderNo}`, kind: 'amount_mismatch' as const, provider: 'wechat', orderNo, detail: 'paid 1 fen', occurredAt: '2026-01-02T00:00:00.000Z' };
      await s.recordAnomaly(anomaly);
      await s.recordAnomaly(anomaly);
      expect((await s.listAnomalies()).filter((a) => a.orderNo === orderNo)).toHaveLength(1);
    });
  });
}
