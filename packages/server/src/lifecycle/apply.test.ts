import type { PaymentEvent } from '@payweave/core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EventContext } from '../server/options';
import { createLifecycle, type Lifecycle } from './apply';
import { memoryStore } from './memory-store';
import type { PaymentStore } from './store';
import { sampleCharge } from './store.contract';

describe('lifecycle: refund events are cross-checked like charge events', () => {
  let store: PaymentStore;
  let lifecycle: Lifecycle;
  let delivered: { event: PaymentEvent; context: EventContext }[];
  const charge = sampleCharge({ orderNo: 'ORDER_1', status: 'succeeded', amount: 1999 });
  const refundEvent = (overrides: Partial<PaymentEvent> = {}): PaymentEvent => ({
    id: 'alipay:T1:refund:R1',
    type: 'refund.succeeded',
    provider: 'alipay',
    orderNo: 'ORDER_1',
    refundNo: 'R1',
    amount: 500,
    currency: 'CNY',
    occurredAt: '2026-01-03T00:00:00.000Z',
    raw: {},
    ...overrides,
  });

  beforeEach(async () => {
    store = memoryStore();
    delivered = [];
    lifecycle = createLifecycle(store, (event, context) => void delivered.push({ event, context }), () => Date.UTC(2026, 0, 3));
    await store.insertCharge(charge);
    await store.insertRefund({ id: 're_1', refundNo: 'R1', orderNo: 'ORDER_1', amount: 500, currency: 'CNY', status: 'pending', createdAt: '2026-01-03T00:00:00.000Z' });
  });

  it('applies a matching refund report once', async () => {
    expect(await lifecycle.apply(refundEvent())).toMatchObject({ duplicate: false, acknowledge: true });
    expect((await store.getCharge('ORDER_1'))?.amountRefunded).toBe(500);
    expect(delivered).toHaveLength(1);
  });

  it('refuses a refund report with another amount: anomaly, nothing refunded', async () => {
    const result = await lifecycle.apply(refundEvent({ amount: 1999 }));
    expect(result).toMatchObject({ acknowledge: true, error: { code: 'AMOUNT_MISMATCH' } });
    expect(await store.getRefund('R1')).toMatchObject({ status: 'pending' });
    expect((await store.getCharge('ORDER_1'))?.amountRefunded).toBe(0);
    expect((await store.listAnomalies()).map((a) => a.kind)).toEqual(['amount_mismatch']);
    expect(delivered).toHaveLength(0);
  });

  it("refuses another provider's report of the refund number, and one for another order", async () => {
    expect(await lifecycle.apply(refundEvent({ provider: 'wechat', id: 'wechat:x' }))).toMatchObject({ error: { code: 'PROVIDER_MISMATCH' } });
    expect(await lifecycle.apply(refundEvent({ orderNo: 'ORDER_2' }))).toMatchObject({ error: { code: 'UNKNOWN_REFUND' } });
    expect(await store.getRefund('R1')).toMatchObject({ status: 'pending' });
    expect(delivered).toHaveLength(0);
  });

  it('a refund already failed without an event and then reported failed: acknowledged, nothing to run or redeliver', async () => {
    await store.transitionRefund('R1', ['pending'], 'failed');
    expect(await lifecycle.apply(refundEvent({ type: 'refund.failed' }))).toMatchObject({ duplicate: true, acknowledge: true });
    expect(await lifecycle.apply(refundEvent({ type: 'refund.failed' }))).toMatchObject({ duplicate: true, acknowledge: true });
    expect(await store.listUndeliveredEvents('2026-01-04T00:00:00.000Z', 10)).toEqual([]);
    expect(delivered).toHaveLength(0);
  });

  it('surfaces a refund reported succeeded after it failed, once, with the anomaly', async () => {
    await store.transitionRefund('R1', ['pending'], 'failed');
    const first = await lifecycle.apply(refundEvent());
    expect(first).toMatchObject({ acknowledge: true, error: { code: 'ILLEGAL_TRANSITION' } });
    expect(delivered.map((d) => d.context.anomaly?.kind)).toEqual(['illegal_transition']);
    expect(await lifecycle.apply(refundEvent())).toMatchObject({ duplicate: true, acknowledge: true });
    expect(delivered).toHaveLength(1);
  });
});

describe('lifecycle: a surfaced conflict keeps its anomaly on redelivery', () => {
  it('paid after close: onEvent fails, the redelivery still carries context.anomaly', async () => {
    const store = memoryStore();
    const contexts: EventContext[] = [];
    let failing = true;
    const lifecycle = createLifecycle(store, (_event, context) => {
      contexts.push(context);
      if (failing) throw new Error('fulfilment down');
    }, () => Date.UTC(2026, 0, 3));
    await store.insertCharge(sampleCharge({ orderNo: 'CLOSED_1', status: 'closed', amount: 1999 }));
    const paid: PaymentEvent = { id: 'alipay:T9:TRADE_SUCCESS', type: 'charge.succeeded', provider: 'alipay', orderNo: 'CLOSED_1', amount: 1999, currency: 'CNY', occurredAt: '2026-01-03T00:00:00.000Z', raw: {} };
    expect(await lifecycle.apply(paid)).toMatchObject({ acknowledge: false, error: { code: 'ON_EVENT_FAILED' } });
    failing = false;
    expect(await lifecycle.apply(paid)).toMatchObject({ acknowledge: true, error: { code: 'ILLEGAL_TRANSITION' } });
    expect(contexts.map((context) => context.anomaly?.kind)).toEqual(['illegal_transition', 'illegal_transition']);
    expect(await lifecycle.apply(paid)).toMatchObject({ duplicate: true, acknowledge: true });
    expect(contexts).toHaveLength(2);
  });
});

describe('lifecycle: the delivery lease of a first delivery', () => {
  const charge = sampleCharge({ orderNo: 'ORDER_L', amount: 1999 });
  const paid: PaymentEvent = { id: 'x', type: 'charge.succeeded', provider: 'alipay', orderNo: 'ORDER_L', amount: 1999, currency: 'CNY', occurredAt: '2026-01-03T00:00:00.000Z', raw: {} };
  const clock = () => Date.UTC(2026, 0, 3);

  /** Counts claimEventDelivery calls; `legacy` drops claimDeliveryUntil, as a store written before it would. */
  const counting = (legacy: boolean) => {
    const inner = memoryStore();
    const calls = { claims: 0 };
    const store: PaymentStore = {
      ...inner,
      claimEventDelivery: (...args) => {
        calls.claims++;
        return inner.claimEventDelivery(...args);
      },
      transitionCharge: ({ claimDeliveryUntil, ...rest }) => inner.transitionCharge(legacy ? rest : { ...rest, claimDeliveryUntil }),
    };
    return { store, calls };
  };

  it.each([
    ['takes it with the transition', false, 0],
    ['claims it separately from a store that ignores claimDeliveryUntil', true, 1],
  ])('%s, and runs onEvent once', async (_name, legacy, claims) => {
    const { store, calls } = counting(legacy);
    await store.insertCharge(charge);
    let runs = 0;
    const lifecycle = createLifecycle(store, () => void runs++, clock);
    expect(await lifecycle.apply(paid)).toMatchObject({ duplicate: false, acknowledge: true });
    expect(await lifecycle.apply(paid)).toMatchObject({ duplicate: true, acknowledge: true });
    expect(runs).toBe(1);
    expect(calls.claims).toBe(claims);
    expect(await store.getEvent('alipay:charge:ORDER_L:charge.succeeded')).toMatchObject({ delivered: true });
  });

  it('releases a lease taken with the transition when onEvent throws, so the retry runs it at once', async () => {
    const { store } = counting(false);
    await store.insertCharge(charge);
    let runs = 0;
    const lifecycle = createLifecycle(store, () => {
      if (runs++ === 0) throw new Error('fulfilment down');
    }, clock);
    expect(await lifecycle.apply(paid)).toMatchObject({ acknowledge: false, error: { code: 'ON_EVENT_FAILED' } });
    expect(await lifecycle.apply(paid)).toMatchObject({ duplicate: false, acknowledge: true });
    expect(runs).toBe(2);
  });
});
