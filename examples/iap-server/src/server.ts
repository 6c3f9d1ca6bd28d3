/**
 * An app's server for Apple in-app purchases, on `node:http`:
 *   GET  /api/purchases/token         the account's appAccountToken (the app passes it to StoreKit's purchase)
 *   POST /api/purchases/transactions  {signedTransaction}: a StoreKit 2 transaction, verified and bound to the account
 *   POST /api/purchases/receipts      {receiptData}: a legacy app receipt (verifyReceipt, 21007 handled)
 *   GET  /api/entitlements            what the account may use
 *   POST /api/pay/notify/apple        App Store Server Notifications V2 (refunds, renewals, purchases made elsewhere)
 * The account comes from `Authorization: Bearer <accountId>`, a stand-in for your session check.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PayError, PaySignatureError, PayValidationError, type PaymentEvent } from '@payweave/core';
import { createPayServer, toNodeHandler, type PayServer } from '@payweave/server';
import { apple, type AppleTransaction } from '@payweave/server/apple';
import { sqliteStore } from '@payweave/store-sqlite';
import { appleConfig, type Env } from './config';
import { createEntitlements, type Entitlements } from './entitlements';

export interface IapServerOptions {
  env?: Env;
  /** Default 3100; 0 picks a free port. */
  port?: number;
  /** Where Apple's notifications reach this server (default `http://127.0.0.1:<port>`). */
  publicUrl?: string;
  /** The sandbox, when no real Apple settings are in `env` (default `PAYWEAVE_SANDBOX_URL`). */
  sandboxUrl?: string;
  dataDir?: string;
  log?: (line: string) => void;
}

export interface IapServer {
  url: string;
  pay: PayServer;
  entitlements: Entitlements;
  mode: 'live' | 'sandbox';
  close(): Promise<void>;
}

/** How a refused purchase is answered: the app keeps the StoreKit transaction unfinished and shows the message. */
const STATUS_BY_CODE: Record<string, number> = { TRANSACTION_CLAIMED_BY_OTHER_ACCOUNT: 409, APP_ACCOUNT_TOKEN_MISMATCH: 403 };

/** Start the IAP server; resolves once it listens. */
export async function startIapServer(options: IapServerOptions = {}): Promise<IapServer> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const { config, mode } = await appleConfig(env, options.sandboxUrl ?? env.PAYWEAVE_SANDBOX_URL);
  const dataDir = options.dataDir ?? env.IAP_DATA_DIR ?? join(tmpdir(), 'payweave-iap-server');
  mkdirSync(dataDir, { recursive: true });
  const store = sqliteStore({ filename: join(dataDir, 'payweave.sqlite') });
  const entitlements = createEntitlements();
  const accountsByToken = new Map<string, string>();

  let started = false;
  const server = createServer((req, res) => {
    if (!started) return json(res, 503, { error: { code: 'STARTING' } });
    route(req, res).catch((error: unknown) => answerError(res, error, log));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? Number(env.IAP_PORT ?? 3100), '127.0.0.1', () => resolve());
  });
  const url = (options.publicUrl ?? env.IAP_PUBLIC_URL ?? `http://127.0.0.1:${(server.address() as AddressInfo).port}`).replace(/\/+$/, '');

  const pay = createPayServer({
    channels: [apple(config)],
    store,
    notifyUrl: `${url}/api/pay/notify`,
    // Server Notifications V2, verified and deduplicated by payweave: this runs once per notificationUUID.
    onEvent: (event) => applyNotification(event, entitlements, accountsByToken, log),
  });
  await pay.ready();
  const notify = toNodeHandler(pay, 'apple');
  started = true;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', url).pathname;
    if (path === '/api/pay/notify/apple' && req.method === 'POST') return notify(req, res);
    if (path === '/health') return json(res, 200, { ok: true, mode });
    const accountId = /^Bearer ([A-Za-z0-9_-]{1,64})$/.exec(req.headers.authorization ?? '')?.[1];
    if (!accountId) return json(res, 401, { error: { code: 'UNAUTHENTICATED', message: 'send Authorization: Bearer <accountId>' } });

    if (path === '/api/purchases/token' && req.method === 'GET') {
      const appAccountToken = pay.apple.appAccountToken(accountId);
      accountsByToken.set(appAccountToken, accountId);
      return json(res, 200, { appAccountToken });
    }
    if (path === '/api/entitlements' && req.method === 'GET') return json(res, 200, { entitlements: entitlements.forAccount(accountId) });
    if (path === '/api/purchases/transactions' && req.method === 'POST') {
      const transaction = await pay.apple.verifyTransaction(await field(req, 'signedTransaction'), { accountId });
      const granted = grantFrom(entitlements, accountId, transaction, 'app');
      return json(res, 200, { ownership: transaction.ownership, granted, transaction: summary(transaction), entitlements: entitlements.forAccount(accountId) });
    }
    if (path === '/api/purchases/receipts' && req.method === 'POST') {
      const receipt = await pay.apple.verifyReceipt(await field(req, 'receiptData'), { accountId });
      const transactions = receipt.transactions.map((transaction) => ({ ...summary(transaction), ownership: transaction.ownership, granted: grantFrom(entitlements, accountId, transaction, 'app') }));
      return json(res, 200, { environment: receipt.environment, transactions, entitlements: entitlements.forAccount(accountId) });
    }
    json(res, 404, { error: { code: 'NOT_FOUND' } });
  }

  return {
    url,
    pay,
    entitlements,
    mode,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          store.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

/** Grant what a verified transaction pays for; nothing for a refunded or revoked one. */
function grantFrom(entitlements: Entitlements, accountId: string, transaction: AppleTransaction, grantedBy: 'app' | 'notification'): boolean {
  if (transaction.revocationDate) return false;
  entitlements.grant(accountId, transaction, grantedBy);
  return true;
}

/** A verified App Store notification: find the account (from an earlier grant, or the appAccountToken) and act. */
function applyNotification(event: PaymentEvent, entitlements: Entitlements, accountsByToken: Map<string, string>, log: (line: string) => void): void {
  const info = (event.raw as { data?: { transactionInfo?: Record<string, unknown> } }).data?.transactionInfo;
  if (!info) return; // TEST and summary notifications carry no transaction
  const originalTransactionId = String(info.originalTransactionId);
  const owner = entitlements.ownerOf(originalTransactionId) ?? accountsByToken.get(String(info.appAccountToken ?? '').toLowerCase());
  if (!owner) {
    log(`[iap] ${event.type} for ${originalTransactionId}: no account known yet; it is granted when the app presents the purchase`);
    return;
  }
  if (event.type === 'iap.refunded' || event.type === 'iap.revoked') {
    entitlements.revoke(originalTransactionId, event.occurredAt);
    log(`[iap] ${event.type}: ${originalTransactionId} revoked for ${owner}`);
  } else if (event.type === 'iap.purchased' || event.type === 'iap.renewed') {
    const expiresDate = info.expiresDate === undefined ? undefined : new Date(Number(info.expiresDate)).toISOString();
    entitlements.grant(owner, { originalTransactionId, productId: String(info.productId), ...(expiresDate ? { expiresDate } : {}) }, 'notification');
    log(`[iap] ${event.type}: ${originalTransactionId} granted to ${owner}`);
  }
}

function summary(transaction: AppleTransaction) {
  const { raw: _raw, ...rest } = transaction;
  return rest;
}

async function field(req: IncomingMessage, name: 'signedTransaction' | 'receiptData'): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(chunk as Uint8Array);
  let body: Record<string, unknown> | undefined;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  const value = body?.[name];
  if (typeof value !== 'string' || !value) throw new PayValidationError(`expected a JSON body {"${name}": "..."}`, [{ path: name, message: 'expected a string' }]);
  return value;
}

function answerError(res: ServerResponse, error: unknown, log: (line: string) => void): void {
  if (!PayError.isInstance(error)) {
    log(`[iap] ${error instanceof Error ? error.message : String(error)}`);
    return json(res, 500, { error: { code: 'INTERNAL_ERROR', message: 'internal error' } });
  }
  const { code, message, isRetryable } = error;
  const status = STATUS_BY_CODE[code] ?? (PaySignatureError.isInstance(error) || PayValidationError.isInstance(error) ? 400 : isRetryable ? 503 : 502);
  json(res, status, { error: { code, message } });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
