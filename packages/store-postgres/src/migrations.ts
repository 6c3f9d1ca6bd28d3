/**
 * Schema migrations, applied in order inside one transaction under an advisory lock, so that several processes
 * starting at once migrate exactly once.
 */
import type { Pool, PoolClient } from 'pg';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export const MIGRATIONS: readonly ((schema: string) => string)[] = [
  (s) => `
    CREATE TABLE IF NOT EXISTS ${ident(s)}.payweave_charges (
      order_no TEXT PRIMARY KEY,
      status TEXT NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      data JSONB NOT NULL
    );
    CREATE INDEX IF NOT EXISTS payweave_charges_status_created ON ${ident(s)}.payweave_charges (status, created_at);
    CREATE TABLE IF NOT EXISTS ${ident(s)}.payweave_refunds (
      refund_no TEXT PRIMARY KEY,
      order_no TEXT NOT NULL,
      status TEXT NOT NULL,
      data JSONB NOT NULL
    );
    CREATE TABLE IF NOT EXISTS ${ident(s)}.payweave_events (
      id TEXT PRIMARY KEY,
      event JSONB NOT NULL,
      delivered BOOLEAN NOT NULL DEFAULT FALSE,
      lease_until TIMESTAMPTZ,
      recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE TABLE IF NOT EXISTS ${ident(s)}.payweave_anomalies (
      seq BIGSERIAL PRIMARY KEY,
      id TEXT UNIQUE NOT NULL,
      occurred_at TIMESTAMPTZ NOT NULL,
      data JSONB NOT NULL
    );
    CREATE TABLE IF NOT EXISTS ${ident(s)}.payweave_apple_owners (
      original_transaction_id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL,
      claimed_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );`,
  // v2: which Apple transactions an account presented (renewal vs restore), apart from the ownership table.
  (s) => `
    CREATE TABLE IF NOT EXISTS ${ident(s)}.payweave_apple_transactions (
      transaction_id TEXT PRIMARY KEY,
      original_transaction_id TEXT NOT NULL,
      account_id TEXT NOT NULL,
      seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE INDEX IF NOT EXISTS payweave_refunds_order ON ${ident(s)}.payweave_refunds (order_no);
    CREATE INDEX IF NOT EXISTS payweave_events_undelivered ON ${ident(s)}.payweave_events (recorded_at) WHERE NOT delivered;`,
];

/** Apply pending migrations to `schema` (created if missing). Returns the number applied. */
export async function migrate(pool: Pool, schema = 'public'): Promise<number> {
  const client: PoolClient = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`payweave-migrate:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${ident(schema)}.payweave_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>(`SELECT COALESCE(MAX(version), 0) AS version FROM ${ident(schema)}.payweave_migrations`);
    const from = Number(rows[0]?.version ?? 0);
    for (let v = from; v < MIGRATIONS.length; v++) {
      await client.query((MIGRATIONS[v] as (s: string) => string)(schema));
      await client.query(`INSERT INTO ${ident(schema)}.payweave_migrations (version) VALUES ($1)`, [v + 1]);
    }
    await client.query('COMMIT');
    return MIGRATIONS.length - from;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export { ident };
