/**
 * `createPayServer`: wires channels, store, HTTP, clock and nonce together and exposes charges, refunds,
 * notifications, returns and (when configured) Apple. Runtime-neutral: the Node and web entries pass their platform.
 */
import { PayUnsupportedError } from '@payweave/core';
import type { ChannelContext, PayChannel } from './channels/types';
import type { CryptoProvider } from './crypto/provider';
import { createAxiosHttpClient, isAxiosInstance, type AxiosHttpClientOptions } from './http/axios';
import type { HttpClient } from './http/client';
import { guardHttpClient } from './http/guard';
import { randomToken } from './internal/random';
import { createLifecycle } from './lifecycle/apply';
import { guardStore } from './lifecycle/guard-store';
import { memoryStore } from './lifecycle/memory-store';
import type { PaymentStore } from './lifecycle/store';
import { type NotificationsApi, type ReturnsApi, createNotificationsApi, createReturnsApi } from './notifications/notifications';
import { type ChargesApi, createChargesApi } from './server/charges';
import type { PayServerOptions } from './server/options';
import { checkServerOptions, checkedClock, checkedNonce } from './server/check-options';
import { createRegistry } from './server/registry';
import { type RefundsApi, createRefundsApi } from './server/refunds';
import { type ReconcileOptions, type ReconcileReport, createReconciler } from './server/reconcile';

/** What differs between runtimes. */
export interface Platform {
  crypto: () => CryptoProvider;
  tlsAgent?: AxiosHttpClientOptions['tlsAgent'];
}

/** The object `createPayServer` returns. */
export interface PayServer {
  charges: ChargesApi;
  refunds: RefundsApi;
  notifications: NotificationsApi;
  returns: ReturnsApi;
  /** Apple in-app purchase helpers; present when an `apple()` channel is configured. */
  apple: NonNullable<PayChannel['apple']>;
  /** Query pending charges older than `olderThan` and settle them; closes expired ones at the gateway. */
  reconcilePending(options?: ReconcileOptions): Promise<ReconcileReport>;
  /** The store in use (for reconciliation jobs and tests). */
  store: PaymentStore;
  /** Initialise every channel now (import keys), so configuration errors surface at startup rather than first use. */
  ready(): Promise<void>;
}

/** Loggers already told that the default store is not durable (once each, not once per server). */
const warnedLoggers = new WeakSet<object>();

export function createPayServerWith(options: PayServerOptions, platform: Platform): PayServer {
  checkServerOptions(options);
  const logger = options.logger ?? console;
  const clock = options.clock ? checkedClock(options.clock) : Date.now;
  const nonce = options.nonce ? checkedNonce(options.nonce) : () => randomToken(32);
  const givenStore = options.store ?? memoryStore();
  // Everything below calls the store through the guard: a driver's own error reaches the merchant as STORE_FAILED.
  const store = guardStore(givenStore);
  const registry = createRegistry(options.channels, (channel) => contextFor(channel));
  if (!options.store && !warnedLoggers.has(logger)) {
    warnedLoggers.add(logger);
    logger.warn('[payweave] using memoryStore(): charges are lost on restart and not shared between processes. Pass store: sqliteStore() or postgresStore() in production.');
  }
  const http: HttpClient = isAxiosInstance(options.http)
    ? createAxiosHttpClient(options.http, { tlsAgent: platform.tlsAgent })
    : options.http
      ? guardHttpClient(options.http)
      : createAxiosHttpClient(undefined, { tlsAgent: platform.tlsAgent });
  const crypto = platform.crypto();
  const baseNotify = options.notifyUrl?.replace(/\/+$/, '');

  const contextFor = (channel: PayChannel): ChannelContext => ({
    crypto,
    http,
    clock,
    nonce,
    notifyUrl: baseNotify ? `${baseNotify}/${channel.provider}` : undefined,
    warn: (message) => logger.warn(`[payweave:${channel.provider}] ${message}`),
  });

  const lifecycle = createLifecycle(store, options.onEvent, clock, options.deliveryLeaseMs);
  const appleChannel = registry.all().find((channel) => channel.provider === 'apple');
  appleChannel?.bindStore?.(store);

  const apple = new Proxy({} as NonNullable<PayChannel['apple']>, {
    get(_target, property) {
      // Symbols and `then` are asked by inspectors (console.log) and by `await`: they are not Apple methods.
      if (typeof property === 'symbol' || property === 'then') return undefined;
      if (!appleChannel?.apple) {
        // A method that fails when called: promise-returning methods reject (so `.catch` sees it), none throws on access.
        const unsupported = () => new PayUnsupportedError('pay.apple needs an apple({ bundleId, ... }) channel in createPayServer({ channels })', { code: 'CHANNEL_NOT_CONFIGURED' });
        return property === 'appAccountToken' ? () => { throw unsupported(); } : () => Promise.reject(unsupported());
      }
      const capability = appleChannel.apple as unknown as Record<PropertyKey, unknown>;
      const value = capability[property];
      if (typeof value !== 'function') return value;
      // appAccountToken is synchronous by contract (the app needs it before StoreKit's purchase call); every other
      // method initialises the channel (keys, roots) before its first call.
      if (property === 'appAccountToken') return (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(capability, args);
      return (...args: unknown[]) => registry.forProvider('apple').then(() => (value as (...a: unknown[]) => unknown).apply(capability, args));
    },
  });

  const charges = createChargesApi(registry, store, lifecycle, clock);
  return {
    charges,
    reconcilePending: createReconciler(charges, store, clock, lifecycle),
    refunds: createRefundsApi(registry, store, lifecycle, clock),
    notifications: createNotificationsApi(registry, lifecycle),
    returns: createReturnsApi(registry),
    apple,
    store: givenStore,
    ready: () => registry.ready(),
  };
}
