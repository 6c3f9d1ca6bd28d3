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
  options?: WaitOptions | null,
): Promise<Charge> {
  const { timeoutMs = 120_000, intervalMs = 1_000, maxIntervalMs = 5_000, signal } = options ?? {};
  for (const [name, value] of Object.entries({ timeoutMs, intervalMs, maxIntervalMs })) {
    if (!(typeof value === 'number' && value > 0 && value < Infinity)) throw invalidArgument(`waitForResult ${name}`, name, 'a positive number of ms');
  }
  if (signal !== undefined && typeof signal?.addEventListener !== 'function') throw invalidArgument('waitForResult signal', 'signal', 'an AbortSignal');
  // One controller stops everything: the in-flight request (which it aborts) and the polling loop.
  const controller = new AbortController();
  const stopped = controller.signal;
  return new Promise((resolve, reject) => {
    let lastError: unknown;
    let pause: ReturnType<typeof setTimeout> | undefined;
    // Settles once: a request that settles after the end (a transport that ignores its signal) changes nothing.
    const finish = (error: unknown, charge?: Charge) => {
      clearTimeout(deadline);
      clearTimeout(pause);
      signal?.removeEventListener('abort', onAbort);
      controller.abort(error);
      if (charge) resolve(charge);
      else reject(error);
    };
    const onAbort = () => finish(abortedError(`waitForResult(${orderNo})`, signal?.reason));
    const deadline = setTimeout(() => finish(waitTimeoutError(orderNo, timeoutMs, lastError)), timeoutMs);
    const poll = async (interval: number) => {
      try {
        const charge = await fetchCharge(stopped);
        if (FINAL_STATUSES.includes(charge.status)) return finish(undefined, charge);
      } catch (error) {
        if (!(PayError.isInstance(error) && error.isRetryable)) return finish(error);
        lastError = error;
      }
      if (!stopped.aborted) pause = setTimeout(poll, interval, Math.min(interval * BACKOFF_FACTOR, maxIntervalMs));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    void poll(intervalMs);
  });
}
