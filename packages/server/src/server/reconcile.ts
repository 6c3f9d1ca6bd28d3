/**
 * `pay.reconcilePending`: the seed's rule "when no notification arrives, ask the gateway", as a sweep. Queries every
 * pending charge older than `olderThan`, applies what the gateway says through the lifecycle, and closes at the
 * gateway the charges whose `expiresAt` has passed, so that a late payment cannot land on an order given up on.
 * It then runs `onEvent` again for every recorded event whose `onEvent` failed and that no gateway will redeliver
 * (a payment found by a query, a refund settled synchronously), once its delivery lease has expired.
 */
import { PayError, PayValidationError } from '@payweave/core';
import type { Lifecycle } from '../lifecycle/apply';
import type { PaymentStore } from '../lifecycle/store';
import type { ChargesApi } from './charges';

export interface ReconcileOptions {
  /** Only charges created at least this long ago (ms, default 60 s): younger ones still expect their notification. */
  olderThan?: number;
  /** Gateway queries in flight at once (default 4). */
  concurrency?: number;
  /** Most charges examined in one sweep (default 500). */
  limit?: number;
}

export interface ReconcileReport {
  checked: number;
  succeeded: string[];
  closed: string[];
  failed: string[];
  stillPending: string[];
  /** Ids of events whose `onEvent` this sweep ran to completion after an earlier failure. */
  redelivered: string[];
  /** Per-charge failures; a failed redelivery names its event (`orderNo` is empty for events of no order). */
  errors: { orderNo: string; eventId?: string; error: PayError }[];
}

const asPayError = (error: unknown, message: string): PayError =>
  PayError.isInstance(error) ? error : new PayError(message, { code: 'INTERNAL_ERROR', cause: error });

const CENTURY_MS = 100 * 365 * 24 * 3600 * 1000;

export function createReconciler(charges: ChargesApi, store: PaymentStore, clock: () => number, lifecycle: Lifecycle) {
  /** Run onEvent again for the events left undelivered (their lease expired), through the same lifecycle. */
  const redeliver = async (report: ReconcileReport, limit: number) => {
    for (const record of await store.listUndeliveredEvents(new Date(clock()).toISOString(), limit)) {
      try {
        const result = await lifecycle.apply(record.event);
        if ((await store.getEvent(record.id))?.delivered) report.redelivered.push(record.id);
        else report.errors.push({ orderNo: record.event.orderNo ?? '', eventId: record.id, error: result.error ?? asPayError(undefined, 'onEvent did not complete') });
      } catch (error) {
        report.errors.push({ orderNo: record.event.orderNo ?? '', eventId: record.id, error: asPayError(error, 'redelivery of this event failed') });
      }
    }
  };

  return async function reconcilePending(options: ReconcileOptions = {}): Promise<ReconcileReport> {
    const { olderThan = 60_000, concurrency = 4, limit = 500 } = options ?? {};
    // olderThan at most a century: a larger one would put the cut-off before any representable date.
    const valid = Number.isFinite(olderThan) && olderThan >= 0 && olderThan <= CENTURY_MS && Number.isInteger(concurrency) && concurrency >= 1 && Number.isInteger(limit) && limit >= 1;
    if (!valid) {
      throw new PayValidationError('reconcilePending expects { olderThan: ms from 0 to a century, concurrency: integer >= 1, limit: integer >= 1 }', [{ path: '(root)', message: 'invalid options' }]);
    }
    const now = clock();
    const pending = await store.listCharges({ status: 'pending', createdBefore: new Date(now - olderThan).toISOString(), limit });
    const report: ReconcileReport = { checked: pending.length, succeeded: [], closed: [], failed: [], stillPending: [], redelivered: [], errors: [] };
    let next = 0;
    const worker = async () => {
      while (next < pending.length) {
        const charge = pending[next++]!;
        try {
          let current = await charges.retrieve(charge.orderNo, { refresh: true });
          if (current.status === 'pending' && current.expiresAt && Date.parse(current.expiresAt) <= now) current = await charges.close(charge.orderNo);
          const bucket = current.status === 'succeeded' ? report.succeeded : current.status === 'closed' ? report.closed : current.status === 'failed' ? report.failed : report.stillPending;
          bucket.push(charge.orderNo);
        } catch (error) {
          report.errors.push({ orderNo: charge.orderNo, error: asPayError(error, 'reconciliation of this charge failed') });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));
    await redeliver(report, limit);
    return report;
  };
}
