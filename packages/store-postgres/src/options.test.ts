/** Regression tests from the issue-2 robustness suite: postgresStore() with hostile options (no connection made). */
import { PayConfigError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import { postgresStore } from './index';

describe('postgresStore options', () => {
  it.each([
    [{ connectionString: 5 }, /connectionString/],
    [{ pool: 2 ** 53 }, /pg Pool/],
    [{ connectionString: 'postgres://u@127.0.0.1:1/db', schema: { [Symbol.toPrimitive]: () => { throw new RangeError('x'); } } }, /schema/],
    [{ connectionString: 'postgres://u@127.0.0.1:1/db', migrate: 'yes' }, /migrate/],
  ])('%o is a PayConfigError, not a driver error', (options, message) => {
    expect(() => postgresStore(options as never)).toThrow(PayConfigError);
    expect(() => postgresStore(options as never)).toThrow(message);
  });
});
