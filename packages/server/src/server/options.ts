import type { Charge, PayError, PaymentEvent, Provider } from '@payweave/core';
import type { AxiosInstance } from 'axios';
import type { PayChannel } from '../channels/types';
import type { HttpClient } from '../http/client';
import type { Anomaly, PaymentStore } from '../lifecycle/store';

/** Context given to `onEvent` beside the event. */
export interface EventContext {
  /** The charge after the transition (charge and refund events). */
  charge?: Charge;
  /** Set when a verified message could not be applied normally (paid after close...): act on it (refund or honour). */
  anomaly?: Anomaly;
}

/** Options of `createPayServer`. */
export interface PayServerOptions {
  channels: PayChannel[];
  /** Default `memoryStore()`, with a one-time warning that it is not durable. */
  store?: PaymentStore;
  /** Base notify URL; a provider's notify URL is `${notifyUrl}/${provider}` unless its config sets one. */
  notifyUrl?: string;
  http?: AxiosInstance | HttpClient;
  /** Epoch milliseconds (inject for tests). */
  clock?: () => number;
  /** Nonce generator (inject for tests). */
  nonce?: () => string;
  /** The fulfilment hook: runs once per real transition; `event.id` is a stable idempotency key. */
  onEvent?: (event: PaymentEvent, context: EventContext) => void | Promise<void>;
  /**
   * How long one process may run `onEvent` for an event before a redelivery elsewhere may take over (ms, default
   * 60 000). Keep it above your slowest `onEvent`.
   */
  deliveryLeaseMs?: number;
  /** Where warnings go (default `console`). Messages never contain secrets. */
  logger?: { warn(message: string): void };
}

/** `notifications.handle` result: never thrown; `ack` is what to send back to the gateway. */
export interface NotificationResult {
  event: PaymentEvent | null;
  duplicate: boolean;
  /** A verified message that needs no action (a WAIT_BUYER_PAY status sync...): acknowledged, nothing changed. */
  ignored?: boolean;
  error?: PayError;
  ack: { status: number; headers: Record<string, string>; body: string };
}

export type { Provider };
