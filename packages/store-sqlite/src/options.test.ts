/** Regression tests from the issue-2 robustness suite: sqliteStore() with hostile options. */
import { PayConfigError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import { sqliteStore } from './index';

describe('sqliteStore options', () => {
  it.each([
    [null, /options/],
    [{ filename: 5 }, /filename/],
    [{ filename: ':memory:', busyTimeoutMs: NaN }, /busyTimeoutMs/],
    [{ filename: ':memory:', busyTimeoutMs: 10n }, /busyTimeoutMs/],
    [{ database: {} }, /better-sqlite3 Database/],
  ])('%o is a PayConfigError, not a driver TypeError', (options, message) => {
    expect(() => sqliteStore(options as never)).toThrow(PayConfigError);
    expect(() => sqliteStore(options as never)).toThrow(message);
  });

  it('still opens an in-memory store', () => {
    const store = sqliteStore({ filename: ':memory:', busyTimeoutMs: 0 });
    store.close();
  });
});
