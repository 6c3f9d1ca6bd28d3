/**
 * What a channel is to the server: a provider, the channel ids it serves, and the capabilities it offers.
 * `createPayServer` discovers capabilities by the methods present; a missing capability is a
 * `PayUnsupportedError` at the call that needs it, never a crash.
 */
import type {
  Charge,
  ChargeCredential,
  ChargeStatus,
  ChannelId,
  PayError,
  PaymentEvent,
  Provider,
  RefundStatus,
  ValidChargeInput,
} from '@payweave/core';
import type { CryptoProvider } from '../crypto/provider';
import type { HttpClient } from '../http/client';
import type { AppleCapability } from './apple/types';
import type { PaymentStore } from '../lifecycle/store';

/** A notification (or browser return) exactly as it reached the merchant's server. */
export interface RawNotification {
  /** The raw request body: a string or bytes, never a parsed object. */
  body?: string | Uint8Array;
  headers?: Record<string, string | string[] | undefined>;
  method?: string;
  /** The request URL (path and query); a browser return carries its signed parameters here. */
  url?: string;
}

/** The exact HTTP answer a gateway expects to stop (or continue) retrying a notification. */
export interface Acknowledgement {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What the server hands each channel when it is registered. */
export interface ChannelContext {
  crypto: CryptoProvider;
  http: HttpClient;
  /** Epoch milliseconds. */
  clock: () => number;
  /** A fresh random nonce (32 chars of [A-Za-z0-9] unless overridden for tests). */
  nonce: () => string;
  /** The notify URL for this provider: the channel's own config wins, then `${server notifyUrl}/${provider}`. */
  notifyUrl?: string;
  /** Warnings that must reach the merchant (never secrets). */
  warn: (message: string) => void;
}

/** A charge being created: the validated input plus the id the server assigned. */
export interface ChargeRequest extends ValidChargeInput {
  chargeId: string;
}

/** What a channel returns for a new charge. */
export interface ChargeCreation {
  credential: ChargeCredential;
  /** Set when the gateway settled the charge synchronously (barcode payments). */
  status?: ChargeStatus;
  channelTradeNo?: string;
  paidAt?: string;
  /**
   * For a charge settled synchronously: the amount the gateway reported (minor units). The server cross-checks it
   * against the charge like a notification's amount; a settled charge without it is recorded as an anomaly.
   */
  amount?: number;
  /** Channel-private values the later calls need (UnionPay txnTime...). Stored with the charge, never sent to clients. */
  channelData?: Record<string, string>;
}

/** The gateway's answer to "what is the state of this charge?", already verified. */
export interface ChargeQueryResult {
  status: ChargeStatus;
  channelTradeNo?: string;
  /** Amount the gateway reports, in minor units, for the cross-check. */
  amount?: number;
  paidAt?: string;
  raw: unknown;
}

/** A stored charge with the channel-private data the server keeps beside it. */
export interface StoredCharge extends Charge {
  provider: Exclude<Provider, 'apple'>;
  channelData?: Record<string, string>;
}

export interface RefundRequest {
  refundNo: string;
  amount: number;
  reason?: string;
  /** What `createRefund` returned in `RefundResult.channelData` (UnionPay: the refund's txnTime, its query key). */
  channelData?: Record<string, string>;
}

export interface RefundResult {
  status: RefundStatus;
  channelRefundNo?: string;
  succeededAt?: string;
  /** Channel-private values a later `queryRefund` needs; store them with the refund and pass them back. */
  channelData?: Record<string, string>;
  raw: unknown;
}

/**
 * A verified notification. The channel has checked the signature and its own identifiers (app id, merchant id);
 * the server then checks order, amount and currency against the stored charge.
 */
export interface VerifiedNotification {
  event: PaymentEvent;
}

/** Outcome passed to `acknowledge`: the channel renders the exact bytes its gateway expects. */
export type AcknowledgementOutcome = { ok: true } | { ok: false; error: PayError };

/** The channel contract. Everything but the identity and `init` is an optional capability. */
export interface PayChannel {
  readonly provider: Provider;
  /** The channel ids this instance serves. */
  readonly channels: readonly ChannelId[];
  /** False when configured against a sandbox gateway. */
  readonly livemode: boolean;
  /** Import keys into the crypto provider and keep the context. Called once by `createPayServer`. */
  init(context: ChannelContext): Promise<void>;

  createCharge?(request: ChargeRequest): Promise<ChargeCreation>;
  queryCharge?(charge: StoredCharge): Promise<ChargeQueryResult>;
  closeCharge?(charge: StoredCharge): Promise<void>;
  createRefund?(charge: StoredCharge, refund: RefundRequest): Promise<RefundResult>;
  queryRefund?(charge: StoredCharge, refund: RefundRequest): Promise<RefundResult>;
  verifyNotification?(request: RawNotification): Promise<VerifiedNotification>;
  acknowledge?(outcome: AcknowledgementOutcome): Acknowledgement;
  verifyReturn?(request: RawNotification): Promise<{ orderNo: string; hint: ChargeStatus }>;

  /** Apple only: the capability `createPayServer` exposes as `pay.apple`. */
  apple?: AppleCapability;
  /** Called once by `createPayServer` with its store (Apple transaction ownership records). */
  bindStore?(store: PaymentStore): void;
}
