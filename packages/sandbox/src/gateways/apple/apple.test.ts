/**
 * Round trips through the App Store emulator with the real server SDK: StoreKit purchase -> pay.apple, verifyReceipt
 * routing (21007 to the sandbox, 21008 to production), a receipt replayed by a second account, deferred purchases
 * completed later, renewals, refunds, and notifications acknowledged once.
 */
import type { PaymentEvent } from '@payweave/core';
import { createPayServer, type HttpClient } from '@payweave/server';
import { apple } from '@payweave/server/apple';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../../index';
import { appleGateway } from './index';

const ORIGIN = 'http://sandbox.payweave.test';
const NOTIFY = 'http://merchant.test/notify/apple';
const urls: string[] = [];

/** An HttpClient on fetch, so that msw answers in-process; it records every URL called. */
const fetchClient: HttpClient = {
  async request(request) {
    urls.push(request.url);
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body as string });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, headers: Object.fromEntries(response.headers), bytes, text: new TextDecoder().decode(bytes) };
  },
};

let sandbox = createSandbox({ gateways: [appleGateway], timeScale: 1 / 60_000 });
const events: PaymentEvent[] = [];
const newPayServer = (overrides: Record<string, unknown> = {}) =>
  createPayServer({ channels: [apple({ ...sandbox.channelConfigs().apple, ...overrides })], http: fetchClient, onEvent: (event) => void events.push(event), logger: { warn: () => {} } });
let pay = newPayServer();

const server = setupServer(
  http.post(NOTIFY, async ({ request }) => {
    const result = await pay.notifications.handle('apple', { body: await request.text(), method: 'POST', headers: Object.fromEntries(request.headers) });
    return new HttpResponse(result.ack.body, { status: result.ack.status, headers: result.ack.headers });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => server.use(...sandbox.handlers));
afterEach(async () => {
  await sandbox.flushNotifications();
  await sandbox.close();
  sandbox = createSandbox({ gateways: [appleGateway], timeScale: 1 / 60_000 });
  pay = newPayServer();
  server.resetHandlers();
  events.length = 0;
  urls.length = 0;
});
afterAll(() => server.close());

interface Purchase {
  transactionId: string;
  originalTransactionId: string;
  status: string;
  signedTransaction?: string;
  receipt: string;
}

async function buy(input: Record<string, unknown>): Promise<Purchase> {
  const response = await fetch(`${ORIGIN}/apple/storekit/purchase`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  expect(response.status).toBe(201);
  return (await response.json()) as Purchase;
}

describe('App Store emulator', () => {
  it('a StoreKit purchase verifies through pay.apple and its notification is handled once', async () => {
    const bought = await buy({ productId: 'coins_100', appAccountToken: pay.apple.appAccountToken('alice'), notifyUrl: NOTIFY });
    const tx = await pay.apple.verifyTransaction(bought.signedTransaction!, { accountId: 'alice' });
    expect(tx).toMatchObject({ transactionId: bought.transactionId, productId: 'coins_100', environment: 'Sandbox', ownership: 'new', type: 'Consumable' });
    await sandbox.flushNotifications({ untilSettled: true });
    expect(sandbox.notifications.map((d) => [d.label, d.status])).toEqual([['ONE_TIME_CHARGE', 'acknowledged']]);
    expect(events.map((e) => [e.type, e.channelTradeNo])).toEqual([['iap.purchased', bought.transactionId]]);
  });

  it('verifyReceipt: production answers 21007 for a sandbox receipt, the sandbox answers; a replay by another account is refused', async () => {
    const bought = await buy({ productId: 'coins_100', appleId: 'apple-id-1' });
    const receipt = await pay.apple.verifyReceipt(bought.receipt, { accountId: 'alice' });
    expect(urls).toEqual([`${ORIGIN}/apple/production/verifyReceipt`, `${ORIGIN}/apple/sandbox/verifyReceipt`]);
    expect(receipt).toMatchObject({ environment: 'Sandbox', bundleId: 'com.payweave.sandbox' });
    expect(receipt.transactions.map((t) => [t.transactionId, t.ownership])).toEqual([[bought.transactionId, 'new']]);
    await expect(pay.apple.verifyReceipt(bought.receipt, { accountId: 'mallory' })).rejects.toMatchObject({ code: 'TRANSACTION_CLAIMED_BY_OTHER_ACCOUNT' });
    expect((await pay.apple.verifyReceipt(bought.receipt, { accountId: 'alice' })).transactions[0]!.ownership).toBe('restore');
  });

  it('verifyReceipt: a production receipt goes straight through production; from the sandbox, 21008 routes it back', async () => {
    const bought = await buy({ productId: 'gold', environment: 'Production' });
    expect((await pay.apple.verifyReceipt(bought.receipt)).environment).toBe('Production');
    expect(urls).toEqual([`${ORIGIN}/apple/production/verifyReceipt`]);
    urls.length = 0;
    pay = newPayServer({ environment: 'Sandbox' });
    await expect(pay.apple.verifyReceipt(bought.receipt)).rejects.toMatchObject({ code: 'INVALID_ENVIRONMENT' });
    expect(urls).toEqual([`${ORIGIN}/apple/sandbox/verifyReceipt`, `${ORIGIN}/apple/production/verifyReceipt`]);
  });

  it('a wrong shared secret is SHARED_SECRET_MISMATCH; a garbled receipt is 21002 (retryable)', async () => {
    const bought = await buy({ productId: 'gold' });
    pay = newPayServer({ sharedSecret: 'not-the-secret' });
    await expect(pay.apple.verifyReceipt(bought.receipt)).rejects.toMatchObject({ code: 'SHARED_SECRET_MISMATCH', gatewayCode: '21004' });
    await expect(pay.apple.verifyReceipt('R0FSQkxFRA==')).rejects.toMatchObject({ code: 'RECEIPT_MALFORMED', isRetryable: true });
  });

  it('a deferred purchase (Ask to Buy) is signed and notified only when completed', async () => {
    const pending = await buy({ productId: 'pro_unlock', type: 'Non-Consumable', deferred: true, notifyUrl: NOTIFY });
    expect([pending.status, pending.signedTransaction]).toEqual(['pending', undefined]);
    await sandbox.pay(pending.transactionId);
    await sandbox.flushNotifications({ untilSettled: true });
    const later = (await (await fetch(`${ORIGIN}/apple/storekit/transactions/${pending.transactionId}`)).json()) as Purchase;
    expect((await pay.apple.verifyTransaction(later.signedTransaction!, { accountId: 'bob' })).ownership).toBe('new');
    expect(events.map((e) => e.type)).toEqual(['iap.purchased']);
  });

  it('App Store Server API: look-ups with a checked bearer token, production then the sandbox', async () => {
    const bought = await buy({ productId: 'gems', appleId: 'apple-id-9' });
    await buy({ productId: 'more_gems', appleId: 'apple-id-9' });
    const found = await pay.apple.getTransactionInfo(bought.transactionId);
    expect(found).toMatchObject({ transactionId: bought.transactionId, productId: 'gems', environment: 'Sandbox' });
    expect(urls).toEqual([`${ORIGIN}/apple/production/inApps/v1/transactions/${bought.transactionId}`, `${ORIGIN}/apple/sandbox/inApps/v1/transactions/${bought.transactionId}`]);
    const history = await pay.apple.getTransactionHistory(bought.transactionId);
    expect(history.transactions.map((t) => t.productId)).toEqual(['gems', 'more_gems']);
    await expect(pay.apple.getTransactionInfo('999')).rejects.toMatchObject({ code: 'TRANSACTION_NOT_FOUND', gatewayCode: '4040010' });
    const anonymous = await fetch(`${ORIGIN}/apple/sandbox/inApps/v1/transactions/${bought.transactionId}`, { headers: { authorization: 'Bearer a.b.c' } });
    expect(anonymous.status).toBe(401);
    const b64url = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: sandbox.channelConfigs().apple.serverApi.issuerId, iat: now, exp: now + 300, aud: 'appstoreconnect-v1', bid: 'com.payweave.sandbox' };
    const forged = `${b64url({ alg: 'ES256', kid: sandbox.channelConfigs().apple.serverApi.keyId, typ: 'JWT' })}.${b64url(claims)}.${'A'.repeat(86)}`;
    expect((await fetch(`${ORIGIN}/apple/sandbox/inApps/v1/transactions/${bought.transactionId}`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
  });

  it('subscriptions: renewal ownership, DID_RENEW, then a refund revokes', async () => {
    const first = await buy({ productId: 'monthly', type: 'Auto-Renewable Subscription', notifyUrl: NOTIFY });
    const renewal = await buy({ productId: 'monthly', originalTransactionId: first.transactionId, notifyUrl: NOTIFY });
    expect((await pay.apple.verifyTransaction(first.signedTransaction!, { accountId: 'carol' })).ownership).toBe('new');
    const renewed = await pay.apple.verifyTransaction(renewal.signedTransaction!, { accountId: 'carol' });
    expect([renewed.ownership, renewed.originalTransactionId, renewed.expiresDate !== undefined]).toEqual(['renewal', first.transactionId, true]);
    const refund = await fetch(`${ORIGIN}/apple/notifications/send`, { method: 'POST', body: JSON.stringify({ transactionId: renewal.transactionId, notificationType: 'REFUND' }) });
    expect(refund.status).toBe(202);
    await sandbox.flushNotifications({ untilSettled: true });
    expect(events.map((e) => e.type)).toEqual(['iap.purchased', 'iap.renewed', 'iap.refunded']);
    const raw = events[2]!.raw as { data: { transactionInfo: { revocationDate?: number } } };
    expect(raw.data.transactionInfo.revocationDate).toBeTypeOf('number');
  });
});
