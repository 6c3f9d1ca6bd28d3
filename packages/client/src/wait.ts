/**
 * Polling the merchant server until a charge is final. The wallet's own answer is only a hint; the server learns
 * the verified outcome from the gateway's notification (or its query), so the page asks it, with backoff.
 */
import { PayError, type Charge } from '@payweave/core';
import { abortedError, invalidArgument, waitTimeoutError } from './errors';

/** Options of `waitForResult`. */
export interface WaitOptions {
  /** Give up after this long (default 120 000 ms) with a `PayError` coded `WAIT_TIMEOUT`. */
  timeoutMs?: number;
  /** First pause between two polls (default 1 000 ms); each pause is 1.5 times the previous one... */
  intervalMs?: number;
  /** ...up to this (default 5 000 ms; a larger `intervalMs` is used once, then this). */
  maxIntervalMs?: number;
  /** Stops waiting: rejects with a `PayError` coded `ABORTED`. */
  signal?: AbortSignal;
}

const FINAL_STATUSES = ['succeeded', 'failed', 'closed'];
const BACKOFF_FACTOR = 1.5;

/**
 * Call `fetchCharge` until the charge is succeeded, failed or closed, pausing with capped backoff in between.
 * Retryable failures (network, 5xx) are tolerated until the deadline; any other error rejects at once.
 */
export async function pollUntilFinal(
  orderNo: string,
  fetchCharge: (signal: AbortSignal) => Promise<Charge>,
  options: WaitOptions = {},
): Promise<Charge> {
  const { timeoutMs = 120_000, intervalMs = 1_000, maxIntervalMs = 5_000, signal } = options ?? {};
  const durations = { timeoutMs, intervalMs, maxIntervalMs };
  for (const [name, value] of Object.entries(durations)) {
    if (!(typeof value === 'number' && value > 0 && value < Infinity)) throw invalidArgument(`waitForResult ${name}`, name, 'a positive number of milliseconds');
  }
  if (signal !== undefined && typeof signal?.addEventListener !== 'function') throw invalidArgument('waitForResult signal', 'signal', 'an AbortSignal');
  const what = `waitForResult(${orderNo})`;
  if (signal?.aborted) throw abortedError(what, signal.reason);
  return new Promise((resolve, reject) => {
    // One controller stops everything: the in-flight request (which it aborts) and the polling loop.
    const controller = new AbortController();
    let lastError: unknown;
    let pause: ReturnType<typeof setTimeout> | undefined;
    const finish = (error: unknown, charge?: Charge) => {
      clearTimeout(deadline);
      clearTimeout(pause);
      signal?.removeEventListener('abort', onAbort);
      controller.abort(error);
      if (charge) resolve(charge);
      else reject(error);
    };
    const onAbort = () => finish(abortedError(what, signal?.reason));
    const deadline = setTimeout(() => finish(waitTimeoutError(orderNo, timeoutMs, lastError)), timeoutMs);
    signal?.addEventListener('abort', onAbort);
    // A request settling after the end (a transport that ignores its signal) changes nothing: `aborted` is set.
    const poll = async (interval: number) => {
      try {
        const charge = await fetchCharge(controller.signal);
        if (!controller.signal.aborted && FINAL_STATUSES.includes(charge.status)) return finish(undefined, charge);
      } catch (error) {
        if (!controller.signal.aborted && !(PayError.isInstance(error) && error.isRetryable)) return finish(error);
        lastError = error;
      }
      if (!controller.signal.aborted) pause = setTimeout(poll, interval, Math.min(interval * BACKOFF_FACTOR, maxIntervalMs));
    };
    void poll(intervalMs);
  });
}
