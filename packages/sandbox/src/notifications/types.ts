/**
 * The shapes of the notification log (`sandbox.notifications`) and of a delivery request to the scheduler.
 */
import type { Provider } from '@payweave/core';

/** The merchant's answer to one delivery attempt, body read as text. */
export interface DeliveryResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One POST to the merchant's notify URL. */
export interface NotificationAttempt {
  /** 1 for the first attempt. */
  number: number;
  /** ISO 8601 time the attempt started. */
  at: string;
  /** HTTP status, when the merchant answered. */
  status?: number;
  /** The first 200 characters of the merchant's answer. */
  bodyExcerpt?: string;
  /** Why no answer arrived (connection refused, timeout...). */
  error?: string;
  /** True when the answer was the gateway's exact acknowledgement. */
  acknowledged: boolean;
}

/**
 * `pending`: delivering or waiting for a retry; `acknowledged`: the merchant gave the exact acknowledgement;
 * `gave_up`: the schedule ran out; `canceled`: the sandbox closed first.
 */
export type DeliveryStatus = 'pending' | 'acknowledged' | 'gave_up' | 'canceled';

/** One notification and every attempt to deliver it. */
export interface NotificationDelivery {
  readonly id: string;
  readonly provider: Provider;
  readonly url: string;
  readonly orderNo?: string;
  /** What the notification is about, e.g. `'TRADE_SUCCESS'`. */
  readonly label?: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly status: DeliveryStatus;
  readonly attempts: readonly NotificationAttempt[];
  /** ISO 8601 time of the next retry while one is scheduled. */
  readonly nextAttemptAt?: string;
}

/** A notification to deliver. */
export interface ScheduleInput {
  provider: Provider;
  /** The merchant's notify URL (from the order). */
  url: string;
  /** The request to POST; called for every attempt, so a gateway that re-signs each retry can. */
  buildRequest: () => Promise<{ headers: Record<string, string>; body: string }>;
  /** True when the response is the gateway's exact acknowledgement (see `acknowledgements`). */
  isAcknowledged: (response: DeliveryResponse) => boolean;
  orderNo?: string;
  label?: string;
  /** Delays between attempts in real milliseconds; default: the provider's documented schedule. */
  schedule?: readonly number[];
}
