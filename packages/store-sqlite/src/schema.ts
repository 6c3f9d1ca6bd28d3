/** SQLite schema. JSON documents hold the models verbatim; the columns beside them are what queries filter on. */
export const SCHEMA_VERSION = 2;

export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS payweave_charges (
     order_no TEXT PRIMARY KEY,
     status TEXT NOT NULL,
     created_at TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX IF NOT EXISTS payweave_charges_status_created ON payweave_charges (status, created_at);
   CREATE TABLE IF NOT EXISTS payweave_refunds (
     refund_no TEXT PRIMARY KEY,
     order_no TEXT NOT NULL,
     status TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE TABLE IF NOT EXISTS payweave_events (
     id TEXT PRIMARY KEY,
     event TEXT NOT NULL,
     delivered INTEGER NOT NULL DEFAULT 0,
     lease_until TEXT,
     recorded_at TEXT NOT NULL
   );
   CREATE TABLE IF NOT EXISTS payweave_anomalies (
     id TEXT PRIMARY KEY,
     occurred_at TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE TABLE IF NOT EXISTS payweave_apple_owners (
     original_transaction_id TEXT PRIMARY KEY,
     account_id TEXT NOT NULL,
     claimed_at TEXT NOT NULL
   );`,
  // v2: which Apple transactions an account presented (renewal vs restore), apart from the ownership table.
  `CREATE TABLE IF NOT EXISTS payweave_apple_transactions (
     transaction_id TEXT PRIMARY KEY,
     original_transaction_id TEXT NOT NULL,
     account_id TEXT NOT NULL,
     seen_at TEXT NOT NULL
   );
   CREATE INDEX IF NOT EXISTS payweave_refunds_order ON payweave_refunds (order_no);
   CREATE INDEX IF NOT EXISTS payweave_events_undelivered ON payweave_events (recorded_at) WHERE delivered = 0;`,
];
