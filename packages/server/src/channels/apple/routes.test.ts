import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../lifecycle/memory-store';
import { fakeHttp, testContext, transactionPayload } from './__fixtures__/payloads';
import { signTestJws } from './__fixtures__/sign-jws';
import { TEST_CHAIN_ROOT } from './__fixtures__/test-chain';
import { apple, createAppleRoutes } from './index';

async function routes() {
  const channel = apple({ bundleId: 'com.example', environment: 'auto', rootCertificates: [TEST_CHAIN_ROOT], appAccountTokenSecret: 'payweave-test-secret-0123456789' });
  await channel.init(await testContext(fakeHttp(() => ({ json: { status: 21003 } })).client));
  channel.bindStore?.(memoryStore());
  const handler = createAppleRoutes(channel.apple, { accountId: (request) => request.headers.get('x-user') });
  const call = async (method: string, path: string, user: string | null, body?: unknown) => {
    const response = await handler(new Request(`https://shop.test/api/pay${path}`, { method, headers: user ? { 'x-user': user } : {}, ...(body ? { body: JSON.stringify(body) } : {}) }));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string } } };
  };
  return { call, token: (user: string) => channel.apple.appAccountToken(user) };
}

describe('createAppleRoutes', () => {
  it('hands out the account token and verifies transactions for the signed-in account', async () => {
    const { call, token } = await routes();
    expect(await call('GET', '/apple/app-account-token', 'alice')).toEqual({ status: 200, body: { appAccountToken: token('alice') } });
    const signedTransaction = await signTestJws(transactionPayload({ appAccountToken: token('alice') }));
    const first = await call('POST', '/apple/transactions', 'alice', { signedTransaction });
    expect(first).toMatchObject({ status: 200, body: { transactionId: '23456', ownership: 'new' } });
    expect(first.body).not.toHaveProperty('raw');
    expect((await call('POST', '/apple/transactions', 'mallory', { signedTransaction })).body.error?.code).toBe('APP_ACCOUNT_TOKEN_MISMATCH');
    const unbound = await signTestJws(transactionPayload());
    expect(await call('POST', '/apple/transactions', 'mallory', { signedTransaction: unbound })).toMatchObject({ status: 409, body: { error: { code: 'TRANSACTION_CLAIMED_BY_OTHER_ACCOUNT' } } });
  });

  it('refuses anonymous callers, bad bodies, unknown routes and receipts Apple refuses', async () => {
    const { call } = await routes();
    expect((await call('GET', '/apple/app-account-token', null)).status).toBe(401);
    expect(await call('POST', '/apple/transactions', 'alice', { transaction: 'x' })).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(await call('POST', '/apple/transactions', 'alice', { signedTransaction: 'a.b.c' })).toMatchObject({ status: 400, body: { error: { code: 'JWS_MALFORMED' } } });
    expect((await call('GET', '/apple/transactions', 'alice')).status).toBe(405);
    expect((await call('GET', '/apple/other', 'alice')).status).toBe(404);
    expect(await call('POST', '/apple/receipts', 'alice', { receiptData: 'UkVDRUlQVA==' })).toMatchObject({ status: 502, body: { error: { code: 'RECEIPT_NOT_AUTHENTICATED' } } });
    expect(() => createAppleRoutes({} as never, {} as never)).toThrow(expect.objectContaining({ type: 'PayValidationError' }));
  });
});
