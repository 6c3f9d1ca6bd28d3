/**
 * What the server calls the store through. A store's driver fails in its own words (better-sqlite3's `SqliteError`,
 * pg's `DatabaseError`, a socket error); the merchant's code should see one typed, retryable `PayError` with code
 * `STORE_FAILED` instead, with the driver's error as `cause` for the logs. A `PayError` the store throws on purpose
 * (`REFUND_EXCEEDS_CHARGE`, `STORE_UNAVAILABLE`) passes through as it is.
 *
 * The message names the store method and the driver's short error code (`SQLITE_BUSY`, `ECONNREFUSED`, `57P01`) but
 * not the driver's message, which may quote row values.
 */
import { PayError } from '@payweave/core';
import { STORE_METHODS, type PaymentStore } from './store';

/** A short, printable error code of a driver error (letters, digits, `_`, `-`), or undefined. */
function driverCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[\w-]{1,40}$/.test(code) ? code : undefined;
}

/** The error the server reports for a failure of `method` of the store. */
export function storeFailure(method: string, error: unknown): PayError {
  if (PayError.isInstance(error)) return error;
  const code = driverCode(error);
  return new PayError(
    `the payment store failed in ${method}${code ? ` (${code})` : ''}: retry the call; if it keeps failing, check the database (the driver's error is the cause)`,
    { code: 'STORE_FAILED', isRetryable: true, cause: error },
  );
}

/** `store` with every contract method reporting failures as `storeFailure`. Other properties are left out. */
export function guardStore(store: PaymentStore): PaymentStore {
  const guarded: Record<string, unknown> = {};
  for (const method of STORE_METHODS) {
    const call = store[method] as ((...args: unknown[]) => Promise<unknown>) | undefined;
    if (typeof call !== 'function') continue;
    const fail = (error: unknown) => Promise.reject(storeFailure(method, error));
    guarded[method] = (...args: unknown[]) => {
      try {
        return call.apply(store, args).then(undefined, fail);
      } catch (error) {
        // A store method that throws instead of returning a rejected promise.
        return fail(error);
      }
    };
  }
  return guarded as unknown as PaymentStore;
}
