import { describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../__fixtures__/fake-fetch';
import { createAppleIap } from './apple_iap';

const TOKEN = 'fdb0a13b-bbe9-5f73-b131-2aa6da62fa3f';
const TRANSACTION = { transactionId: '2000000001', originalTransactionId: '2000000001', productId: 'coins', ownership: 'new' };

describe('createAppleIap', () => {
  it('purchase: token from the server, StoreKit with it, the signed transaction back to the server', async () => {
    const { fetch, calls } = fakeFetch({ json: { appAccountToken: TOKEN } }, { json: TRANSACTION });
    const bridge = vi.fn(async () => ({ status: 'purchased' as const, signedTransaction: 'eyJ.x.y' }));
    const iap = createAppleIap({ endpoint: 'https://shop.test/api/pay/', http: fetch, headers: { authorization: 'Bearer s' }, bridge });
    const result = await iap.purchase('coins', { quantity: 2 });
    expect(result).toEqual({ status: 'purchased', transaction: TRANSACTION, signedTransaction: 'eyJ.x.y' });
    expect(bridge).toHaveBeenCalledWith({ productId: 'coins', appAccountToken: TOKEN, quantity: 2 });
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ['GET', 'https://shop.test/api/pay/apple/app-account-token', undefined],
      ['POST', 'https://shop.test/api/pay/apple/transactions', { signedTransaction: 'eyJ.x.y' }],
    ]);
    expect(calls[0]!.headers.authorization).toBe('Bearer s');
  });

  it('canceled and pending purchases are results, not errors; nothing is delivered', async () => {
    for (const status of ['canceled', 'pending'] as const) {
      const { fetch, calls } = fakeFetch({ json: { appAccountToken: TOKEN } });
      expect(await createAppleIap({ endpoint: '/api', http: fetch, bridge: () => ({ status }) }).purchase('coins')).toEqual({ status });
      expect(calls).toHaveLength(1);
    }
  });

  it('a server refusal keeps the signed transaction for a later retry', async () => {
    const { fetch } = fakeFetch({ json: { appAccountToken: TOKEN } }, { status: 409, json: { error: { type: 'PayError', code: 'TRANSACTION_CLAIMED_BY_OTHER_ACCOUNT', message: 'belongs to another account' } } });
    const result = await createAppleIap({ endpoint: '/api', http: fetch, bridge: () => ({ status: 'purchased', signedTransaction: 'eyJ.a.b' }) }).purchase('coins');
    expect(result).toMatchObject({ status: 'failed', signedTransaction: 'eyJ.a.b', error: { code: 'TRANSACTION_CLAIMED_BY_OTHER_ACCOUNT' } });
  });

  it('missing or failing bridges, and StoreKit failures, are failed results', async () => {
    const { fetch } = fakeFetch({ json: { appAccountToken: TOKEN } });
    expect(await createAppleIap({ endpoint: '/api', http: fetch }).purchase('coins')).toMatchObject({ status: 'failed', error: { code: 'BRIDGE_MISSING' } });
    const crash = () => Promise.reject(new Error('StoreKit unavailable'));
    expect(await createAppleIap({ endpoint: '/api', http: fetch, bridge: crash }).purchase('coins')).toMatchObject({ status: 'failed', error: { code: 'BRIDGE_FAILED' } });
    expect(await createAppleIap({ endpoint: '/api', http: fetch, bridge: () => ({ status: 'failed', message: 'no network' }) }).purchase('coins')).toMatchObject({
      status: 'failed',
      error: { code: 'WALLET_PAYMENT_FAILED', message: expect.stringContaining('no network') },
    });
  });

  it('deliverTransaction and deliverReceipt post to the server and throw its typed errors', async () => {
    const { fetch, calls } = fakeFetch({ json: TRANSACTION }, { status: 400, json: { error: { type: 'PayError', code: 'INVALID_ENVIRONMENT', message: 'no' } } });
    const iap = createAppleIap({ endpoint: '/api', http: fetch });
    expect(await iap.deliverTransaction('eyJ.u.v')).toEqual(TRANSACTION);
    await expect(iap.deliverReceipt('UkVD')).rejects.toMatchObject({ code: 'INVALID_ENVIRONMENT' });
    expect(calls[1]).toMatchObject({ url: '/api/apple/receipts', body: { receiptData: 'UkVD' } });
  });
});
