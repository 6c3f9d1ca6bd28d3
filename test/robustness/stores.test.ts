/**
 * The durable stores' factories with hostile options: `sqliteStore()` and `postgresStore()` either build a store or
 * throw a PayConfigError naming the option; they never leak a driver TypeError. No database file is created outside
 * a temporary directory and no PostgreSQL connection is attempted (the factory connects lazily).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresStore } from '@payweave/store-postgres';
import { sqliteStore } from '@payweave/store-sqlite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { RUNS, garbage } from './support/arbitraries';
import { describeInput, expectAsyncContract, expectContract } from './support/contract';

const dir = mkdtempSync(join(tmpdir(), 'payweave-robustness-'));
const home = process.cwd();
// The default database file (`payweave.sqlite` in the working directory) lands in the temporary directory too.
beforeAll(() => process.chdir(dir));
afterAll(() => {
  process.chdir(home);
  rmSync(dir, { recursive: true, force: true });
});

/** Not a string: better-sqlite3 refuses it before touching the file system. A string: inside the temporary directory. */
const filename = fc.oneof(
  fc.constant(':memory:'),
  fc.constantFrom('db.sqlite', 'sub/dir/missing.sqlite', '', '\0.sqlite').map((name) => (name === '' ? join(dir, '') : join(dir, name))),
  garbage.filter((value) => typeof value !== 'string'),
);

describe('sqliteStore', () => {
  it('any options: a store or a PayConfigError', async () => {
    const options = fc.oneof(fc.record({ filename, database: fc.oneof(fc.constant(undefined), garbage.filter((value) => typeof value !== 'string')), busyTimeoutMs: garbage }, { requiredKeys: [] }), garbage.filter((value) => typeof value !== 'string'));
    await fc.assert(
      fc.asyncProperty(options, async (opts) => {
        const store = await expectContract(() => sqliteStore(opts as never), `sqliteStore(${describeInput(opts)})`);
        if (!store) return;
        try {
          await expectAsyncContract(() => store.listCharges({ status: 'pending', limit: 5 }), 'sqliteStore().listCharges');
        } finally {
          store.close();
        }
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

describe('postgresStore', () => {
  it('any options: a store (not yet connected) or a PayConfigError', async () => {
    const options = fc.oneof(
      fc.record({ connectionString: fc.oneof(fc.constant('postgres://user@127.0.0.1:1/db'), garbage), pool: garbage, schema: garbage, migrate: garbage }, { requiredKeys: [] }),
      garbage,
    );
    await fc.assert(
      fc.asyncProperty(options, async (opts) => {
        const store = await expectContract(() => postgresStore(opts as never), `postgresStore(${describeInput(opts)})`);
        if (store) await expectAsyncContract(() => store.close(), `postgresStore(${describeInput(opts)}).close()`);
      }),
      { numRuns: RUNS },
    );
  });
});
