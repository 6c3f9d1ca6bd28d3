/**
 * `createPayServer` options, checked up front: a wrong option is a `PayConfigError` at startup that names it, not a
 * TypeError on the first payment. The injectable clock and nonce are held to their contract on every call.
 */
import { PayConfigError } from '@payweave/core';
import { isAxiosInstance } from '../http/axios';
import { STORE_METHODS } from '../lifecycle/store';
import type { PayServerOptions } from './options';

const invalid = (message: string) => new PayConfigError(`createPayServer: ${message}`, { code: 'CONFIG_INVALID' });

/** Throws a `PayConfigError` naming the first option that cannot work. */
export function checkServerOptions(options: unknown): asserts options is PayServerOptions {
  if (typeof options !== 'object' || options === null) {
    throw invalid('expects an options object: createPayServer({ channels: [alipay({ ... })] })');
  }
  const given = options as Record<string, unknown>;
  for (const name of ['clock', 'nonce', 'onEvent'] as const) {
    if (given[name] !== undefined && typeof given[name] !== 'function') throw invalid(`${name} must be a function (or left out)`);
  }
  if (given.logger !== undefined && typeof (given.logger as { warn?: unknown } | null)?.warn !== 'function') {
    throw invalid('logger must have a warn(message) method, e.g. logger: console');
  }
  if (given.notifyUrl !== undefined && (typeof given.notifyUrl !== 'string' || !/^https?:\/\//.test(given.notifyUrl))) {
    throw invalid('notifyUrl must be an absolute http(s) URL, e.g. https://shop.example/api/pay/notify');
  }
  const lease = given.deliveryLeaseMs;
  if (lease !== undefined && (typeof lease !== 'number' || !Number.isFinite(lease) || lease <= 0)) {
    throw invalid('deliveryLeaseMs must be a positive number of milliseconds, above your slowest onEvent');
  }
  if (given.store !== undefined) {
    const store = given.store as Record<string, unknown> | null;
    const missing = STORE_METHODS.filter((method) => typeof store?.[method] !== 'function');
    if (missing.length > 0) {
      throw invalid(`store does not implement PaymentStore (no ${missing.slice(0, 3).join(', ')}): pass memoryStore(), sqliteStore() or postgresStore()`);
    }
  }
  const http = given.http as { request?: unknown } | null | undefined;
  if (http !== undefined && !isAxiosInstance(http) && typeof http?.request !== 'function') {
    throw invalid('http must be an AxiosInstance or an HttpClient with request(request)');
  }
}

/** The merchant's clock, refusing (as a `PayConfigError`) a value that is not epoch milliseconds. */
export function checkedClock(clock: () => number): () => number {
  return () => {
    let now: unknown;
    try {
      now = clock();
    } catch (cause) {
      throw new PayConfigError('createPayServer: the clock option threw; it must return epoch milliseconds like Date.now()', { code: 'CONFIG_INVALID', cause });
    }
    if (typeof (now as PromiseLike<unknown> | null)?.then === 'function') {
      // An async clock: its promise is refused, and its rejection (if any) must not surface as an unhandled one.
      Promise.resolve(now).catch(() => undefined);
      throw new PayConfigError('createPayServer: clock() returned a promise; it must return epoch milliseconds synchronously, like Date.now()', { code: 'CONFIG_INVALID' });
    }
    if (typeof now !== 'number' || !Number.isFinite(now)) {
      throw new PayConfigError('createPayServer: clock() must return epoch milliseconds (a finite number) like Date.now()', { code: 'CONFIG_INVALID' });
    }
    return now;
  };
}

/** The merchant's nonce generator, refusing (as a `PayConfigError`) anything but a non-empty string. */
export function checkedNonce(nonce: () => string): () => string {
  return () => {
    let value: unknown;
    try {
      value = nonce();
    } catch (cause) {
      throw new PayConfigError('createPayServer: the nonce option threw; it must return a random string', { code: 'CONFIG_INVALID', cause });
    }
    if (typeof value !== 'string' || value.length === 0) {
      throw new PayConfigError('createPayServer: nonce() must return a non-empty random string', { code: 'CONFIG_INVALID' });
    }
    return value;
  };
}
