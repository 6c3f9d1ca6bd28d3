/** Exports shared by the Node and web entries of @payweave/server. */
export type { PayServer, Platform } from './pay-server';
export type { PayServerOptions, NotificationResult, EventContext } from './server/options';
export type {
  PayChannel,
  ChannelContext,
  RawNotification,
  Acknowledgement,
  StoredCharge,
  ChargeRequest,
  ChargeCreation,
  ChargeQueryResult,
  RefundRequest,
  RefundResult,
  VerifiedNotification,
} from './channels/types';
export type { CryptoProvider, RsaHash, DigestAlgorithm } from './crypto/provider';
export type { HttpClient, HttpRequest, HttpResponse, ClientTls } from './http/client';
export type { PaymentStore, Anomaly, EventRecord, ChargeTransition, TransitionOutcome, StoredRefund, ListChargesQuery } from './lifecycle/store';
export { memoryStore, type MemoryStore } from './lifecycle/memory-store';
export { assertRefundable } from './lifecycle/refund-reservation';
export { createAxiosHttpClient, type AxiosHttpClientOptions } from './http/axios';
export { toFetchHandler } from './adapters/fetch';
export { createChargeRoutes, type ChargeRoutesOptions, type ResolvedOrder } from './adapters/charge-routes';
export type { ReconcileOptions, ReconcileReport } from './server/reconcile';
