import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../lifecycle/memory-store';
import { fakeHttp, SIGNED_DATE, testContext, transactionPayload } from './__fixtures__/payloads';
import { signTestJws } from './__fixtures__/sign-jws';
import { TEST_CHAIN_ROOT } from './__fixtures__/test-chain';
import { apple, type AppleConfig } from './index';

const SECRET = 'payweave-test-secret-0123456789';

/** A verifyReceipt response body: Sandbox receipt for com.example with the given entries. */
function receiptBody(entries: Record<string, string>[], overrides: Record<string, unknown> = {}) {
  return {
    status: 0,
    environment: 'Sandbox',
    receipt: { bundle_id: 'com.example', application_version: '7', original_application_version: '1.0', receipt_creation_date_ms: '1698148900000', in_app: entries },
    latest_receipt: 'TEFURVNU',
    latest_receipt_info: entries,
    pending_renewal_info: [{ auto_renew_status: '1' }],
    ...overrides,
  };
}
const entry = (transactionId: string, originalTransactionId: string, extra: Record<string, string> = {}) => ({
  transaction_id: transactionId,
  original_transaction_id: originalTransactionId,
  product_id: 'com.example.coins',
  quantity: '1',
  purchase_date_ms: String(1698148900000 + Number(transactionId)),
  ...extra,
});

async function setup(config: Partial<AppleConfig> = {}, respond: Parameters<typeof fakeHttp>[0] = () => ({ json: { status: 21199 } })) {
  const channel = apple({ bundleId: 'com.example', environment: 'auto', appAppleId: 1234, rootCertificates: [TEST_CHAIN_ROOT], appAccountTokenSecret: SECRET, ...config });
  const http = fakeHttp(respond);
  const warnings: string[] = [];
  await channel.init(await testContext(http.client, warnings));
  const store = memoryStore();
  channel.bindStore?.(store);
  return { channel, pay: channel.apple, http, warnings, store };
}

describe('pay.apple.verifyTransaction', () => {
  it('returns the AppleTransaction shape', async () => {
    const { pay } = await setup();
    const token = pay.appAccountToken('alice');
    const tx = await pay.verifyTransaction(await signTestJws(transactionPayload({ appAccountToken: token.toUpperCase() })), { accountId: 'alice' });
    expect(tx).toEqual({
      transactionId: '23456',
      originalTransactionId: '12345',
      productId: 'com.example.product',
      bundleId: 'com.example',
      environment: 'Sandbox',
      purchaseDate: '2023-10-24T12:01:40.000Z',
      expiresDate: '2023-10-24T12:03:20.000Z',
      appAccountToken: token,
      quantity: 1,
      type: 'Auto-Renewable Subscription',
      ownership: 'new',
      raw: expect.objectContaining({ price: 10990, signedDate: SIGNED_DATE }),
    });
  });

  it('new, restore, renewal, restore; another account is refused', async () => {
    const { pay } = await setup();
    const original = await signTestJws(transactionPayload({ transactionId: '12345' }));
    const renewal = await signTestJws(transactionPayload({ transactionId: '12346', transactionReason: 'RENEWAL' }));
    expect((await pay.verifyTransaction(original, { accountId: 'alice' })).ownership).toBe('new');
    expect((await pay.verifyTransaction(original, { accountId: 'alice' })).ownership).toBe('restore');
    expect((await pay.verifyTransaction(renewal, { accountId: 'alice' })).ownership).toBe('renewal');
    expect((await pay.verifyTransaction(renewal, { accountId: 'alice' })).ownership).toBe('restore');
    await expect(pay.verifyTransaction(original, { accountId: 'mallory' })).rejects.toMatchObject({ code: 'TRANSACTION_CLAIMED_BY_OTHER_ACCOUNT', channel: 'apple' });
    await expect(pay.verifyTransaction(renewal, { accountId: 'mallory' })).rejects.toMatchObject({ code: 'TRANSACTION_CLAIMED_BY_OTHER_ACCOUNT' });
  });

  it('a restored non-consumable (a new transaction id of the same purchase) is a restore, not a renewal', async () => {
    const { pay } = await setup();
    const nonConsumable = { type: 'Non-Consumable', expiresDate: undefined, productId: 'com.example.pro' };
    const original = await signTestJws(transactionPayload({ ...nonConsumable, transactionId: '12345' }));
    const restored = await signTestJws(transactionPayload({ ...nonConsumable, transactionId: '67890' }));
    expect((await pay.verifyTransaction(restored)).ownership).toBe('restore');
    expect((await pay.verifyTransaction(original, { accountId: 'alice' })).ownership).toBe('new');
    expect((await pay.verifyTransaction(restored, { accountId: 'alice' })).ownership).toBe('restore');
    await expect(pay.verifyTransaction(restored, { accountId: 'mallory' })).rejects.toMatchObject({ code: 'TRANSACTION_CLAIMED_BY_OTHER_ACCOUNT' });
  });

  it('a renewal seen first binds the subscription: new', async () => {
    const { pay } = await setup();
    const renewal = await signTestJws(transactionPayload({ transactionId: '12399' }));
    expect((await pay.verifyTransaction(renewal, { accountId: 'bob' })).ownership).toBe('new');
    expect((await pay.verifyTransaction(renewal, { accountId: 'bob' })).ownership).toBe('restore');
  });

  it("refuses another account's appAccountToken before binding anything", async () => {
    const { pay } = await setup();
    const jws = await signTestJws(transactionPayload({ appAccountToken: pay.appAccountToken('alice') }));
    await expect(pay.verifyTransaction(jws, { accountId: 'mallory' })).rejects.toMatchObject({ code: 'APP_ACCOUNT_TOKEN_MISMATCH' });
    expect((await pay.verifyTransaction(jws, { accountId: 'alice' })).ownership).toBe('new');
  });

  it('requireAppAccountToken refuses transactions without one', async () => {
    const { pay } = await setup({ requireAppAccountToken: true });
    await expect(pay.verifyTransaction(await signTestJws(transactionPayload()), { accountId: 'alice' })).rejects.toMatchObject({ code: 'APP_ACCOUNT_TOKEN_MISMATCH' });
  });

  it('without a secret a token cannot be checked: one warning, the claim still protects', async () => {
    const { pay, warnings } = await setup({ appAccountTokenSecret: undefined });
    const jws = await signTestJws(transactionPayload({ appAccountToken: '7e3fb20b-4cdb-47cc-936d-99d65f608138' }));
    await pay.verifyTransaction(jws, { accountId: 'alice' });
    await pay.verifyTransaction(jws, { accountId: 'alice' });
    expect(warnings).toHaveLength(1);
    expect(() => pay.appAccountToken('alice')).toThrow(expect.objectContaining({ code: 'APP_ACCOUNT_TOKEN_SECRET_MISSING' }));
  });

  it('without an accountId nothing is bound and ownership comes from the transaction', async () => {
    const { pay } = await setup();
    const original = await signTestJws(transactionPayload({ transactionId: '12345' }));
    expect((await pay.verifyTransaction(original)).ownership).toBe('new');
    expect((await pay.verifyTransaction(await signTestJws(transactionPayload({ transactionReason: 'RENEWAL' })))).ownership).toBe('renewal');
    expect((await pay.verifyTransaction(original, { accountId: 'alice' })).ownership).toBe('new');
    // null options are no options (nothing bound), not a TypeError.
    expect((await pay.verifyTransaction(original, null as never)).ownership).toBe('new');
  });

  it('reports revocation and refuses payloads that are not transactions', async () => {
    const { pay } = await setup();
    const revoked = await pay.verifyTransaction(await signTestJws(transactionPayload({ revocationDate: 1698148950000 })));
    expect(revoked.revocationDate).toBe('2023-10-24T12:02:30.000Z');
    await expect(pay.verifyTransaction(await signTestJws({ bundleId: 'com.example', environment: 'Sandbox', signedDate: SIGNED_DATE }))).rejects.toMatchObject({
      code: 'APPLE_PAYLOAD_INVALID',
    });
  });

  it('needs init, and a store when an accountId is given', async () => {
    const channel = apple({ bundleId: 'com.example', environment: 'Sandbox', rootCertificates: [TEST_CHAIN_ROOT] });
    await expect(channel.apple.verifyTransaction('x.y.z')).rejects.toMatchObject({ code: 'CHANNEL_NOT_INITIALISED' });
    await channel.init(await testContext(fakeHttp(() => ({})).client));
    await expect(channel.apple.verifyTransaction(await signTestJws(transactionPayload()), { accountId: 'a' })).rejects.toMatchObject({ code: 'STORE_MISSING' });
    await expect(channel.apple.verifyTransaction(await signTestJws(transactionPayload()), { accountId: '' })).rejects.toMatchObject({ type: 'PayValidationError' });
  });
});

describe('pay.apple.verifyReceipt', () => {
  it('normalises in_app and latest_receipt_info, enforces the bundle id, binds every original transaction', async () => {
    const body = receiptBody([entry('1', '1'), entry('2', '2', { expires_date_ms: '1798148900000' })]);
    const { pay, http } = await setup({ sharedSecret: 'shh' }, (request) => ({ json: request.url.includes('sandbox') ? body : { status: 21007 } }));
    const receipt = await pay.verifyReceipt('UkVDRUlQVA==', { accountId: 'alice' });
    expect(http.requests.map((r) => r.url)).toEqual(['https://buy.itunes.apple.com/verifyReceipt', 'https://sandbox.itunes.apple.com/verifyReceipt']);
    expect(receipt).toMatchObject({
      bundleId: 'com.example',
      environment: 'Sandbox',
      applicationVersion: '7',
      originalApplicationVersion: '1.0',
      receiptCreationDate: '2023-10-24T12:01:40.000Z',
      latestReceipt: 'TEFURVNU',
      pendingRenewalInfo: [{ auto_renew_status: '1' }],
    });
    expect(receipt.transactions.map((t) => [t.transactionId, t.type, t.ownership])).toEqual([
      ['1', 'Unknown', 'new'],
      ['2', 'Auto-Renewable Subscription', 'new'],
    ]);
  });

  it('a receipt replayed by a second account is refused; the first account restores', async () => {
    const body = receiptBody([entry('1000000001', '1000000001')]);
    const { pay } = await setup({}, () => ({ json: body }));
    expect((await pay.verifyReceipt('UkVDRUlQVA==', { accountId: 'alice' })).transactions[0]!.ownership).toBe('new');
    await expect(pay.verifyReceipt('UkVDRUlQVA==', { accountId: 'mallory' })).rejects.toMatchObject({ code: 'TRANSACTION_CLAIMED_BY_OTHER_ACCOUNT' });
    expect((await pay.verifyReceipt('UkVDRUlQVA==', { accountId: 'alice' })).transactions[0]!.ownership).toBe('restore');
  });

  it("a captured receipt replayed by another account binds none of the owner's purchases to it", async () => {
    // Alice owns 1000000501; her receipt also holds 1000000401, a purchase she has not presented yet (listed first).
    const body = receiptBody([entry('1000000401', '1000000401'), entry('1000000501', '1000000501')]);
    const { pay, store } = await setup({}, () => ({ json: body }));
    await store.claimAppleTransaction('1000000501', 'alice');
    await expect(pay.verifyReceipt('UkVDRUlQVA==', { accountId: 'mallory' })).rejects.toMatchObject({ code: 'TRANSACTION_CLAIMED_BY_OTHER_ACCOUNT' });
    expect(await store.getAppleOwner('1000000401')).toBeNull();
    const ownership = (await pay.verifyReceipt('UkVDRUlQVA==', { accountId: 'alice' })).transactions.map((t) => [t.transactionId, t.ownership]);
    expect(ownership).toEqual([
      ['1000000401', 'new'],
      ['1000000501', 'restore'],
    ]);
  });

  it('a receipt with a transaction bought for another account binds none of its transactions', async () => {
    const { pay, store } = await setup({}, () => ({ json: body }));
    const body = receiptBody([entry('1000000301', '1000000301'), entry('1000000302', '1000000302', { app_account_token: pay.appAccountToken('bob') })]);
    await expect(pay.verifyReceipt('UkVDRUlQVA==', { accountId: 'alice' })).rejects.toMatchObject({ code: 'APP_ACCOUNT_TOKEN_MISMATCH' });
    expect(await store.getAppleOwner('1000000301')).toBeNull();
    expect(await store.getAppleOwner('1000000302')).toBeNull();
    await expect(pay.verifyReceipt('UkVDRUlQVA==', { accountId: '' })).rejects.toMatchObject({ type: 'PayValidationError' });
  });

  it('tells a restored purchase from a subscription renewal in a receipt', async () => {
    const first = receiptBody([entry('1000000001', '1000000001'), entry('1000000101', '1000000101', { expires_date_ms: '1798148900000' })]);
    const later = receiptBody([
      entry('1000000002', '1000000001'),
      entry('1000000101', '1000000101', { expires_date_ms: '1798148900000' }),
      entry('1000000102', '1000000101', { expires_date_ms: '1898148900000' }),
    ]);
    let body = first;
    const { pay } = await setup({}, () => ({ json: body }));
    expect((await pay.verifyReceipt('UkVDRUlQVA==', { accountId: 'alice' })).transactions.map((t) => t.ownership)).toEqual(['new', 'new']);
    body = later;
    const ownership = (await pay.verifyReceipt('UkVDRUlQVA==', { accountId: 'alice' })).transactions.map((t) => [t.transactionId, t.ownership]);
    expect(ownership).toEqual([
      ['1000000002', 'restore'],
      ['1000000101', 'restore'],
      ['1000000102', 'renewal'],
    ]);
  });

  it('refuses another bundle id, and a Sandbox receipt on a Production-only channel with a hint', async () => {
    const other = await setup({}, () => ({ json: receiptBody([], { receipt: { bundle_id: 'com.other', in_app: [] } }) }));
    await expect(other.pay.verifyReceipt('UkVDRUlQVA==')).rejects.toMatchObject({ code: 'INVALID_APP_IDENTIFIER' });
    const strict = await setup({ environment: 'Production' }, (r) => ({ json: r.url.includes('sandbox') ? receiptBody([]) : { status: 21007 } }));
    await expect(strict.pay.verifyReceipt('UkVDRUlQVA==')).rejects.toMatchObject({ code: 'INVALID_ENVIRONMENT', message: expect.stringMatching(/'auto'/) });
  });

  it('baseUrl points verifyReceipt at an emulator', async () => {
    const { pay, http } = await setup({ baseUrl: 'http://sandbox.payweave.test/apple/' }, () => ({ json: receiptBody([]) }));
    await pay.verifyReceipt('UkVDRUlQVA==');
    expect(http.requests[0]!.url).toBe('http://sandbox.payweave.test/apple/production/verifyReceipt');
  });
});

describe('apple() config', () => {
  it('fails early on unusable config', () => {
    expect(() => apple({ bundleId: 'com.example', environment: 'Production' })).toThrow(expect.objectContaining({ type: 'PayConfigError' }));
    expect(() => apple({ bundleId: 'com.example', environment: 'Sandbox', rootCertificates: ['bm90IGEgY2VydGlmaWNhdGUgYXQgYWxs'] })).toThrow(expect.objectContaining({ type: 'PayConfigError' }));
    expect(() => apple({ bundleId: 'com.example', environment: 'sandbox' as never })).toThrow(expect.objectContaining({ type: 'PayValidationError' }));
    expect(() => apple({ bundleId: 'com.example', environment: 'auto', appAccountTokenSecret: 'short' })).toThrow(expect.objectContaining({ type: 'PayValidationError' }));
    expect(() => apple({ bundleId: 'com.example', environment: 'auto', bundleID: 'typo' } as never)).toThrow(expect.objectContaining({ type: 'PayValidationError' }));
  });

  it('is live only with Apple root, no emulator and a non-Sandbox environment', () => {
    expect(apple({ bundleId: 'a', environment: 'auto' }).livemode).toBe(true);
    expect(apple({ bundleId: 'a', environment: 'Production', appAppleId: '1234' }).livemode).toBe(true);
    expect(apple({ bundleId: 'a', environment: 'Sandbox' }).livemode).toBe(false);
    expect(apple({ bundleId: 'a', environment: 'auto', rootCertificates: [TEST_CHAIN_ROOT] }).livemode).toBe(false);
    expect(apple({ bundleId: 'a', environment: 'auto', baseUrl: 'http://localhost:4010/apple' }).livemode).toBe(false);
    const channel = apple({ bundleId: 'a', environment: 'auto' });
    expect([channel.provider, channel.channels]).toEqual(['apple', []]);
  });
});
