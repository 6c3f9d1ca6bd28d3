/**
 * Applying a verified event: cross-check it against the stored charge, compare-and-set the state together with the
 * event record, run `onEvent` once, and report what to acknowledge. Shared by notifications, browser returns and
 * active queries, so that every path obeys the same rules.
 */
import { PayError, type PaymentEvent } from '@payweave/core';
import type { StoredCharge } from '../channels/types';
import type { EventContext } from '../server/options';
import type { Anomaly, PaymentStore } from './store';
import { CHARGE_EVENT_STATUS, CHARGE_SOURCES, REFUND_EVENT_STATUS, canonicalEventId, toPublicCharge } from './transitions';

export interface ApplyResult {
  event: PaymentEvent;
  /** True when this event was seen (and delivered) before: nothing changed. */
  duplicate: boolean;
  charge?: StoredCharge;
  /** Set when the event could not be applied. */
  error?: PayError;
  /** Whether the gateway should stop retrying: false only when a retry can help (onEvent failed). */
  acknowledge: boolean;
}

export interface Lifecycle {
  apply(event: PaymentEvent): Promise<ApplyResult>;
}

export function createLifecycle(
  store: PaymentStore,
  onEvent: ((event: PaymentEvent, context: EventContext) => void | Promise<void>) | undefined,
  clock: () => number,
  deliveryLeaseMs = 60_000,
): Lifecycle {
  const now = () => new Date(clock()).toISOString();
  // In-process guard: two deliveries of one event racing in this process share a single onEvent run.
  const inFlight = new Map<string, Promise<ApplyResult>>();

  const anomaly = async (kind: Anomaly['kind'], event: PaymentEvent, detail: string): Promise<Anomaly> => {
    const entry: Anomaly = { id: `${event.id}:${kind}`, kind, provider: event.provider, orderNo: event.orderNo, eventId: event.id, detail, occurredAt: now(), raw: event.raw };
    await store.recordAnomaly(entry);
    return entry;
  };

  const deliver = async (event: PaymentEvent, context: EventContext, charge?: StoredCharge): Promise<ApplyResult> => {
    const claimed = await store.claimEventDelivery(event.id, new Date(clock() + deliveryLeaseMs).toISOString(), now());
    if (!claimed) {
      const known = await store.getEvent(event.id);
      if (known?.delivered) return { event, duplicate: true, charge, acknowledge: true };
      // Another process is running onEvent for this event now: do not acknowledge; the gateway's retry settles it.
      return {
        event,
        duplicate: true,
        charge,
        acknowledge: false,
        error: new PayError('another process is handling this event right now; the gateway will deliver it again', { code: 'EVENT_IN_PROGRESS', channel: event.provider, isRetryable: true }),
      };
    }
    try {
      await onEvent?.(event, context);
    } catch (cause) {
      await store.releaseEventDelivery(event.id);
      return {
        event,
        duplicate: false,
        charge,
        acknowledge: false,
        error: new PayError('onEvent threw: the notification is not acknowledged so the gateway delivers it again, and onEvent will run again with the same event.id', {
          code: 'ON_EVENT_FAILED',
          channel: event.provider,
          isRetryable: true,
          cause,
        }),
      };
    }
    await store.markEventDelivered(event.id);
    return { event, duplicate: false, charge, acknowledge: true };
  };

  const redeliverOrSkip = async (event: PaymentEvent, delivered: boolean, charge: StoredCharge | null): Promise<ApplyResult> => {
    if (delivered) return { event, duplicate: true, charge: charge ?? undefined, acknowledge: true };
    return deliver(event, { charge: charge ? toPublicCharge(charge) : undefined }, charge ?? undefined);
  };

  const applyCharge = async (event: PaymentEvent): Promise<ApplyResult> => {
    const target = CHARGE_EVENT_STATUS[event.type]!;
    const reject = async (kind: Anomaly['kind'], code: string, message: string, charge?: StoredCharge): Promise<ApplyResult> => {
      await anomaly(kind, event, message);
      return { event, duplicate: false, charge, acknowledge: true, error: new PayError(message, { code, channel: event.provider }) };
    };
    const charge = event.orderNo ? await store.getCharge(event.orderNo) : null;
    if (!charge) return reject('unknown_order', 'UNKNOWN_ORDER', `verified ${event.type} for order ${event.orderNo ?? '(none)'}, which this server never created`);
    if (charge.provider !== event.provider) return reject('unknown_order', 'PROVIDER_MISMATCH', `order ${charge.orderNo} was created on ${charge.provider}, not ${event.provider}`, charge);
    if (target === 'succeeded' && event.amount === undefined) return reject('amount_mismatch', 'AMOUNT_MISSING', `payment report for ${charge.orderNo} carries no amount`, charge);
    if (event.amount !== undefined && event.amount !== charge.amount) {
      return reject('amount_mismatch', 'AMOUNT_MISMATCH', `order ${charge.orderNo} is ${charge.amount} fen but the gateway reported ${event.amount} fen: not marked paid`, charge);
    }
    if (event.currency !== undefined && event.currency !== charge.currency) {
      return reject('currency_mismatch', 'CURRENCY_MISMATCH', `order ${charge.orderNo} is in ${charge.currency} but the gateway reported ${event.currency}`, charge);
    }
    const outcome = await store.transitionCharge({
      orderNo: charge.orderNo,
      from: CHARGE_SOURCES[target],
      to: target,
      patch: {
        ...(event.channelTradeNo ? { channelTradeNo: event.channelTradeNo } : {}),
        ...(target === 'succeeded' ? { paidAt: event.occurredAt } : {}),
      },
      event,
    });
    switch (outcome.outcome) {
      case 'applied':
        return deliver(event, { charge: toPublicCharge(outcome.charge) }, outcome.charge);
      case 'duplicate':
        return redeliverOrSkip(outcome.record.event, outcome.record.delivered, outcome.charge);
      case 'not_found':
        return reject('unknown_order', 'UNKNOWN_ORDER', `order ${charge.orderNo} disappeared from the store`);
      case 'conflict': {
        // A final charge reported in another final state (typically: paid after it was closed). Not dropped: recorded
        // and handed to onEvent with the anomaly, once, so the merchant refunds or honours it.
        const found = await anomaly('illegal_transition', event, `order ${charge.orderNo} is ${outcome.charge.status} but the gateway reported ${event.type}`);
        if (!(await store.recordEvent(event))) {
          const known = await store.getEvent(event.id);
          if (known?.delivered) return { event, duplicate: true, charge: outcome.charge, acknowledge: true };
        }
        const result = await deliver(event, { charge: toPublicCharge(outcome.charge), anomaly: found }, outcome.charge);
        return { ...result, error: result.error ?? new PayError(found.detail, { code: 'ILLEGAL_TRANSITION', channel: event.provider }) };
      }
    }
  };

  const applyRefund = async (event: PaymentEvent): Promise<ApplyResult> => {
    const target = REFUND_EVENT_STATUS[event.type]!;
    const refund = event.refundNo ? await store.getRefund(event.refundNo) : null;
    if (!refund) {
      const message = `verified ${event.type} for refund ${event.refundNo ?? '(none)'}, which this server never created`;
      await anomaly('unknown_refund', event, message);
      return { event, duplicate: false, acknowledge: true, error: new PayError(message, { code: 'UNKNOWN_REFUND', channel: event.provider }) };
    }
    const result = await store.transitionRefund(refund.refundNo, ['pending'], target, target === 'succeeded' ? { succeededAt: event.occurredAt } : {}, event);
    if (result.outcome === 'duplicate') {
      const known = await store.getEvent(event.id);
      return redeliverOrSkip(known?.event ?? event, known?.delivered ?? true, await store.getCharge(refund.orderNo));
    }
    if (result.outcome !== 'applied') {
      await store.recordEvent(event);
      return { event, duplicate: true, acknowledge: true };
    }
    const charge = await store.getCharge(refund.orderNo);
    return deliver(event, { charge: charge ? toPublicCharge(charge) : undefined }, charge ?? undefined);
  };

  const applyOther = async (event: PaymentEvent): Promise<ApplyResult> => {
    if (await store.recordEvent(event)) return deliver(event, {});
    const known = await store.getEvent(event.id);
    return redeliverOrSkip(known?.event ?? event, known?.delivered ?? true, null);
  };

  const applyOnce = (event: PaymentEvent): Promise<ApplyResult> => {
    if (CHARGE_EVENT_STATUS[event.type]) return applyCharge(event);
    if (REFUND_EVENT_STATUS[event.type]) return applyRefund(event);
    return applyOther(event);
  };

  return {
    apply(incoming) {
      const event = { ...incoming, id: canonicalEventId(incoming) };
      const running = inFlight.get(event.id);
      if (running) return running.then((result) => ({ ...result, duplicate: true }));
      const promise = applyOnce(event).finally(() => inFlight.delete(event.id));
      inFlight.set(event.id, promise);
      return promise;
    },
  };
}
