/**
 * `@payweave/client/apple_iap`: in-app purchases for apps. Apple has no charge to launch: the app buys with StoreKit
 * through `bridges.apple`, then hands the signed transaction to the merchant server (`createAppleRoutes`), which
 * verifies it and binds it to the signed-in account. The server's answer, not StoreKit's, decides what to grant.
 *
 * Register the transaction observer at app start (StoreKit 2 `Transaction.updates`, StoreKit 1
 * `SKPaymentQueue.add(observer)`) and send every transaction it reports to `deliverTransaction`: purchases interrupted
 * by Ask to Buy or a bank confirmation complete while the app is closed and only arrive there. Finish the
 * transaction in StoreKit only after the server accepted it.
 * @see https://developer.apple.com/documentation/storekit/transaction/updates
 */
import { PayError } from '@payweave/core';
import type { AppleBridgeRequest, AppleBridgeResult } from '../bridges';
import { detailOf, invalidResponseError } from '../errors';
import { createTransport, requestOk, type AxiosLikeInstance, type FetchLike, type HeadersOption } from '../transport';

/** A transaction as the merchant server verified it (`AppleTransaction` without `raw`). */
export interface VerifiedAppleTransaction {
  transactionId: string;
  originalTransactionId: string;
  productId: string;
  bundleId: string;
  environment: 'Production' | 'Sandbox';
  purchaseDate: string;
  expiresDate?: string;
  revocationDate?: string;
  appAccountToken?: string;
  quantity: number;
  type: string;
  ownership: 'new' | 'restore' | 'renewal';
}

/** A legacy receipt as the merchant server verified it. */
export interface VerifiedAppleReceipt {
  bundleId: string;
  environment: 'Production' | 'Sandbox';
  transactions: VerifiedAppleTransaction[];
}

/** What `purchase` resolves to; it never throws for what the customer does. */
export type ApplePurchaseResult =
  | { status: 'purchased'; transaction: VerifiedAppleTransaction; signedTransaction: string }
  | { status: 'canceled' | 'pending' }
  | { status: 'failed'; error: PayError; signedTransaction?: string };

/** Options of `createAppleIap`. */
export interface AppleIapOptions {
  /** Base URL of the merchant's routes (`createAppleRoutes`), e.g. '/api/pay'. */
  endpoint: string;
  http?: FetchLike | AxiosLikeInstance;
  /** Headers on every request (the session token the server's `accountId(request)` reads). */
  headers?: HeadersOption;
  /** The StoreKit bridge the app injects (React Native module, WebView message handler). */
  bridge?: (request: AppleBridgeRequest) => AppleBridgeResult | Promise<AppleBridgeResult>;
}

/** The app side of Apple in-app purchase. */
export interface AppleIap {
  /** The signed-in account's appAccountToken (from the server). */
  appAccountToken(): Promise<string>;
  /** Buy with StoreKit (token attached), then deliver the transaction to the server. */
  purchase(productId: string, options?: { quantity?: number }): Promise<ApplePurchaseResult>;
  /** Send a StoreKit 2 signed transaction (from a purchase, `Transaction.updates` or a restore); throws `PayError`. */
  deliverTransaction(signedTransaction: string): Promise<VerifiedAppleTransaction>;
  /** Send a legacy app receipt (base64); throws `PayError`. */
  deliverReceipt(receiptData: string): Promise<VerifiedAppleReceipt>;
}

/** Create the app-side helper bound to the merchant's endpoint. */
export function createAppleIap(options: AppleIapOptions): AppleIap {
  const base = `${options.endpoint.replace(/\/+$/, '')}/apple`;
  const transport = createTransport(options.http, options.headers);
  const call = (method: 'GET' | 'POST', path: string, body?: unknown) => requestOk(transport, { method, url: `${base}/${path}`, body });
  const failed = (error: PayError, signedTransaction?: string): ApplePurchaseResult => ({ status: 'failed', error, ...(signedTransaction !== undefined && { signedTransaction }) });

  const iap: AppleIap = {
    async appAccountToken() {
      const data = (await call('GET', 'app-account-token')) as { appAccountToken?: unknown } | null;
      if (typeof data?.appAccountToken !== 'string') throw invalidResponseError(`GET ${base}/app-account-token`, 'an appAccountToken', 'createAppleRoutes');
      return data.appAccountToken;
    },
    deliverTransaction: (signedTransaction) => call('POST', 'transactions', { signedTransaction }) as Promise<VerifiedAppleTransaction>,
    deliverReceipt: (receiptData) => call('POST', 'receipts', { receiptData }) as Promise<VerifiedAppleReceipt>,
    async purchase(productId, purchaseOptions = {}) {
      if (typeof options.bridge !== 'function') {
        return failed(new PayError('apple_iap needs the StoreKit bridge: pass createAppleIap({ bridge }) from your native shell', { code: 'BRIDGE_MISSING' }));
      }
      let result: AppleBridgeResult;
      try {
        const appAccountToken = await iap.appAccountToken();
        result = await options.bridge({ productId, appAccountToken, ...(purchaseOptions.quantity ? { quantity: purchaseOptions.quantity } : {}) });
      } catch (cause) {
        return failed(PayError.isInstance(cause) ? cause : new PayError(`the StoreKit bridge failed: ${detailOf(cause)}`, { code: 'BRIDGE_FAILED', cause }));
      }
      const { status, signedTransaction, message } = result ?? {};
      if (status === 'canceled' || status === 'pending') return { status };
      if (status !== 'purchased' || typeof signedTransaction !== 'string') {
        return failed(new PayError(`StoreKit reported ${status ?? 'nothing'}${message ? `: ${message}` : ''}`, { code: 'WALLET_PAYMENT_FAILED' }));
      }
      try {
        return { status, transaction: await iap.deliverTransaction(signedTransaction), signedTransaction };
      } catch (error) {
        // Keep the transaction unfinished in StoreKit: the observer re-delivers it at the next app start.
        return failed(error as PayError, signedTransaction);
      }
    },
  };
  return iap;
}
