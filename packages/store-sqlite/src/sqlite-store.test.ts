import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoreContract, sampleCharge } from '@payweave/server/testing';
import { describe, expect, it } from 'vitest';
import { sqliteStore } from './index';

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

  it('reports an unopenable path as a configuration error', () => {
    expect(() => sqliteStore({ filename: '/nonexistent-dir/x/pay.sqlite' })).toThrow(/could not open the SQLite database/);
  });
});
