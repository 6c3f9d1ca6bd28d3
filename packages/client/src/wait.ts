/**
 * Polling the merchant server until a charge is final. The wallet's own answer is only a hint; the server learns
 * the verified outcome from the gateway's notification (or its query), so the page asks it, with backoff.
 */
import { PayError, type Charge, type ChargeStatus } from '@payweave/core';
import { abortedError, waitTimeoutError } from './errors';

/** Options of `waitForResult`. */
export interface WaitOptions {
  /** Give up after this long (default 120 000 ms) with a `PayError` coded `WAIT_TIMEOUT`. */
  timeoutMs?: number;
  /** First pause between two polls (default 1 000 ms); each pause is 1.5 times the previous one... */
  intervalMs?: number;
  /** ...up to this (default 5 000 ms). */
  maxIntervalMs?: number;
  /** Stops waiting: rejects with a `PayError` coded `ABORTED`. */
  signal?: AbortSignal;
}

const FINAL_STATUSES: ReadonlySet<ChargeStatus> = new Set(['succeeded', 'failed', 'closed']);
const BACKOFF_FACTOR = 1.5;

/**
 * Settles like `work`, or rejects with the signal's reason as soon as `signal` aborts (so that a transport which
 * ignores its signal cannot outlive the deadline). `work` may be a pause: `setTimeout` resolving `done`.
 */
function untilAborted<T>(signal: AbortSignal, work: (done: (value: T) => void, fail: (error: unknown) => void) => (() => void) | void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let cleanup: (() => void) | void;
    const onAbort = () => {
      cleanup?.();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = <V>(settler: (value: V) => void) => (value: V) => {
      signal.removeEventListener('abort', onAbort);
      settler(value);
    };
    cleanup = work(settle(resolve), settle(reject));
  });
}

/**
 * Call `fetchCharge` until the charge is succeeded, failed or closed, pausing with capped backoff in between.
 * Retryable failures (network, 5xx) are tolerated until the deadline; any other error rejects at once.
 */
export async function pollUntilFinal(
  orderNo: string,
  fetchCharge: (signal: AbortSignal) => Promise<Charge>,
  options: WaitOptions = {},
): Promise<Charge> {
  const { timeoutMs = 120_000, intervalMs = 1_000, maxIntervalMs = 5_000, signal } = options;
  if (signal?.aborted) throw abortedError(`waitForResult(${orderNo})`, signal.reason);

  const controller = new AbortController();
  let stopped: PayError | undefined;
  let lastError: unknown;
  const stop = (error: PayError) => {
    stopped ??= error;
    controller.abort(stopped);
  };
  const onAbort = () => stop(abortedError(`waitForResult(${orderNo})`, signal?.reason));
  signal?.addEventListener('abort', onAbort, { once: true });
  const deadline = setTimeout(() => stop(waitTimeoutError(orderNo, timeoutMs, lastError)), timeoutMs);

  try {
    let interval = Math.max(0, intervalMs);
    for (;;) {
      try {
        const charge = await untilAborted<Charge>(controller.signal, (done, fail) => void fetchCharge(controller.signal).then(done, fail));
        if (FINAL_STATUSES.has(charge.status)) return charge;
      } catch (error) {
        if (stopped) throw stopped;
        if (!(PayError.isInstance(error) && error.isRetryable)) throw error;
        lastError = error;
      }
      await untilAborted<void>(controller.signal, (done) => {
        const timer = setTimeout(done, interval);
        return () => clearTimeout(timer);
      });
      interval = Math.min(Math.round(interval * BACKOFF_FACTOR), Math.max(maxIntervalMs, intervalMs));
    }
  } catch (error) {
    throw stopped ?? error;
  } finally {
    clearTimeout(deadline);
    signal?.removeEventListener('abort', onAbort);
  }
}
