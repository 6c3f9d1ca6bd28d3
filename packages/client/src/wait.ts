/**
 * Polling the merchant server until a charge is final. The wallet's own answer is only a hint; the server learns
 * the verified outcome from the gateway's notification (or its query), so the page asks it, with backoff.
 */
import { PayError, type Charge } from '@payweave/core';
import { abortedError, waitTimeoutError } from './errors';

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
  { timeoutMs = 120_000, intervalMs = 1_000, maxIntervalMs = 5_000, signal }: WaitOptions = {},
): Promise<Charge> {
  const what = `waitForResult(${orderNo})`;
  if (signal?.aborted) throw abortedError(what, signal.reason);

  // One controller stops everything: the in-flight request, the pause, and this loop (via `stopped`).
  const controller = new AbortController();
  const stop = (error: PayError) => controller.abort(error);
  // Rejects when stopped; raced against each request and pause, so a transport that ignores its signal cannot hang us.
  const stopped = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason)));
  stopped.catch(() => undefined);
  const onAbort = () => stop(abortedError(what, signal?.reason));
  signal?.addEventListener('abort', onAbort);
  let lastError: unknown;
  const deadline = setTimeout(() => stop(waitTimeoutError(orderNo, timeoutMs, lastError)), timeoutMs);
  let pause: ReturnType<typeof setTimeout> | undefined;

  try {
    for (let interval = intervalMs; ; interval = Math.min(interval * BACKOFF_FACTOR, maxIntervalMs)) {
      try {
        const charge = await Promise.race([fetchCharge(controller.signal), stopped]);
        if (FINAL_STATUSES.includes(charge.status)) return charge;
      } catch (error) {
        if (controller.signal.aborted) throw controller.signal.reason;
        if (!(PayError.isInstance(error) && error.isRetryable)) throw error;
        lastError = error;
      }
      await Promise.race([new Promise((resolve) => (pause = setTimeout(resolve, interval))), stopped]);
    }
  } finally {
    clearTimeout(deadline);
    clearTimeout(pause);
    signal?.removeEventListener('abort', onAbort);
  }
}
