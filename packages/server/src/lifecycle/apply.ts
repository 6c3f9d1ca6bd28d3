/**
 * Applying a verified event: cross-check it against the stored charge, compare-and-set the state together with the
 * event record, run `onEvent` once, and report what to acknowledge. Shared by notifications, browser returns and
 * active queries, so that every path obeys the same rules.
 */
import { PayError, type ChargeStatus, type PaymentEvent } from '@payweave/core';
import type { StoredCharge } from '../channels/types';
import type { EventContext } from '../server/options';
import type { Anomaly, PaymentStore } from './store';
import { CHARGE_EVENT_STATUS, CHARGE_SOURCES, LATE_PAYMENT_STATUSES, REFUND_EVENT_STATUS, canonicalEventId, toPublicCharge } from './transitions';

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

const chargeConflict = (charge: StoredCharge, event: PaymentEvent) => `order ${charge.orderNo} is ${charge.status} but the gateway reported ${event.type}`;
const refundConflict = (refundNo: string, status: string, event: PaymentEvent) => `refund ${refundNo} is ${status} but the gateway reported ${event.type}`;

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

  const leaseUntil = () => new Date(clock() + deliveryLeaseMs).toISOString();

  /** Run onEvent under the delivery lease (`alreadyClaimed`: the transition that recorded the event took it). */
  const deliver = async (event: PaymentEvent, context: EventContext, charge?: StoredCharge, alreadyClaimed = false): Promise<ApplyResult> => {
    const claimed = alreadyClaimed || (await store.claimEventDelivery(event.id, leaseUntil(), now()));
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

  /** A verified message that cannot be applied: recorded as an anomaly and acknowledged, never applied. */
  const reject = async (event: PaymentEvent, kind: Anomaly['kind'], code: string, message: string, charge?: StoredCharge): Promise<ApplyResult> => {
    await anomaly(kind, event, message);
    return { event, duplicate: false, charge, acknowledge: true, error: new PayError(message, { code, channel: event.provider }) };
  };

  /**
   * A final record reported in another final state (paid after close, refunded after the refund failed). Not dropped:
   * recorded and handed to onEvent with the anomaly, once, so the merchant refunds or honours it.
   */
  const surfaceConflict = async (event: PaymentEvent, detail: string, charge?: StoredCharge): Promise<ApplyResult> => {
    const found = await anomaly('illegal_transition', event, detail);
    if (!(await store.recordEvent(event))) {
      const known = await store.getEvent(event.id);
      if (known?.delivered) return { event, duplicate: true, charge, acknowledge: true };
    }
    const result = await deliver(event, { charge: charge ? toPublicCharge(charge) : undefined, anomaly: found }, charge);
    return { ...result, error: result.error ?? new PayError(detail, { code: 'ILLEGAL_TRANSITION', channel: event.provider }) };
  };

  /**
   * A verified payment of a charge that is already closed or failed (the payer finished just as it was closed): the
   * charge keeps its status, but records when it was paid and the gateway's trade number, which is what lets
   * `pay.refunds.create` return the money through the gateway (UnionPay refunds by the payment's queryId).
   */
  const keepLatePayment = async (charge: StoredCharge, event: PaymentEvent, target: ChargeStatus): Promise<StoredCharge> => {
    if (target !== 'succeeded' || !LATE_PAYMENT_STATUSES.includes(charge.status)) return charge;
    const outcome = await store.transitionCharge({
      orderNo: charge.orderNo,
      from: [charge.status],
      to: charge.status,
      patch: { paidAt: event.occurredAt, ...(event.channelTradeNo ? { channelTradeNo: event.channelTradeNo } : {}) },
    });
    return outcome.outcome === 'applied' ? outcome.charge : charge;
  };

  const applyCharge = async (event: PaymentEvent): Promise<ApplyResult> => {
    const target = CHARGE_EVENT_STATUS[event.type]!;
    const charge = event.orderNo ? await store.getCharge(event.orderNo) : null;
    if (!charge) return reject(event, 'unknown_order', 'UNKNOWN_ORDER', `verified ${event.type} for order ${event.orderNo ?? '(none)'}, which this server never created`);
    if (charge.provider !== event.provider) return reject(event, 'unknown_order', 'PROVIDER_MISMATCH', `order ${charge.orderNo} was created on ${charge.provider}, not ${event.provider}`, charge);
    if (target === 'succeeded' && event.amount === undefined) return reject(event, 'amount_mismatch', 'AMOUNT_MISSING', `payment report for ${charge.orderNo} carries no amount`, charge);
    if (event.amount !== undefined && event.amount !== charge.amount) {
      return reject(event, 'amount_mismatch', 'AMOUNT_MISMATCH', `order ${charge.orderNo} is ${charge.amount} fen but the gateway reported ${event.amount} fen: not marked paid`, charge);
    }
    if (event.currency !== undefined && event.currency !== charge.currency) {
      return reject(event, 'currency_mismatch', 'CURRENCY_MISMATCH', `order ${charge.orderNo} is in ${charge.currency} but the gateway reported ${event.currency}`, charge);
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
      claimDeliveryUntil: leaseUntil(),
    });
    switch (outcome.outcome) {
      case 'applied':
        return deliver(event, { charge: toPublicCharge(outcome.charge) }, outcome.charge, outcome.claimed === true);
      case 'duplicate':
        // A recorded event whose charge is in another state was a surfaced conflict: redeliver it as one.
        if (!outcome.record.delivered && outcome.charge && outcome.charge.status !== target) return surfaceConflict(outcome.record.event, chargeConflict(outcome.charge, event), outcome.charge);
        return redeliverOrSkip(outcome.record.event, outcome.record.delivered, outcome.charge);
      case 'not_found':
        return reject(event, 'unknown_order', 'UNKNOWN_ORDER', `order ${charge.orderNo} disappeared from the store`);
      case 'conflict':
        return surfaceConflict(event, chargeConflict(outcome.charge, event), await keepLatePayment(outcome.charge, event, target));
    }
  };

  const applyRefund = async (event: PaymentEvent): Promise<ApplyResult> => {
    const target = REFUND_EVENT_STATUS[event.type]!;
    const refund = event.refundNo ? await store.getRefund(event.refundNo) : null;
    if (!refund) return reject(event, 'unknown_refund', 'UNKNOWN_REFUND', `verified ${event.type} for refund ${event.refundNo ?? '(none)'}, which this server never created`);
    const charge = (await store.getCharge(refund.orderNo)) ?? undefined;
    // The same checks as a payment report: refund numbers are the merchant's, so a report must also match the rest.
    if (charge && charge.provider !== event.provider) {
      return reject(event, 'unknown_refund', 'PROVIDER_MISMATCH', `refund ${refund.refundNo} is of a ${charge.provider} charge, not ${event.provider}`, charge);
    }
    if (event.orderNo !== undefined && event.orderNo !== refund.orderNo) {
      return reject(event, 'unknown_refund', 'UNKNOWN_REFUND', `refund ${refund.refundNo} is of order ${refund.orderNo}, but the gateway reported it for ${event.orderNo}`, charge);
    }
    if (event.amount !== undefined && event.amount !== refund.amount) {
      return reject(event, 'amount_mismatch', 'AMOUNT_MISMATCH', `refund ${refund.refundNo} is ${refund.amount} fen but the gateway reported ${event.amount} fen: not marked refunded`, charge);
    }
    const result = await store.transitionRefund(refund.refundNo, ['pending'], target, target === 'succeeded' ? { succeededAt: event.occurredAt } : {}, event);
    switch (result.outcome) {
      case 'applied': {
        const after = (await store.getCharge(refund.orderNo)) ?? undefined;
        return deliver(event, { charge: after ? toPublicCharge(after) : undefined }, after);
      }
      case 'duplicate': {
        const known = await store.getEvent(event.id);
        if (known && !known.delivered && refund.status !== target) return surfaceConflict(known.event, refundConflict(refund.refundNo, refund.status, event), charge);
        return redeliverOrSkip(known?.event ?? event, known?.delivered ?? true, charge ?? null);
      }
      case 'not_found':
        return reject(event, 'unknown_refund', 'UNKNOWN_REFUND', `refund ${refund.refundNo} disappeared from the store`, charge);
      case 'conflict':
        if (result.refund && result.refund.status !== target) return surfaceConflict(event, refundConflict(refund.refundNo, result.refund.status, event), charge);
        // Already in that state without an event (a refusal the caller of refunds.create saw thrown): kept for the
        // record, with nothing for onEvent to run (nor for a redelivery sweep to pick up).
        if (await store.recordEvent(event)) await store.markEventDelivered(event.id);
        return { event, duplicate: true, charge, acknowledge: true };
    }
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
