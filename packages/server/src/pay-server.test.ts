import { PayConfigError, PayError, PayValidationError, type PaymentEvent } from '@payweave/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CryptoProvider } from './crypto/provider';
import { memoryStore } from './lifecycle/memory-store';
import { createPayServerWith, type PayServer } from './pay-server';
import type { EventContext } from './server/options';
import { type FakeChannel, fakeChannel, fakeNotificationBody } from './testing/fake-channel';

const platform = { crypto: () => ({ name: 'node' }) as CryptoProvider };
const order = { channel: 'alipay_qr', orderNo: 'ORDER_1', amount: 1999, subject: 'T-shirt' } as const;

describe('createPayServer lifecycle (fake channel)', () => {
  let channel: FakeChannel;
  let pay: PayServer;
  let events: { event: PaymentEvent; context: EventContext }[];
  let onEvent: ReturnType<typeof vi.fn<(event: PaymentEvent, context: EventContext) => Promise<void>>>;

  beforeEach(() => {
    channel = fakeChannel();
    events = [];
    onEvent = vi.fn(async (event: PaymentEvent, context: EventContext) => {
      events.push({ event, context });
    });
    pay = createPayServerWith({ channels: [channel], store: memoryStore(), onEvent, clock: () => Date.UTC(2026, 0, 2), logger: { warn: () => {} } }, platform);
  });

  const notify = (body: unknown) => pay.notifications.handle('alipay', { body: body as string, headers: {} });

  it('creates a pending charge and keeps channel data on the server', async () => {
    const charge = await pay.charges.create(order);
    expect(charge).toMatchObject({ orderNo: 'ORDER_1', status: 'pending', amount: 1999, currency: 'CNY', amountRefunded: 0, livemode: false });
    expect(charge.id).toMatch(/^ch_[A-Za-z0-9]{24}$/);
    expect(charge.credential).toEqual({ channel: 'alipay_qr', qrCode: 'https://qr.example/ORDER_1' });
    expect(charge).not.toHaveProperty('channelData');
    expect(charge).not.toHaveProperty('provider');
    expect(charge.createdAt).toBe('2026-01-02T00:00:00.000Z');
  });

  it('refuses bad input and unconfigured channels with typed errors', async () => {
    await expect(pay.charges.create({ ...order, amount: 19.99 })).rejects.toBeInstanceOf(PayValidationError);
    const error = await pay.charges.create({ ...order, channel: 'wechat_native', orderNo: 'ORDER_002' }).catch((e: unknown) => e);
    expect(PayConfigError.isInstance(error)).toBe(true);
    expect((error as PayError).code).toBe('CHANNEL_NOT_CONFIGURED');
    expect((error as Error).message).toMatch(/add wechat\(/);
    await expect(pay.charges.retrieve('NOPE')).rejects.toMatchObject({ code: 'CHARGE_NOT_FOUND' });
  });

  it('re-creating a pending order returns the same charge; other terms are refused', async () => {
    const first = await pay.charges.create(order);
    const again = await pay.charges.create(order);
    expect(again.id).toBe(first.id);
    await expect(pay.charges.create({ ...order, amount: 100 })).rejects.toMatchObject({ code: 'ORDER_CONFLICT' });
  });

  it('applies a verified notification once and acknowledges duplicates without re-running onEvent', async () => {
    await pay.charges.create(order);
    const body = fakeNotificationBody({ orderNo: 'ORDER_1', amount: 1999 });
    const first = await notify(body);
    expect(first.error).toBeUndefined();
    expect(first.duplicate).toBe(false);
    expect(first.ack).toEqual({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'success' });
    expect(first.event?.id).toBe('alipay:charge:ORDER_1:charge.succeeded');
    const second = await notify(new TextEncoder().encode(body));
    expect(second.duplicate).toBe(true);
    expect(second.ack.body).toBe('success');
    expect(onEvent).toHaveBeenCalledTimes(1);
    expect(events[0]?.context.charge).toMatchObject({ status: 'succeeded', channelTradeNo: 'TORDER_1', paidAt: '2026-01-02T03:04:05.000Z' });
    expect((await pay.charges.retrieve('ORDER_1')).status).toBe('succeeded');
  });

  it('runs onEvent once under concurrent redeliveries', async () => {
    await pay.charges.create(order);
    const body = fakeNotificationBody({ orderNo: 'ORDER_1', amount: 1999 });
    const results = await Promise.all(Array.from({ length: 10 }, () => notify(body)));
    expect(onEvent).toHaveBeenCalledTimes(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(results.every((r) => r.ack.body === 'success')).toBe(true);
  });

  it('refuses an amount mismatch: recorded as an anomaly, retries stopped, never paid', async () => {
    await pay.charges.create(order);
    const result = await notify(fakeNotificationBody({ orderNo: 'ORDER_1', amount: 1 }));
    expect(result.error?.code).toBe('AMOUNT_MISMATCH');
    expect(result.ack.body).toBe('success');
    expect(onEvent).not.toHaveBeenCalled();
    expect((await pay.charges.retrieve('ORDER_1')).status).toBe('pending');
    expect(await pay.store.listAnomalies()).toEqual([expect.objectContaining({ kind: 'amount_mismatch', orderNo: 'ORDER_1' })]);
  });

  it('records a verified notification for an unknown order as an anomaly', async () => {
    const result = await notify(fakeNotificationBody({ orderNo: 'GHOST', amount: 1 }));
    expect(result.error?.code).toBe('UNKNOWN_ORDER');
    expect((await pay.store.listAnomalies())[0]?.kind).toBe('unknown_order');
  });

  it('does not acknowledge when onEvent throws, and runs it again on redelivery', async () => {
    await pay.charges.create(order);
    onEvent.mockRejectedValueOnce(new Error('warehouse down'));
    const body = fakeNotificationBody({ orderNo: 'ORDER_1', amount: 1999 });
    const failed = await notify(body);
    expect(failed.error?.code).toBe('ON_EVENT_FAILED');
    expect(failed.ack.status).toBe(400);
    const retried = await notify(body);
    expect(retried.error).toBeUndefined();
    expect(retried.ack.body).toBe('success');
    expect(onEvent).toHaveBeenCalledTimes(2);
    expect(onEvent.mock.calls[0]?.[0].id).toBe(onEvent.mock.calls[1]?.[0].id);
    expect((await notify(body)).duplicate).toBe(true);
    expect(onEvent).toHaveBeenCalledTimes(2);
  });

  it('refuses parsed bodies and bad signatures without acknowledging', async () => {
    const parsed = await notify({ trade_status: 'TRADE_SUCCESS' });
    expect(parsed.error?.code).toBe('RAW_BODY_REQUIRED');
    expect(parsed.error?.message).toMatch(/raw request body/);
    expect(parsed.ack.status).toBe(400);
    const forged = await notify(JSON.stringify({ token: 'nope', orderNo: 'ORDER_1', amount: 1999 }));
    expect(forged.error?.code).toBe('SIGNATURE_INVALID');
    expect(forged.ack.status).toBe(400);
    const garbage = await pay.notifications.handle('alipay', null as never);
    expect(garbage.error?.code).toBe('RAW_BODY_REQUIRED');
    const unconfigured = await pay.notifications.handle('wechat', { body: '{}' });
    expect(unconfigured.error?.code).toBe('CHANNEL_NOT_CONFIGURED');
    expect(unconfigured.ack.status).toBe(400);
    await expect(pay.notifications.verify('alipay', { body: { a: 1 } as never })).rejects.toMatchObject({ code: 'RAW_BODY_REQUIRED' });
  });

  it('cross-checks the amount of a charge the gateway settled synchronously (barcode)', async () => {
    channel.createCharge = async () => ({ credential: { channel: 'alipay_barcode' }, status: 'succeeded', channelTradeNo: 'T9', amount: 1999 });
    const paid = await pay.charges.create({ ...order, channel: 'alipay_barcode', payer: { authCode: '281234567890123456' } });
    expect(paid.status).toBe('succeeded');
    channel.createCharge = async () => ({ credential: { channel: 'alipay_barcode' }, status: 'succeeded', channelTradeNo: 'T10', amount: 1 });
    const wrong = await pay.charges.create({ ...order, orderNo: 'ORDER_2', channel: 'alipay_barcode', payer: { authCode: '281234567890123456' } });
    expect(wrong.status).toBe('pending');
    expect((await pay.store.listAnomalies()).map((a) => a.kind)).toEqual(['amount_mismatch']);
    expect(onEvent).toHaveBeenCalledTimes(1);
  });

  it('acknowledges a verified message that changes nothing and reports it as ignored', async () => {
    channel.verifyNotification = async () => {
      throw new PayError('WAIT_BUYER_PAY changes nothing', { code: 'NOTIFICATION_IGNORED' });
    };
    const result = await notify('anything');
    expect(result).toMatchObject({ event: null, ignored: true, ack: { status: 200, body: 'success' } });
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('re-queries a pending charge and dedupes the later notification of the same payment', async () => {
    await pay.charges.create(order);
    channel.queryAnswer = { status: 'succeeded', amount: 1999, channelTradeNo: 'TORDER_1', paidAt: '2026-01-02T03:04:05.000Z', raw: {} };
    expect((await pay.charges.retrieve('ORDER_1')).status).toBe('pending');
    // Found by the robustness suite: null options threw a TypeError; they mean no options, as undefined does.
    expect((await pay.charges.retrieve('ORDER_1', null as never)).status).toBe('pending');
    expect((await pay.charges.retrieve('ORDER_1', { refresh: true })).status).toBe('succeeded');
    const late = await notify(fakeNotificationBody({ orderNo: 'ORDER_1', amount: 1999 }));
    expect(late.duplicate).toBe(true);
    expect(onEvent).toHaveBeenCalledTimes(1);
  });

  it('surfaces a payment reported after the charge was closed, and lets it be refunded through the gateway', async () => {
    await pay.charges.create(order);
    await pay.charges.close('ORDER_1');
    expect(channel.calls).toContain('close:ORDER_1');
    await expect(pay.refunds.create({ orderNo: 'ORDER_1', refundNo: 'R0', amount: 1999 })).rejects.toMatchObject({ code: 'CHARGE_NOT_PAID' });
    const result = await notify(fakeNotificationBody({ orderNo: 'ORDER_1', amount: 1999 }));
    expect(result.error?.code).toBe('ILLEGAL_TRANSITION');
    expect(result.ack.body).toBe('success');
    const paidLate = events.find((e) => e.event.type === 'charge.succeeded');
    expect(paidLate?.context.anomaly?.kind).toBe('illegal_transition');
    expect((await notify(fakeNotificationBody({ orderNo: 'ORDER_1', amount: 1999 }))).duplicate).toBe(true);
    expect(events.filter((e) => e.event.type === 'charge.succeeded')).toHaveLength(1);
    // The charge stays closed, with the verified payment on record; onEvent saw it so.
    const closed = await pay.charges.retrieve('ORDER_1');
    expect(closed).toMatchObject({ status: 'closed', paidAt: '2026-01-02T03:04:05.000Z', channelTradeNo: 'TORDER_1' });
    expect(paidLate?.context.charge).toMatchObject({ status: 'closed', paidAt: closed.paidAt });
    await expect(pay.refunds.create({ orderNo: 'ORDER_1', refundNo: 'R1', amount: 2000 })).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_CHARGE' });
    expect(await pay.refunds.create({ orderNo: 'ORDER_1', refundNo: 'R1', amount: 1999 })).toMatchObject({ status: 'succeeded', amount: 1999 });
    expect(channel.calls).toContain('refund:ORDER_1:R1');
    expect(await pay.charges.retrieve('ORDER_1')).toMatchObject({ status: 'closed', amountRefunded: 1999 });
  });

  it('refunds a paid charge within its amount', async () => {
    await pay.charges.create(order);
    await notify(fakeNotificationBody({ orderNo: 'ORDER_1', amount: 1999 }));
    await expect(pay.refunds.create({ orderNo: 'ORDER_1', refundNo: 'R1', amount: 5000 })).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_CHARGE' });
    const refund = await pay.refunds.create({ orderNo: 'ORDER_1', refundNo: 'R1', amount: 999 });
    expect(refund).toMatchObject({ status: 'succeeded', amount: 999, channelRefundNo: 'R1' });
    expect((await pay.charges.retrieve('ORDER_1')).amountRefunded).toBe(999);
    expect(events.map((e) => e.event.type)).toEqual(['charge.succeeded', 'refund.succeeded']);
    expect(await pay.refunds.create({ orderNo: 'ORDER_1', refundNo: 'R1', amount: 999 })).toMatchObject({ id: refund.id });
    expect(await pay.refunds.retrieve('R1', null as never)).toMatchObject({ id: refund.id });
  });

  it('refuses to refund an unpaid charge', async () => {
    await pay.charges.create(order);
    await expect(pay.refunds.create({ orderNo: 'ORDER_1', refundNo: 'R1', amount: 1 })).rejects.toMatchObject({ code: 'CHARGE_NOT_PAID' });
  });

  it('validates the options', () => {
    expect(() => createPayServerWith({ channels: [] }, platform)).toThrow(/at least one channel/);
    expect(() => createPayServerWith({ channels: [{} as never] }, platform)).toThrow(/channel factory/);
    expect(() => createPayServerWith({ channels: [fakeChannel(), fakeChannel()] }, platform)).toThrow(/two alipay channels/);
    expect(() => createPayServerWith(undefined as never, platform)).toThrow(PayConfigError);
    expect(() => pay.apple.appAccountToken('a')).toThrow(/apple\(/);
  });

  it('warns once when no store is given', () => {
    const warn = vi.fn();
    const logger = { warn };
    createPayServerWith({ channels: [fakeChannel()], logger }, platform);
    createPayServerWith({ channels: [fakeChannel()], logger }, platform);
    createPayServerWith({ channels: [fakeChannel()], store: memoryStore(), logger: { warn } }, platform);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/not shared between processes/);
  });
});

describe('reconcilePending', () => {
  it('settles old pending charges from the gateway and closes expired ones', async () => {
    const channel = fakeChannel();
    let now = Date.UTC(2026, 0, 2, 0, 0, 0);
    const onEvent = vi.fn();
    const pay = createPayServerWith({ channels: [channel], store: memoryStore(), onEvent, clock: () => now, logger: { warn: () => {} } }, platform);
    await pay.charges.create({ ...order, orderNo: 'PAID' });
    await pay.charges.create({ ...order, orderNo: 'EXPIRED', expiresAt: '2026-01-02T00:05:00+00:00' });
    await pay.charges.create({ ...order, orderNo: 'WAITING' });
    now += 10 * 60_000;
    await pay.charges.create({ ...order, orderNo: 'YOUNG' });
    channel.queryCharge = async (charge) => (charge.orderNo === 'PAID' ? { status: 'succeeded', amount: 1999, raw: {} } : { status: 'pending', raw: {} });
    const report = await pay.reconcilePending({ olderThan: 60_000, concurrency: 2 });
    expect(report).toMatchObject({ checked: 3, succeeded: ['PAID'], closed: ['EXPIRED'], stillPending: ['WAITING'], errors: [] });
    expect(channel.calls).toContain('close:EXPIRED');
    expect(channel.calls).not.toContain('query:YOUNG');
    expect(onEvent.mock.calls.map((c) => `${c[0].type}:${c[0].orderNo}`).sort()).toEqual(['charge.closed:EXPIRED', 'charge.succeeded:PAID']);
  });

  it('reports gateway failures per charge instead of failing the sweep', async () => {
    const channel = fakeChannel();
    let now = Date.UTC(2026, 0, 2);
    const pay = createPayServerWith({ channels: [channel], store: memoryStore(), clock: () => now, logger: { warn: () => {} } }, platform);
    await pay.charges.create(order);
    now += 120_000;
    channel.queryCharge = async () => {
      throw new PayError('gateway busy', { code: 'GATEWAY_ERROR', isRetryable: true });
    };
    const report = await pay.reconcilePending();
    expect(report.errors).toEqual([{ orderNo: 'ORDER_1', error: expect.objectContaining({ code: 'GATEWAY_ERROR' }) }]);
    await expect(pay.reconcilePending({ concurrency: 0 })).rejects.toBeInstanceOf(PayValidationError);
  });
});
