/**
 * @payweave/store-postgres: a `PaymentStore` on PostgreSQL, safe with many server processes. Each compare-and-set
 * is one transaction: the event row is inserted first (a unique key that makes concurrent duplicates wait, then
 * do nothing), then the conditional UPDATE re-checks the status under the row lock.
 */
import pg from 'pg';
import type { Pool } from 'pg';
import { PayConfigError } from '@payweave/core';
import type { PaymentStore } from '@payweave/server';
import { migrate } from './migrations';
import { createQueries } from './queries';

export { migrate } from './migrations';

export interface PostgresStoreOptions {
  /** `postgres://user@host:5432/db`; or pass `pool`. */
  connectionString?: string;
  /** An existing `pg` pool (the store does not end it on close). */
  pool?: Pool;
  /** Schema holding the payweave tables (default `public`). */
  schema?: string;
  /** Apply migrations on first use (default true). Set false when you run `payweave-postgres-migrate` in deploys. */
  migrate?: boolean;
}

export interface PostgresStore extends PaymentStore {
  readonly durable: true;
  readonly pool: Pool;
  /** Resolves once the schema is migrated and the database reachable. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** Create a PostgreSQL payment store. */
export function postgresStore(options: PostgresStoreOptions): PostgresStore {
  if (!options?.pool && !options?.connectionString) {
    throw new PayConfigError('postgresStore needs { connectionString } or { pool }', { code: 'CONFIG_INVALID' });
  }
  checkOptions(options);
  const schema = options.schema ?? 'public';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new PayConfigError('schema must be a plain SQL identifier', { code: 'CONFIG_INVALID' });
  const ownPool = !options.pool;
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 10 });
  let readiness: Promise<void> | undefined;
  const ready = () => {
    readiness ??= (options.migrate === false ? pool.query('SELECT 1').then(() => undefined) : migrate(pool, schema).then(() => undefined)).catch((cause: unknown) => {
      readiness = undefined;
      throw new PayConfigError('the PostgreSQL payment store is unreachable or could not be migrated; check the connection string', { code: 'STORE_UNAVAILABLE', cause, isRetryable: true });
    });
    return readiness;
  };
  const queries = createQueries(pool, schema, ready);
  return { durable: true, pool, ready, close: async () => (ownPool ? pool.end() : undefined), ...queries };
}

/** Refuse options pg would fail on later (at the first payment), naming the option instead. */
function checkOptions(options: PostgresStoreOptions): void {
  const invalid = (message: string) => new PayConfigError(`postgresStore: ${message}`, { code: 'CONFIG_INVALID' });
  const { connectionString, pool, schema, migrate: shouldMigrate } = options;
  if (typeof options !== 'object') throw invalid('expects options { connectionString } or { pool }');
  if (connectionString !== undefined && typeof connectionString !== 'string') throw invalid('connectionString must be a string like postgres://user@host:5432/db');
  if (pool !== undefined && (typeof (pool as Pool | null)?.query !== 'function' || typeof (pool as Pool).connect !== 'function')) throw invalid('pool must be a pg Pool');
  if (schema !== undefined && typeof schema !== 'string') throw invalid('schema must be a plain SQL identifier (a string)');
  if (shouldMigrate !== undefined && typeof shouldMigrate !== 'boolean') throw invalid('migrate must be true or false');
}
