import type { ChargeStatus, PaymentEvent, RefundStatus } from '@payweave/core';
import { PayConfigError } from '@payweave/core';
import { assertRefundable, type Anomaly, type ChargeTransition, type EventRecord, type PaymentStore, type StoredCharge, type StoredRefund, type TransitionOutcome } from '@payweave/server';
import type { Pool, PoolClient } from 'pg';
import { ident } from './migrations';

type EventRow = { id: string; event: PaymentEvent; delivered: boolean; lease_until: Date | null; recorded_at: Date };
const toEvent = (row: EventRow | undefined): EventRecord | null =>
  row ? { id: row.id, event: row.event, delivered: row.delivered, recordedAt: row.recorded_at.toISOString(), ...(row.lease_until ? { leaseUntil: row.lease_until.toISOString() } : {}) } : null;
const withStatus = <T extends { status: string }>(data: T | undefined, status: string | undefined): T | null => (data ? { ...data, status: status as T['status'] } : null);

export function createQueries(pool: Pool, schema: string, ready: () => Promise<void>): PaymentStore {
  const t = (name: string) => `${ident(schema)}.${name}`;
  const query = async <R extends object>(sql: string, params: unknown[] = []) => {
    await ready();
    return (await pool.query<R>(sql, params)).rows;
  };
  const tx = async <T>(work: (client: PoolClient) => Promise<T>): Promise<T> => {
    await ready();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  const getCharge = async (db: Pool | PoolClient, orderNo: string, lock = false) => {
    const { rows } = await db.query<{ data: StoredCharge; status: ChargeStatus }>(`SELECT data, status FROM ${t('payweave_charges')} WHERE order_no = $1${lock ? ' FOR UPDATE' : ''}`, [orderNo]);
    return withStatus(rows[0]?.data, rows[0]?.status);
  };
  /** The account an Apple original transaction is bound to, or null. */
  const appleOwner = async (originalTransactionId: string): Promise<string | null> =>
    (await query<{ account_id: string }>(`SELECT account_id FROM ${t('payweave_apple_owners')} WHERE original_transaction_id = $1`, [originalTransactionId]))[0]?.account_id ?? null;
  const getEvent = async (db: Pool | PoolClient, id: string) => toEvent((await db.query<EventRow>(`SELECT * FROM ${t('payweave_events')} WHERE id = $1`, [id])).rows[0]);
  /** `leaseUntil`: the delivery lease taken in the same step (a transition with `claimDeliveryUntil`). */
  const insertEvent = async (db: PoolClient, event: PaymentEvent, leaseUntil: string | null = null) => {
    const inserted = await db.query(`INSERT INTO ${t('payweave_events')} (id, event, lease_until) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [event.id, JSON.stringify(event), leaseUntil]);
    return (inserted.rowCount ?? 0) === 1;
  };

  /** Rolls the transaction back by throwing, carrying the outcome out. */
  class Abort<T> {
    constructor(readonly value: T) {}
  }
  const txOrAbort = async <T>(work: (client: PoolClient) => Promise<T>): Promise<T> => {
    try {
      return await tx(work);
    } catch (error) {
      if (error instanceof Abort) return error.value as T;
      throw error;
    }
  };

  return {
    async insertCharge(charge) {
      const rows = await query(`INSERT INTO ${t('payweave_charges')} (order_no, status, created_at, data) VALUES ($1, $2, $3, $4) ON CONFLICT (order_no) DO NOTHING RETURNING order_no`, [charge.orderNo, charge.status, charge.createdAt, JSON.stringify(charge)]);
      return rows.length === 1;
    },
    async getCharge(orderNo) {
      await ready();
      return getCharge(pool, orderNo);
    },
    async listCharges(q) {
      const rows = await query<{ data: StoredCharge; status: ChargeStatus }>(
        `SELECT data, status FROM ${t('payweave_charges')} WHERE ($1::text IS NULL OR status = $1) AND ($2::timestamptz IS NULL OR created_at < $2) ORDER BY created_at LIMIT $3`,
        [q.status ?? null, q.createdBefore ?? null, q.limit ?? 1000],
      );
      return rows.map((r) => withStatus(r.data, r.status) as StoredCharge);
    },
    async updatePendingCharge(orderNo, patch) {
      const rows = await query<{ data: StoredCharge; status: ChargeStatus }>(`UPDATE ${t('payweave_charges')} SET data = data || $2::jsonb WHERE order_no = $1 AND status = 'pending' RETURNING data, status`, [orderNo, JSON.stringify(patch)]);
      return withStatus(rows[0]?.data, rows[0]?.status);
    },
    async transitionCharge(tr: ChargeTransition): Promise<TransitionOutcome> {
      return txOrAbort(async (client) => {
        const leaseUntil = tr.event ? (tr.claimDeliveryUntil ?? null) : null;
        if (tr.event && !(await insertEvent(client, tr.event, leaseUntil))) {
          throw new Abort<TransitionOutcome>({ outcome: 'duplicate', charge: await getCharge(client, tr.orderNo), record: (await getEvent(client, tr.event.id)) as EventRecord });
        }
        const patch = JSON.stringify({ ...tr.patch, status: tr.to });
        const { rows } = await client.query<{ data: StoredCharge; status: ChargeStatus }>(
          `UPDATE ${t('payweave_charges')} SET status = $2, data = data || $3::jsonb WHERE order_no = $1 AND status = ANY($4::text[]) RETURNING data, status`,
          [tr.orderNo, tr.to, patch, [...tr.from]],
        );
        if (rows[0]) return { outcome: 'applied', charge: withStatus(rows[0].data, rows[0].status) as StoredCharge, ...(leaseUntil !== null ? { claimed: true } : {}) };
        const current = await getCharge(client, tr.orderNo);
        throw new Abort<TransitionOutcome>(current ? { outcome: 'conflict', charge: current } : { outcome: 'not_found' });
      });
    },
    async insertRefund(refund) {
      return tx(async (client) => {
        // The charge row lock serialises the reservations of one charge across processes.
        const charge = await getCharge(client, refund.orderNo, true);
        if ((await client.query(`SELECT 1 FROM ${t('payweave_refunds')} WHERE refund_no = $1`, [refund.refundNo])).rows.length > 0) return false;
        const { rows } = await client.query<{ reserved: string }>(
          `SELECT COALESCE(SUM((data->>'amount')::bigint), 0) AS reserved FROM ${t('payweave_refunds')} WHERE order_no = $1 AND status <> 'failed'`,
          [refund.orderNo],
        );
        assertRefundable(charge, Number(rows[0]?.reserved ?? 0), refund);
        const inserted = await client.query(
          `INSERT INTO ${t('payweave_refunds')} (refund_no, order_no, status, data) VALUES ($1, $2, $3, $4) ON CONFLICT (refund_no) DO NOTHING RETURNING refund_no`,
          [refund.refundNo, refund.orderNo, refund.status, JSON.stringify(refund)],
        );
        return inserted.rows.length === 1;
      });
    },
    async getRefund(refundNo) {
      const rows = await query<{ data: StoredRefund; status: RefundStatus }>(`SELECT data, status FROM ${t('payweave_refunds')} WHERE refund_no = $1`, [refundNo]);
      return withStatus(rows[0]?.data, rows[0]?.status);
    },
    async transitionRefund(refundNo, from, to, patch, event) {
      type Result = Awaited<ReturnType<PaymentStore['transitionRefund']>>;
      const load = async (db: Pool | PoolClient) => {
        const { rows } = await db.query<{ data: StoredRefund; status: RefundStatus }>(`SELECT data, status FROM ${t('payweave_refunds')} WHERE refund_no = $1`, [refundNo]);
        return withStatus(rows[0]?.data, rows[0]?.status);
      };
      return txOrAbort<Result>(async (client) => {
        if (event && !(await insertEvent(client, event))) throw new Abort<Result>({ outcome: 'duplicate', refund: await load(client) });
        const { rows } = await client.query<{ data: StoredRefund; status: RefundStatus; order_no: string }>(
          `UPDATE ${t('payweave_refunds')} SET status = $2, data = data || $3::jsonb WHERE refund_no = $1 AND status = ANY($4::text[]) RETURNING data, status, order_no`,
          [refundNo, to, JSON.stringify({ ...patch, status: to }), [...from]],
        );
        const row = rows[0];
        if (!row) {
          const current = await load(client);
          throw new Abort<Result>(current ? { outcome: 'conflict', refund: current } : { outcome: 'not_found', refund: null });
        }
        if (to === 'succeeded') {
          await client.query(
            `UPDATE ${t('payweave_charges')} SET data = jsonb_set(data, '{amountRefunded}', to_jsonb((data->>'amountRefunded')::bigint + $2)) WHERE order_no = $1`,
            [row.order_no, row.data.amount],
          );
        }
        return { outcome: 'applied', refund: withStatus(row.data, row.status) };
      });
    },
    async recordEvent(event) {
      const rows = await query(`INSERT INTO ${t('payweave_events')} (id, event) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id`, [event.id, JSON.stringify(event)]);
      return rows.length === 1;
    },
    async getEvent(eventId) {
      await ready();
      return getEvent(pool, eventId);
    },
    async claimEventDelivery(eventId, leaseUntil, now) {
      const rows = await query(`UPDATE ${t('payweave_events')} SET lease_until = $2 WHERE id = $1 AND NOT delivered AND (lease_until IS NULL OR lease_until <= $3) RETURNING id`, [eventId, leaseUntil, now]);
      return rows.length === 1;
    },
    async listUndeliveredEvents(now, limit) {
      const rows = await query<EventRow>(`SELECT * FROM ${t('payweave_events')} WHERE NOT delivered AND (lease_until IS NULL OR lease_until <= $1) ORDER BY recorded_at, id LIMIT $2`, [now, limit]);
      return rows.map((row) => toEvent(row) as EventRecord);
    },
    async releaseEventDelivery(eventId) {
      await query(`UPDATE ${t('payweave_events')} SET lease_until = NULL WHERE id = $1`, [eventId]);
    },
    async markEventDelivered(eventId) {
      await query(`UPDATE ${t('payweave_events')} SET delivered = TRUE, lease_until = NULL WHERE id = $1`, [eventId]);
    },
    async recordAnomaly(anomaly: Anomaly) {
      await query(`INSERT INTO ${t('payweave_anomalies')} (id, occurred_at, data) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [anomaly.id, anomaly.occurredAt, JSON.stringify(anomaly)]);
    },
    async listAnomalies() {
      return (await query<{ data: Anomaly }>(`SELECT data FROM ${t('payweave_anomalies')} ORDER BY seq`)).map((r) => r.data);
    },
    async claimAppleTransaction(originalTransactionId, accountId) {
      const owners = t('payweave_apple_owners');
      const inserted = await query(`INSERT INTO ${owners} (original_transaction_id, account_id) VALUES ($1, $2) ON CONFLICT (original_transaction_id) DO NOTHING RETURNING account_id`, [
        originalTransactionId,
        accountId,
      ]);
      if (inserted.length === 1) return { owner: accountId, created: true };
      // A separate statement: its snapshot sees the row a concurrent claim committed while the INSERT waited for it
      // (one statement reading back its own conflict would not, and would find no owner at all).
      const owner = await appleOwner(originalTransactionId);
      if (owner === null) throw new PayConfigError('the PostgreSQL store lost an Apple ownership row; retry', { code: 'STORE_UNAVAILABLE', isRetryable: true });
      return { owner, created: false };
    },
    getAppleOwner: appleOwner,
    async recordAppleTransaction(transactionId, originalTransactionId, accountId) {
      const rows = await query(
        `INSERT INTO ${t('payweave_apple_transactions')} (transaction_id, original_transaction_id, account_id) VALUES ($1, $2, $3) ON CONFLICT (transaction_id) DO NOTHING RETURNING transaction_id`,
        [transactionId, originalTransactionId, accountId],
      );
      return rows.length === 1;
    },
  };
}
