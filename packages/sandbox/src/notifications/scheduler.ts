/**
 * Delivers gateway notifications to the merchant the way gateways do: POST at once, then retry on the provider's
 * schedule (compressed by `timeScale`) until the merchant returns the exact acknowledgement, or give up.
 * Every attempt is recorded in the delivery log that `sandbox.notifications` exposes.
 */
import { PayConfigError } from '@payweave/core';
import { RETRY_SCHEDULES } from './schedules';
import type { DeliveryResponse, NotificationAttempt, NotificationDelivery, ScheduleInput } from './types';

/** How long one attempt may take before it counts as failed (UnionPay documents 10 s; the others are similar). */
export const ATTEMPT_TIMEOUT_MS = 10_000;
const EXCERPT_LENGTH = 200;

export interface SchedulerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerOptions {
  timeScale: number;
  clock: () => number;
  timers?: SchedulerTimers;
  fetch?: typeof fetch;
}

/** The sandbox's notification machinery. */
export interface NotificationScheduler {
  /** The live delivery log, oldest first. */
  readonly deliveries: readonly NotificationDelivery[];
  /** Start delivering; the first attempt begins immediately. */
  schedule(input: ScheduleInput): NotificationDelivery;
  /** Resolve once no attempt is in flight (and, with `untilSettled`, no delivery waits for a retry). */
  flush(options?: { untilSettled?: boolean }): Promise<void>;
  /** Cancel every pending retry; attempts already in flight finish and are recorded. */
  cancelAll(): void;
}

type MutableDelivery = { -readonly [K in keyof NotificationDelivery]: NotificationDelivery[K] } & { attempts: NotificationAttempt[] };

// Looked up at call time so that fake timers installed after createSandbox() still apply.
const globalTimers: SchedulerTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};

/** A scheduler with its own delivery log. */
export function createNotificationScheduler(options: SchedulerOptions): NotificationScheduler {
  const { timeScale, clock } = options;
  if (!(typeof timeScale === 'number' && Number.isFinite(timeScale) && timeScale > 0)) {
    throw new PayConfigError(`timeScale must be a positive number (1 = real time, 1/60000 = a minute per millisecond); got ${typeof timeScale === 'number' ? timeScale : typeof timeScale}`);
  }
  const timers = options.timers ?? globalTimers;
  const deliveries: MutableDelivery[] = [];
  const retryTimers = new Map<string, unknown>();
  const inFlight = new Set<Promise<void>>();
  let settleListeners: (() => void)[] = [];
  let sequence = 0;

  const iso = (ms: number) => new Date(ms).toISOString();
  const notifyChange = () => {
    const listeners = settleListeners;
    settleListeners = [];
    for (const listener of listeners) listener();
  };

  function startAttempt(delivery: MutableDelivery, input: ScheduleInput, delays: readonly number[]): void {
    const attempt = runAttempt(delivery, input).then((acknowledged) => {
      if (acknowledged) {
        delivery.status = 'acknowledged';
      } else if (delivery.status === 'pending') {
        planRetry(delivery, input, delays);
      }
    });
    const tracked = attempt.finally(() => {
      inFlight.delete(tracked);
      notifyChange();
    });
    inFlight.add(tracked);
  }

  function planRetry(delivery: MutableDelivery, input: ScheduleInput, delays: readonly number[]): void {
    const delay = delays[delivery.attempts.length - 1];
    if (delay === undefined) {
      delivery.status = 'gave_up';
      return;
    }
    const scaled = Math.max(0, Math.round(delay * timeScale));
    delivery.nextAttemptAt = iso(clock() + scaled);
    const handle = timers.setTimeout(() => {
      retryTimers.delete(delivery.id);
      delete delivery.nextAttemptAt;
      startAttempt(delivery, input, delays);
    }, scaled);
    // A pending retry (possibly hours away) must not keep a script's process alive; close() cancels it anyway.
    (handle as { unref?: () => void } | null)?.unref?.();
    retryTimers.set(delivery.id, handle);
  }

  async function runAttempt(delivery: MutableDelivery, input: ScheduleInput): Promise<boolean> {
    const attempt: NotificationAttempt = { number: delivery.attempts.length + 1, at: iso(clock()), acknowledged: false };
    try {
      const { headers, body } = await input.buildRequest();
      const send = options.fetch ?? globalThis.fetch;
      const response = await send(input.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      const answer: DeliveryResponse = { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
      attempt.status = answer.status;
      attempt.bodyExcerpt = answer.body.slice(0, EXCERPT_LENGTH);
      attempt.acknowledged = input.isAcknowledged(answer) === true;
    } catch (error) {
      attempt.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    delivery.attempts.push(attempt);
    return attempt.acknowledged;
  }

  return {
    deliveries,
    schedule(input) {
      sequence += 1;
      const delivery: MutableDelivery = {
        id: `ntf_${sequence}`,
        provider: input.provider,
        url: input.url,
        createdAt: iso(clock()),
        status: 'pending',
        attempts: [],
        ...(input.orderNo === undefined ? {} : { orderNo: input.orderNo }),
        ...(input.label === undefined ? {} : { label: input.label }),
      };
      deliveries.push(delivery);
      startAttempt(delivery, input, input.schedule ?? RETRY_SCHEDULES[input.provider]);
      return delivery;
    },
    async flush(flushOptions = {}) {
      for (;;) {
        if (inFlight.size > 0) {
          await Promise.all(inFlight);
          continue;
        }
        if (!flushOptions?.untilSettled || !deliveries.some((delivery) => delivery.status === 'pending')) return;
        await new Promise<void>((resolve) => settleListeners.push(resolve));
      }
    },
    cancelAll() {
      for (const handle of retryTimers.values()) timers.clearTimeout(handle);
      retryTimers.clear();
      for (const delivery of deliveries) {
        if (delivery.status !== 'pending') continue;
        delivery.status = 'canceled';
        delete delivery.nextAttemptAt;
      }
      notifyChange();
    },
  };
}
