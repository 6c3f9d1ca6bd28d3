/**
 * The IAP server against the sandbox's App Store: a StoreKit 2 purchase granted to its account, the same purchase
 * restored, replayed by another account (refused by the appAccountToken, or by the first-come binding), a renewal, a legacy receipt (sandbox receipt sent to production
 * first: 21007), and Server Notifications V2 granting a purchase the app never reported and revoking a refund.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox, type SandboxServer } from '@payweave/sandbox';
import { startIapServer, type IapServer } from './server';

let sandbox: Sandbox;
let sandboxServer: SandboxServer;
let iap: IapServer;
const dataDir = mkdtempSync(join(tmpdir(), 'payweave-iap-test-'));

beforeAll(async () => {
  sandbox = createSandbox();
  sandboxServer = await sandbox.listen({ port: 0 });
  iap = await startIapServer({ env: {}, port: 0, sandboxUrl: sandboxServer.url, dataDir, log: () => undefined });
});

afterAll(async () => {
  await iap?.close();
  await sandbox?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, read field by field in assertions
type Json = Record<string, any>;

/** The app server, as the signed-in `account`. */
async function api(account: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${iap.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${account}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

/** What StoreKit does on the device: buy in the (sandbox) App Store. */
async function buy(input: Record<string, unknown>): Promise<{ transactionId: string; signedTransaction: string; receipt: string }> {
  const response = await fetch(`${sandboxServer.url}/apple/storekit/purchase`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  expect(response.status).toBe(201);
  return (await response.json()) as { transactionId: string; signedTransaction: string; receipt: string };
}

describe('IAP server', () => {
  it('grants a StoreKit 2 purchase to its account, restores it, and refuses it to another account', async () => {
    const { body: token } = await api('alice', 'GET', '/api/purchases/token');
    const purchase = await buy({ productId: 'com.example.gems100', type: 'Non-Consumable', appAccountToken: token.appAccountToken });

    const first = await api('alice', 'POST', '/api/purchases/transactions', { signedTransaction: purchase.signedTransaction });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ownership: 'new', granted: true, transaction: { transactionId: purchase.transactionId, productId: 'com.example.gems100' } });

    const restored = await api('alice', 'POST', '/api/purchases/transactions', { signedTransaction: purchase.signedTransaction });
    expect(restored.body.ownership).toBe('restore');

    // Replayed by another account: the appAccountToken inside the signed transaction names alice.
    const replayed = await api('mallory', 'POST', '/api/purchases/transactions', { signedTransaction: purchase.signedTransaction });
    expect(replayed.status).toBe(403);
    expect(replayed.body.error.code).toBe('APP_ACCOUNT_TOKEN_MISMATCH');
    expect((await api('mallory', 'GET', '/api/entitlements')).body.entitlements).toEqual([]);
    expect((await api('alice', 'GET', '/api/entitlements')).body.entitlements).toMatchObject([{ productId: 'com.example.gems100', active: true }]);
  });

  it('binds a purchase without an appAccountToken (an older app) to the first account that presents it', async () => {
    const purchase = await buy({ productId: 'com.example.theme', type: 'Non-Consumable' });
    expect((await api('grace', 'POST', '/api/purchases/transactions', { signedTransaction: purchase.signedTransaction })).body.ownership).toBe('new');
    const replayed = await api('mallory', 'POST', '/api/purchases/transactions', { signedTransaction: purchase.signedTransaction });
    expect(replayed.status).toBe(409);
    expect(replayed.body.error.code).toBe('TRANSACTION_CLAIMED_BY_OTHER_ACCOUNT');
  });

  it('refuses a transaction whose signature does not verify', async () => {
    const purchase = await buy({ productId: 'com.example.gems100' });
    const [header, payload, signature] = purchase.signedTransaction.split('.') as [string, string, string];
    const forged = `${header}.${payload}.${signature.slice(0, -4)}AAAA`;
    const response = await api('bob', 'POST', '/api/purchases/transactions', { signedTransaction: forged });
    expect(response.status).toBe(400);
  });

  it('tells a renewal from the original purchase of a subscription', async () => {
    const original = await buy({ productId: 'com.example.pro.monthly', type: 'Auto-Renewable Subscription' });
    expect((await api('carol', 'POST', '/api/purchases/transactions', { signedTransaction: original.signedTransaction })).body.ownership).toBe('new');
    const renewal = await buy({ productId: 'com.example.pro.monthly', originalTransactionId: original.transactionId });
    const renewed = await api('carol', 'POST', '/api/purchases/transactions', { signedTransaction: renewal.signedTransaction });
    expect(renewed.body).toMatchObject({ ownership: 'renewal', granted: true });
    expect(renewed.body.entitlements).toMatchObject([{ originalTransactionId: original.transactionId, active: true }]);
  });

  it('verifies a legacy receipt (a sandbox receipt, which production answers with 21007) and binds it to the account', async () => {
    const purchase = await buy({ productId: 'com.example.coins', appleId: 'dave-apple-id' });
    const verified = await api('dave', 'POST', '/api/purchases/receipts', { receiptData: purchase.receipt });
    expect(verified.status).toBe(200);
    expect(verified.body.environment).toBe('Sandbox');
    expect(verified.body.transactions).toMatchObject([{ transactionId: purchase.transactionId, ownership: 'new', granted: true }]);
    const replayed = await api('erin', 'POST', '/api/purchases/receipts', { receiptData: purchase.receipt });
    expect(replayed.status).toBe(409);
  });

  it('grants from a Server Notification a purchase the app never reported, and revokes it on a refund', async () => {
    const { body: token } = await api('frank', 'GET', '/api/purchases/token');
    // The app crashed before it could send the transaction: only Apple's notification tells the server.
    const purchase = await buy({ productId: 'com.example.album', type: 'Non-Consumable', appAccountToken: token.appAccountToken, notifyUrl: `${iap.url}/api/pay/notify/apple` });
    await sandbox.flushNotifications();
    expect(sandbox.notifications.find((delivery) => delivery.orderNo === purchase.transactionId)?.status).toBe('acknowledged');
    expect((await api('frank', 'GET', '/api/entitlements')).body.entitlements).toMatchObject([{ productId: 'com.example.album', grantedBy: 'notification', active: true }]);

    const refund = await fetch(`${sandboxServer.url}/apple/notifications/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ transactionId: purchase.transactionId, notificationType: 'REFUND' }),
    });
    expect(refund.status).toBe(202);
    await sandbox.flushNotifications();
    const [entitlement] = (await api('frank', 'GET', '/api/entitlements')).body.entitlements as { active: boolean; revokedAt?: string }[];
    expect(entitlement).toMatchObject({ active: false });
    expect(entitlement?.revokedAt).toBeDefined();
  });

  it('answers an unsigned or forged notification with a failure, so Apple retries', async () => {
    const response = await fetch(`${iap.url}/api/pay/notify/apple`, { method: 'POST', body: JSON.stringify({ signedPayload: 'a.b.c' }) });
    expect(response.status).toBeGreaterThanOrEqual(400);
  });
});
