/**
 * The durable record behind exactly-once fulfilment. Every state change is a compare-and-set that records the event
 * that caused it in the same atomic step, so two racers (a notification and a re-query, two server processes) cannot
 * both win. One contract suite (`store.contract.ts`) runs against every implementation.
 */
import type { ChargeStatus, PaymentEvent, Refund, RefundStatus } from '@payweave/core';
import type { StoredCharge } from '../channels/types';

/** A verified message that could not be applied: unknown order, amount mismatch, paid after close... */
export interface Anomaly {
  id: string;
  kind: 'unknown_order' | 'amount_mismatch' | 'currency_mismatch' | 'illegal_transition' | 'unknown_refund';
  provider: string;
  orderNo?: string;
  eventId?: string;
  detail: string;
  occurredAt: string;
  raw?: unknown;
}

/** A processed event: the dedupe record. `delivered` becomes true once `onEvent` has returned. */
export interface EventRecord {
  id: string;
  event: PaymentEvent;
  delivered: boolean;
  recordedAt: string;
  /** While set and in the future, a process is running `onEvent` for this event. */
  leaseUntil?: string;
}

export interface ChargeTransition {
  orderNo: string;
  /** Apply only if the charge is currently in one of these states. */
  from: readonly ChargeStatus[];
  to: ChargeStatus;
  patch?: Partial<Pick<StoredCharge, 'channelTradeNo' | 'paidAt' | 'amountRefunded' | 'channelData'>>;
  /** Recorded in the same atomic step; if an event with this id exists already, nothing is applied. */
  event?: PaymentEvent;
  /**
   * With `event`: when the transition applies, also take the event's delivery lease until this ISO time in the same
   * atomic step (what `claimEventDelivery` would do right after), and answer `claimed: true`. It saves one write per
   * first delivery. Optional for implementations: a store that ignores it leaves `claimed` unset and the lifecycle
   * calls `claimEventDelivery` itself.
   */
  claimDeliveryUntil?: string;
}

export type TransitionOutcome =
  | {
      outcome: 'applied';
      charge: StoredCharge;
      /** True when the event's delivery lease was taken in the same step (`claimDeliveryUntil`). */
      claimed?: boolean;
    }
  | { outcome: 'duplicate'; charge: StoredCharge | null; record: EventRecord }
  | { outcome: 'conflict'; charge: StoredCharge }
  | { outcome: 'not_found' };

export interface StoredRefund extends Refund {
  reason?: string;
  /** Channel-private values a refund query needs (UnionPay: the refund's own txnTime). Never sent to clients. */
  channelData?: Record<string, string>;
}

export interface ListChargesQuery {
  status?: ChargeStatus;
  createdBefore?: string;
  limit?: number;
}

export interface PaymentStore {
  /** Insert a new charge; resolves false (and changes nothing) when the order number exists already. */
  insertCharge(charge: StoredCharge): Promise<boolean>;
  getCharge(orderNo: string): Promise<StoredCharge | null>;
  listCharges(query: ListChargesQuery): Promise<StoredCharge[]>;
  /** Replace the credential/channel data of a still-pending charge (a re-created prepay). */
  updatePendingCharge(orderNo: string, patch: Pick<StoredCharge, 'credential'> & Partial<Pick<StoredCharge, 'channelData' | 'channelTradeNo'>>): Promise<StoredCharge | null>;
  /** Compare-and-set of a charge's status together with its event record. */
  transitionCharge(transition: ChargeTransition): Promise<TransitionOutcome>;

  /**
   * Insert a new pending refund; resolves false (and changes nothing) when the refund number exists already. In the
   * same atomic step it reserves the amount: throws `PayValidationError` `REFUND_EXCEEDS_CHARGE` when the charge's
   * pending and succeeded refunds plus this one would exceed the charge amount (two concurrent refunds cannot both
   * take the last yuan).
   */
  insertRefund(refund: StoredRefund): Promise<boolean>;
  getRefund(refundNo: string): Promise<StoredRefund | null>;
  /** Compare-and-set of a refund's status; on `succeeded` the charge's `amountRefunded` grows in the same step. */
  transitionRefund(refundNo: string, from: readonly RefundStatus[], to: RefundStatus, patch?: Partial<StoredRefund>, event?: PaymentEvent): Promise<{ outcome: 'applied' | 'conflict' | 'duplicate' | 'not_found'; refund: StoredRefund | null }>;

  /** Record an event with no state change (a duplicate-safe audit of e.g. Apple notifications). False if known. */
  recordEvent(event: PaymentEvent): Promise<boolean>;
  getEvent(eventId: string): Promise<EventRecord | null>;
  /**
   * Take the right to run `onEvent` for an undelivered event until `leaseUntil` (ISO time). False when the event is
   * delivered already or another process holds an unexpired lease: that process is running `onEvent` right now.
   * A process that dies mid-`onEvent` loses its lease when it expires, and the gateway's next redelivery takes over.
   */
  claimEventDelivery(eventId: string, leaseUntil: string, now: string): Promise<boolean>;
  /** Give up a lease after `onEvent` failed, so that the next delivery runs it again at once. */
  releaseEventDelivery(eventId: string): Promise<void>;
  /** Mark `onEvent` as done for this event. */
  markEventDelivered(eventId: string): Promise<void>;
  /**
   * Up to `limit` events whose `onEvent` never completed and whose lease (if any) expired by `now` (ISO time), oldest
   * first: what `reconcilePending` redelivers when no gateway retry will (a payment found by a query, a refund).
   */
  listUndeliveredEvents(now: string, limit: number): Promise<EventRecord[]>;

  recordAnomaly(anomaly: Anomaly): Promise<void>;
  listAnomalies(): Promise<Anomaly[]>;

  /**
   * Bind an Apple original transaction to an account, first come first served. Returns the owner after the call:
   * the given account when it won (or already owned it), another account when it was claimed before.
   */
  claimAppleTransaction(originalTransactionId: string, accountId: string): Promise<{ owner: string; created: boolean }>;
  /**
   * The account an Apple original transaction is bound to, or null when none is: a read that binds nothing, so that a
   * receipt holding a transaction of another account is refused before any of its other transactions is bound.
   */
  getAppleOwner(originalTransactionId: string): Promise<string | null>;
  /**
   * Note that `accountId` presented the Apple transaction `transactionId` (of `originalTransactionId`). Resolves true
   * the first time this transaction id is recorded, false afterwards: what tells a renewal (first sight of a later
   * transaction) from a restore (the same transaction presented again). Binds nothing: ownership is
   * `claimAppleTransaction`'s.
   */
  recordAppleTransaction(transactionId: string, originalTransactionId: string, accountId: string): Promise<boolean>;
}

/** Every method of the contract: what `createPayServer` checks a store for, and what it guards (guard-store.ts). */
export const STORE_METHODS = [
  'insertCharge',
  'getCharge',
  'listCharges',
  'updatePendingCharge',
  'transitionCharge',
  'insertRefund',
  'getRefund',
  'transitionRefund',
  'recordEvent',
  'getEvent',
  'claimEventDelivery',
  'releaseEventDelivery',
  'markEventDelivered',
  'listUndeliveredEvents',
  'recordAnomaly',
  'listAnomalies',
  'claimAppleTransaction',
  'getAppleOwner',
  'recordAppleTransaction',
] as const satisfies readonly (keyof PaymentStore)[];
