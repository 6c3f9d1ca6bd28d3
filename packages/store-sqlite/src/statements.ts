import type { Database } from 'better-sqlite3';
import type { ChargeStatus, PaymentEvent, RefundStatus } from '@payweave/core';
import { assertRefundable, type Anomaly, type ChargeTransition, type EventRecord, type PaymentStore, type StoredCharge, type StoredRefund, type TransitionOutcome } from '@payweave/server';
import type { GroupCommit } from './group-commit';

type Row = { data: string; status: string };
type EventRow = { id: string; event: string; delivered: number; lease_until: string | null; recorded_at: string };

const toCharge = (row: Row | undefined): StoredCharge | null => (row ? { ...(JSON.parse(row.data) as StoredCharge), status: row.status as ChargeStatus } : null);
const toRefund = (row: Row | undefined): StoredRefund | null => (row ? { ...(JSON.parse(row.data) as StoredRefund), status: row.status as RefundStatus } : null);
const toEvent = (row: EventRow | undefined): EventRecord | null =>
  row ? { id: row.id, event: JSON.parse(row.event) as PaymentEvent, delivered: row.delivered === 1, recordedAt: row.recorded_at, ...(row.lease_until ? { leaseUntil: row.lease_until } : {}) } : null;

/**
 * The store methods over prepared statements; writes that must be atomic run in IMMEDIATE transactions. The writes of
 * a notification's first delivery (transition, delivery lease, delivered mark) go through `group` (group-commit.ts).
 */
export function createStatements(db: Database, group: GroupCommit): PaymentStore {
  const q = {
    getCharge: db.prepare<[string], Row>('SELECT data, status FROM payweave_charges WHERE order_no = ?'),
    insertCharge: db.prepare('INSERT OR IGNORE INTO payweave_charges (order_no, status, created_at, data) VALUES (?, ?, ?, ?)'),
    setCharge: db.prepare('UPDATE payweave_charges SET status = ?, data = ? WHERE order_no = ?'),
    getRefund: db.prepare<[string], Row>('SELECT data, status FROM payweave_refunds WHERE refund_no = ?'),
    insertRefund: db.prepare('INSERT OR IGNORE INTO payweave_refunds (refund_no, order_no, status, data) VALUES (?, ?, ?, ?)'),
    reservedRefunds: db.prepare<[string], { reserved: number }>(
      "SELECT COALESCE(SUM(json_extract(data, '$.amount')), 0) AS reserved FROM payweave_refunds WHERE order_no = ? AND status != 'failed'",
    ),
    setRefund: db.prepare('UPDATE payweave_refunds SET status = ?, data = ? WHERE refund_no = ?'),
    getEvent: db.prepare<[string], EventRow>('SELECT * FROM payweave_events WHERE id = ?'),
    insertEvent: db.prepare('INSERT OR IGNORE INTO payweave_events (id, event, delivered, lease_until, recorded_at) VALUES (?, ?, 0, ?, ?)'),
    claim: db.prepare('UPDATE payweave_events SET lease_until = ? WHERE id = ? AND delivered = 0 AND (lease_until IS NULL OR lease_until <= ?)'),
    release: db.prepare('UPDATE payweave_events SET lease_until = NULL WHERE id = ?'),
    undelivered: db.prepare<[string, number], EventRow>('SELECT * FROM payweave_events WHERE delivered = 0 AND (lease_until IS NULL OR lease_until <= ?) ORDER BY recorded_at, rowid LIMIT ?'),
    delivered: db.prepare('UPDATE payweave_events SET delivered = 1, lease_until = NULL WHERE id = ?'),
    insertAnomaly: db.prepare('INSERT OR IGNORE INTO payweave_anomalies (id, occurred_at, data) VALUES (?, ?, ?)'),
    anomalies: db.prepare<[], { data: string }>('SELECT data FROM payweave_anomalies ORDER BY occurred_at, rowid'),
    getOwner: db.prepare<[string], { account_id: string }>('SELECT account_id FROM payweave_apple_owners WHERE original_transaction_id = ?'),
    insertOwner: db.prepare('INSERT OR IGNORE INTO payweave_apple_owners (original_transaction_id, account_id, claimed_at) VALUES (?, ?, ?)'),
    insertAppleTransaction: db.prepare('INSERT OR IGNORE INTO payweave_apple_transactions (transaction_id, original_transaction_id, account_id, seen_at) VALUES (?, ?, ?, ?)'),
  };
  const now = () => new Date().toISOString();
  const writeCharge = (charge: StoredCharge) => q.setCharge.run(charge.status, JSON.stringify(charge), charge.orderNo);

  const transition = db.transaction((t: ChargeTransition): TransitionOutcome => {
    const charge = toCharge(q.getCharge.get(t.orderNo));
    if (t.event) {
      const known = toEvent(q.getEvent.get(t.event.id));
      if (known) return { outcome: 'duplicate', charge, record: known };
    }
    if (!charge) return { outcome: 'not_found' };
    if (!t.from.includes(charge.status)) return { outcome: 'conflict', charge };
    const next: StoredCharge = { ...charge, ...t.patch, status: t.to };
    writeCharge(next);
    if (!t.event) return { outcome: 'applied', charge: next };
    // The delivery lease taken with the record (claimDeliveryUntil) saves the lifecycle a write of its own.
    const leaseUntil = t.claimDeliveryUntil ?? null;
    q.insertEvent.run(t.event.id, JSON.stringify(t.event), leaseUntil, now());
    return leaseUntil === null ? { outcome: 'applied', charge: next } : { outcome: 'applied', charge: next, claimed: true };
  });

  const refundTransition = db.transaction((refundNo: string, from: readonly RefundStatus[], to: RefundStatus, patch: Partial<StoredRefund> | undefined, event: PaymentEvent | undefined) => {
    const refund = toRefund(q.getRefund.get(refundNo));
    if (event && q.getEvent.get(event.id)) return { outcome: 'duplicate' as const, refund };
    if (!refund) return { outcome: 'not_found' as const, refund: null };
    if (!from.includes(refund.status)) return { outcome: 'conflict' as const, refund };
    const next: StoredRefund = { ...refund, ...patch, status: to };
    q.setRefund.run(to, JSON.stringify(next), refundNo);
    if (to === 'succeeded') {
      const charge = toCharge(q.getCharge.get(refund.orderNo));
      if (charge) writeCharge({ ...charge, amountRefunded: charge.amountRefunded + refund.amount });
    }
    if (event) q.insertEvent.run(event.id, JSON.stringify(event), null, now());
    return { outcome: 'applied' as const, refund: next };
  });

  const reserveRefund = db.transaction((refund: StoredRefund): boolean => {
    if (q.getRefund.get(refund.refundNo)) return false;
    assertRefundable(toCharge(q.getCharge.get(refund.orderNo)), q.reservedRefunds.get(refund.orderNo)?.reserved ?? 0, refund);
    return q.insertRefund.run(refund.refundNo, refund.orderNo, refund.status, JSON.stringify(refund)).changes === 1;
  });

  const updatePending = db.transaction((orderNo: string, patch: Partial<StoredCharge>) => {
    const charge = toCharge(q.getCharge.get(orderNo));
    if (!charge || charge.status !== 'pending') return null;
    const next = { ...charge, ...patch };
    writeCharge(next);
    return next;
  });

  return {
    async insertCharge(charge) {
      return q.insertCharge.run(charge.orderNo, charge.status, charge.createdAt, JSON.stringify(charge)).changes === 1;
    },
    async getCharge(orderNo) {
      return toCharge(q.getCharge.get(orderNo));
    },
    async listCharges(query) {
      const where: string[] = [];
      const args: (string | number)[] = [];
      if (query.status) { where.push('status = ?'); args.push(query.status); }
      if (query.createdBefore) { where.push('created_at < ?'); args.push(query.createdBefore); }
      const sql = `SELECT data, status FROM payweave_charges ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at LIMIT ?`;
      return db.prepare<(string | number)[], Row>(sql).all(...args, query.limit ?? 1000).map((row) => toCharge(row) as StoredCharge);
    },
    async updatePendingCharge(orderNo, patch) {
      return updatePending.immediate(orderNo, patch);
    },
    async transitionCharge(t) {
      return group.run(() => transition(t));
    },
    async insertRefund(refund) {
      return reserveRefund.immediate(refund);
    },
    async getRefund(refundNo) {
      return toRefund(q.getRefund.get(refundNo));
    },
    async transitionRefund(refundNo, from, to, patch, event) {
      return refundTransition.immediate(refundNo, from, to, patch, event);
    },
    async recordEvent(event) {
      return q.insertEvent.run(event.id, JSON.stringify(event), null, now()).changes === 1;
    },
    async getEvent(eventId) {
      return toEvent(q.getEvent.get(eventId));
    },
    async claimEventDelivery(eventId, leaseUntil, at) {
      return group.run(() => q.claim.run(leaseUntil, eventId, at).changes === 1);
    },
    async listUndeliveredEvents(at, limit) {
      return q.undelivered.all(at, limit).map((row) => toEvent(row) as EventRecord);
    },
    async releaseEventDelivery(eventId) {
      await group.run(() => q.release.run(eventId));
    },
    async markEventDelivered(eventId) {
      await group.run(() => q.delivered.run(eventId));
    },
    async recordAnomaly(anomaly: Anomaly) {
      q.insertAnomaly.run(anomaly.id, anomaly.occurredAt, JSON.stringify(anomaly));
    },
    async listAnomalies() {
      return q.anomalies.all().map((row) => JSON.parse(row.data) as Anomaly);
    },
    async claimAppleTransaction(originalTransactionId, accountId) {
      const created = q.insertOwner.run(originalTransactionId, accountId, now()).changes === 1;
      return { owner: created ? accountId : (q.getOwner.get(originalTransactionId)?.account_id as string), created };
    },
    async getAppleOwner(originalTransactionId) {
      return q.getOwner.get(originalTransactionId)?.account_id ?? null;
    },
    async recordAppleTransaction(transactionId, originalTransactionId, accountId) {
      return q.insertAppleTransaction.run(transactionId, originalTransactionId, accountId, now()).changes === 1;
    },
  };
}
