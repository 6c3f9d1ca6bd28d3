/** Regression tests from the issue-2 robustness suite: `sandbox.listen()` with hostile options. */
import { PayConfigError } from '@payweave/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from './sandbox';

const sandbox = createSandbox();
afterAll(() => sandbox.close());

describe('sandbox.listen', () => {
  it('refuses a host or publicUrl that is not usable before binding (no server left listening)', async () => {
    await expect(sandbox.listen(null as never)).rejects.toBeInstanceOf(PayConfigError);
    await expect(sandbox.listen({ host: NaN as never })).rejects.toThrow(/host/);
    await expect(sandbox.listen({ publicUrl: 'not a url' })).rejects.toThrow(/publicUrl/);
    await expect(sandbox.listen({ port: { [Symbol.toPrimitive]: () => { throw new RangeError('x'); } } as never })).rejects.toThrow(/port/);
  });

  it('a bind failure is a PayConfigError with the reason, not a raw Node error', async () => {
    const error = await sandbox.listen({ host: 'not a host' }).catch((e: unknown) => e);
    expect(PayConfigError.isInstance(error)).toBe(true);
    expect((error as PayConfigError).code).toBe('SANDBOX_LISTEN_FAILED');
  });
});
