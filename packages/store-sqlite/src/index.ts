/**
 * @payweave/store-sqlite: a durable `PaymentStore` on SQLite (better-sqlite3, WAL). The embedded default for
 * single-host deployments and the examples. Every compare-and-set runs in a `BEGIN IMMEDIATE` transaction, so
 * several processes sharing one database file still see exactly one winner.
 */
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { PayConfigError } from '@payweave/core';
import type { PaymentStore } from '@payweave/server';
import { createGroupCommit } from './group-commit';
import { MIGRATIONS } from './schema';
import { createStatements } from './statements';

export interface SqliteStoreOptions {
  /** Database file (default `payweave.sqlite` in the working directory); `:memory:` for tests. */
  filename?: string;
  /** Use an existing better-sqlite3 database instead of opening `filename`. */
  database?: SqliteDatabase;
  /** How long a writer waits for another process's lock (ms, default 5000). */
  busyTimeoutMs?: number;
}

export interface SqliteStore extends PaymentStore {
  readonly durable: true;
  /** The underlying database (for backups and inspection). */
  readonly database: SqliteDatabase;
  close(): void;
}

/** Open (and migrate) a SQLite payment store. */
export function sqliteStore(options: SqliteStoreOptions = {}): SqliteStore {
  checkOptions(options);
  let db: SqliteDatabase;
  try {
    db = options.database ?? new Database(options.filename ?? 'payweave.sqlite');
  } catch (cause) {
    throw new PayConfigError(`could not open the SQLite database ${JSON.stringify(options.filename ?? 'payweave.sqlite')}: check the path and permissions`, { code: 'STORE_UNAVAILABLE', cause });
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
  const version = db.pragma('user_version', { simple: true }) as number;
  db.transaction(() => {
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v] as string);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
  const group = createGroupCommit(db);
  const close = () => {
    group.flush(); // writes still queued for the next batch are committed (and their callers answered) first
    db.close();
  };
  return { durable: true, database: db, close, ...createStatements(db, group) };
}

/** Refuse options better-sqlite3 would fail on with a TypeError, naming the option instead. */
function checkOptions(options: unknown): asserts options is SqliteStoreOptions {
  const invalid = (message: string) => new PayConfigError(`sqliteStore: ${message}`, { code: 'CONFIG_INVALID' });
  if (typeof options !== 'object' || options === null) throw invalid("expects options { filename?, database?, busyTimeoutMs? }, e.g. sqliteStore({ filename: 'payments.sqlite' })");
  const { filename, database, busyTimeoutMs } = options as Record<string, unknown>;
  if (filename !== undefined && typeof filename !== 'string') throw invalid('filename must be a path string (or ":memory:")');
  if (database !== undefined && (typeof (database as SqliteDatabase | null)?.prepare !== 'function' || typeof (database as SqliteDatabase).pragma !== 'function')) {
    throw invalid('database must be a better-sqlite3 Database');
  }
  if (busyTimeoutMs !== undefined && (typeof busyTimeoutMs !== 'number' || !Number.isFinite(busyTimeoutMs) || busyTimeoutMs < 0)) {
    throw invalid('busyTimeoutMs must be a number of milliseconds >= 0');
  }
}
