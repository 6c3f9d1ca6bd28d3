/**
 * `createAppleRoutes`: the merchant endpoints `@payweave/client/apple_iap` talks to, as one Fetch-API handler.
 *   GET  {base}/apple/app-account-token            -> { appAccountToken }   (pass it to StoreKit's purchase)
 *   POST {base}/apple/transactions {signedTransaction} -> AppleTransaction (verified, bound to the account)
 *   POST {base}/apple/receipts {receiptData}        -> AppleReceipt (legacy apps)
 * The account always comes from `accountId(request)` (your session), never from the body.
 */
import { PayError, PaySignatureError, PayValidationError } from '@payweave/core';
import { errorResponse, json } from '../../adapters/http-errors';
import type { AppleCapability, AppleReceipt, AppleTransaction } from './types';
import { ownEntry } from '../../internal/lookup';

/** Options of `createAppleRoutes`. */
export interface AppleRoutesOptions {
  /** The signed-in account of this request (your session or token check); null when there is none (401). */
  accountId(request: Request): string | null | undefined | Promise<string | null | undefined>;
  onError?(error: unknown): void;
}

/** Errors the app must see as they are (the purchase stays unfinished in StoreKit until a retry succeeds). */
const STATUS_BY_CODE: Record<string, number> = {
  TRANSACTION_CLAIMED_BY_OTHER_ACCOUNT: 409,
  APP_ACCOUNT_TOKEN_MISMATCH: 403,
  INVALID_APP_IDENTIFIER: 400,
  INVALID_ENVIRONMENT: 400,
  APPLE_PAYLOAD_INVALID: 400,
};

const publicTransaction = ({ raw: _raw, ...transaction }: AppleTransaction) => transaction;
const publicReceipt = ({ raw: _raw, latestReceipt: _latest, ...receipt }: AppleReceipt) => ({
  ...receipt,
  transactions: receipt.transactions.map(publicTransaction),
});

async function readField(request: Request, field: 'signedTransaction' | 'receiptData'): Promise<string> {
  const body = (await request.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  const value = body?.[field];
  if (typeof value !== 'string' || value === '') {
    throw new PayValidationError(`expected a JSON body {"${field}": "..."}`, [{ path: field, message: 'expected a string' }]);
  }
  return value;
}

function failure(error: unknown): Response {
  // A JWS that does not verify came from the app, not from a gateway: a 400 the app can show, not a 502.
  const status = PayError.isInstance(error) ? (ownEntry(STATUS_BY_CODE, error.code) ?? (PaySignatureError.isInstance(error) ? 400 : undefined)) : undefined;
  if (PayError.isInstance(error) && status !== undefined) {
    return json(status, { error: { type: error.type, code: error.code, message: error.message } });
  }
  return errorResponse(error);
}

/** Serve `pay.apple` to apps: `createAppleRoutes(pay.apple, { accountId: (request) => session(request)?.userId })`. */
export function createAppleRoutes(apple: AppleCapability, options: AppleRoutesOptions): (request: Request) => Promise<Response> {
  if (typeof apple?.appAccountToken !== 'function' || typeof apple.verifyTransaction !== 'function') {
    throw new PayValidationError('createAppleRoutes needs pay.apple (from createPayServer with an apple() channel) as its first argument', [
      { path: 'apple', message: 'expected pay.apple' },
    ]);
  }
  if (typeof options?.accountId !== 'function') {
    throw new PayValidationError('createAppleRoutes needs accountId(request) returning the signed-in account', [{ path: 'accountId', message: 'expected a function' }]);
  }
  if (options.onError !== undefined && typeof options.onError !== 'function') {
    throw new PayValidationError('createAppleRoutes onError must be a function (error) => void when given', [{ path: 'onError', message: 'expected a function' }]);
  }
  return async (request) => {
    try {
      const match = /\/apple\/(app-account-token|transactions|receipts)\/?$/.exec(new URL(request.url).pathname);
      if (!match) return json(404, { error: { type: 'PayError', code: 'ROUTE_NOT_FOUND', message: 'expected .../apple/app-account-token, /transactions or /receipts' } });
      const route = `${request.method} ${match[1]}`;
      if (!['GET app-account-token', 'POST transactions', 'POST receipts'].includes(route)) {
        return json(405, { error: { type: 'PayError', code: 'METHOD_NOT_ALLOWED', message: 'GET app-account-token, POST transactions, POST receipts' } });
      }
      const accountId = await options.accountId(request);
      if (!accountId) return json(401, { error: { type: 'PayError', code: 'UNAUTHENTICATED', message: 'sign in before purchasing' } });
      if (route === 'GET app-account-token') return json(200, { appAccountToken: apple.appAccountToken(accountId) });
      if (route === 'POST transactions') {
        return json(200, publicTransaction(await apple.verifyTransaction(await readField(request, 'signedTransaction'), { accountId })));
      }
      return json(200, publicReceipt(await apple.verifyReceipt(await readField(request, 'receiptData'), { accountId })));
    } catch (error) {
      options.onError?.(error);
      return failure(error);
    }
  };
}
