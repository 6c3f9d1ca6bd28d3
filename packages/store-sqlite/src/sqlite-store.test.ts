import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoreContract, sampleCharge } from '@payweave/server/testing';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sqliteStore } from './index';
import { MIGRATIONS } from './schema';

runStoreContract('sqlite (:memory:)', async () => {
  const store = sqliteStore({ filename: ':memory:' });
  return { store, cleanup: async () => store.close() };
});

describe('sqliteStore on a file', () => {
  it('persists across reopen and migrates once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'payweave-sqlite-'));
    try {
      const filename = join(dir, 'pay.sqlite');
      const first = sqliteStore({ filename });
      const charge = sampleCharge();
      await first.insertCharge(charge);
      first.close();
      const second = sqliteStore({ filename });
      expect(await second.getCharge(charge.orderNo)).toEqual(charge);
      expect(second.database.pragma('journal_mode', { simple: true })).toBe('wal');
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('upgrades a version 1 database in place', async () => {
    const database = new Database(':memory:');
    database.exec(MIGRATIONS[0] as string);
    database.pragma('user_version = 1');
    const store = sqliteStore({ database });
    expect(database.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(await store.recordAppleTransaction('2000000001', '1000000001', 'alice')).toBe(true);
    store.close();
  });

  it('reports an unopenable path as a configuration error', () => {
    expect(() => sqliteStore({ filename: '/nonexistent-dir/x/pay.sqlite' })).toThrow(/could not open the SQLite database/);
  });
});
