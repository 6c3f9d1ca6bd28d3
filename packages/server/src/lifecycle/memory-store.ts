/**
 * In-memory `PaymentStore`: for tests and demos. Not durable (a restart forgets every charge) and not shared between
 * processes; `createPayServer` warns once when it is used by default. Each method does its check and its write with
 * no `await` in between, which makes it atomic on one JavaScript thread.
 */
import type { PaymentEvent, RefundStatus } from '@payweave/core';
import type { StoredCharge } from '../channels/types';
import type { Anomaly, ChargeTransition, EventRecord, ListChargesQuery, PaymentStore, StoredRefund, TransitionOutcome } from './store';
import { copyPlain } from '../internal/copy';
import { assertRefundable } from './refund-reservation';

/** Callers never share an object with the store: what they change later must not change what is stored. */
const clone = copyPlain;

export interface MemoryStore extends PaymentStore {
  /** Marks the default store so the server can warn that it is not durable. */
  readonly durable: false;
}

/** A fresh in-memory store. */
export function memoryStore(): MemoryStore {
  const charges = new Map<string, StoredCharge>();
  const refunds = new Map<string, StoredRefund>();
  const events = new Map<string, EventRecord>();
  const anomalies: Anomaly[] = [];
  const appleOwners = new Map<string, string>();
  const appleTransactions = new Set<string>();

  const record = (event: PaymentEvent): EventRecord => {
    const entry: EventRecord = { id: event.id, event: clone(event), delivered: false, recordedAt: new Date().toISOString() };
    events.set(event.id, entry);
    return entry;
  };

  return {
    durable: false,
    async insertCharge(charge) {
      if (charges.has(charge.orderNo)) return false;
      charges.set(charge.orderNo, clone(charge));
      return true;
    },
    async getCharge(orderNo) {
      const charge = charges.get(orderNo);
      return charge ? clone(charge) : null;
    },
    async listCharges(query: ListChargesQuery) {
      const out: StoredCharge[] = [];
      for (const charge of charges.values()) {
        if (query.status && charge.status !== query.status) continue;
        if (query.createdBefore && !(charge.createdAt < query.createdBefore)) continue;
        out.push(clone(charge));
        if (query.limit && out.length >= query.limit) break;
      }
      return out;
    },
    async updatePendingCharge(orderNo, patch) {
      const charge = charges.get(orderNo);
      if (!charge || charge.status !== 'pending') return null;
      Object.assign(charge, clone(patch));
      return clone(charge);
    },
    async transitionCharge(transition: ChargeTransition): Promise<TransitionOutcome> {
      const charge = charges.get(transition.orderNo);
      if (transition.event) {
        const known = events.get(transition.event.id);
        if (known) return { outcome: 'duplicate', charge: charge ? clone(charge) : null, record: clone(known) };
      }
      if (!charge) return { outcome: 'not_found' };
      if (!transition.from.includes(charge.status)) return { outcome: 'conflict', charge: clone(charge) };
      charge.status = transition.to;
      Object.assign(charge, clone(transition.patch ?? {}));
      if (!transition.event) return { outcome: 'applied', charge: clone(charge) };
      const entry = record(transition.event);
      if (transition.claimDeliveryUntil === undefined) return { outcome: 'applied', charge: clone(charge) };
      entry.leaseUntil = transition.claimDeliveryUntil;
      return { outcome: 'applied', charge: clone(charge), claimed: true };
    },
    async insertRefund(refund) {
      if (refunds.has(refund.refundNo)) return false;
      const reserved = [...refunds.values()].filter((r) => r.orderNo === refund.orderNo && r.status !== 'failed').reduce((sum, r) => sum + r.amount, 0);
      assertRefundable(charges.get(refund.orderNo), reserved, refund);
      refunds.set(refund.refundNo, clone(refund));
      return true;
    },
    async getRefund(refundNo) {
      const refund = refunds.get(refundNo);
      return refund ? clone(refund) : null;
    },
    async transitionRefund(refundNo: string, from: readonly RefundStatus[], to: RefundStatus, patch?: Partial<StoredRefund>, event?: PaymentEvent) {
      const refund = refunds.get(refundNo);
      if (event && events.has(event.id)) return { outcome: 'duplicate' as const, refund: refund ? clone(refund) : null };
      if (!refund) return { outcome: 'not_found' as const, refund: null };
      if (!from.includes(refund.status)) return { outcome: 'conflict' as const, refund: clone(refund) };
      refund.status = to;
      Object.assign(refund, clone(patch ?? {}));
      if (to === 'succeeded') {
        const charge = charges.get(refund.orderNo);
        if (charge) charge.amountRefunded += refund.amount;
      }
      if (event) record(event);
      return { outcome: 'applied' as const, refund: clone(refund) };
    },
    async recordEvent(event) {
      if (events.has(event.id)) return false;
      record(event);
      return true;
    },
    async getEvent(eventId) {
      const entry = events.get(eventId);
      return entry ? clone(entry) : null;
    },
    async claimEventDelivery(eventId, leaseUntil, now) {
      const entry = events.get(eventId);
      if (!entry || entry.delivered) return false;
      if (entry.leaseUntil && entry.leaseUntil > now) return false;
      entry.leaseUntil = leaseUntil;
      return true;
    },
    async listUndeliveredEvents(now, limit) {
      const due = [...events.values()].filter((entry) => !entry.delivered && (!entry.leaseUntil || entry.leaseUntil <= now));
      return clone(due.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0)).slice(0, limit));
    },
    async releaseEventDelivery(eventId) {
      const entry = events.get(eventId);
      if (entry) delete entry.leaseUntil;
    },
    async markEventDelivered(eventId) {
      const entry = events.get(eventId);
      if (entry) {
        entry.delivered = true;
        delete entry.leaseUntil;
      }
    },
    async recordAnomaly(anomaly) {
      if (!anomalies.some((known) => known.id === anomaly.id)) anomalies.push(clone(anomaly));
    },
    async listAnomalies() {
      return clone(anomalies);
    },
    async claimAppleTransaction(originalTransactionId, accountId) {
      const owner = appleOwners.get(originalTransactionId);
      if (owner !== undefined) return { owner, created: false };
      appleOwners.set(originalTransactionId, accountId);
      return { owner: accountId, created: true };
    },
    async getAppleOwner(originalTransactionId) {
      return appleOwners.get(originalTransactionId) ?? null;
    },
    async recordAppleTransaction(transactionId) {
      if (appleTransactions.has(transactionId)) return false;
      appleTransactions.add(transactionId);
      return true;
    },
  };
}
