import { describe, expect, it } from 'vitest';
import { parseCertificate } from '../../../crypto/x509';
import { fromBase64, toBase64Url, utf8 } from '../../../internal/encoding';
import { testCrypto } from '../../../testing/crypto';
import { fakeHttp, SIGNED_DATE, testContext, transactionPayload } from '../__fixtures__/payloads';
import { signTestJws } from '../__fixtures__/sign-jws';
import { TEST_CHAIN_LEAF, TEST_CHAIN_LEAF_PRIVATE_KEY, TEST_CHAIN_ROOT } from '../__fixtures__/test-chain';
import { apple, type AppleConfig } from '../index';
import { serverApiTokens } from './server-api-token';

const P8 = `-----BEGIN PRIVATE KEY-----\n${TEST_CHAIN_LEAF_PRIVATE_KEY}\n-----END PRIVATE KEY-----\n`;
const credentials = { issuerId: '57246542-96fe-1a63-e053-0824d011072a', keyId: '2X9R4HXF34', privateKey: P8 };

async function setup(respond: Parameters<typeof fakeHttp>[0], config: Partial<AppleConfig> = {}) {
  const channel = apple({ bundleId: 'com.example', environment: 'auto', rootCertificates: [TEST_CHAIN_ROOT], serverApi: credentials, baseUrl: 'http://sandbox.test/apple', ...config });
  const http = fakeHttp(respond);
  await channel.init(await testContext(http.client));
  return { pay: channel.apple, http };
}

describe('App Store Server API bearer token', () => {
  it('has the documented header and claims, and an ES256 signature by the key', async () => {
    const crypto = await testCrypto();
    const key = await crypto.importEcPrivateKey(fromBase64(TEST_CHAIN_LEAF_PRIVATE_KEY)!);
    let now = SIGNED_DATE;
    const tokens = serverApiTokens(crypto, key, { issuerId: credentials.issuerId, keyId: credentials.keyId, bundleId: 'com.example' }, () => now);
    const token = await tokens();
    const [header, payload, signature] = token.split('.') as [string, string, string];
    expect(header).toBe(toBase64Url(utf8('{"alg":"ES256","kid":"2X9R4HXF34","typ":"JWT"}')));
    expect(payload).toBe(toBase64Url(utf8('{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225600,"exp":1767225900,"aud":"appstoreconnect-v1","bid":"com.example"}')));
    // Verified independently of the provider that signed: WebCrypto with the public key of the leaf certificate.
    const spki = parseCertificate(TEST_CHAIN_LEAF, 'leaf').spki;
    const publicKey = await globalThis.crypto.subtle.importKey('spki', new Uint8Array(spki), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const ok = await globalThis.crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, new Uint8Array(fromBase64(signature)!), new Uint8Array(utf8(`${header}.${payload}`)));
    expect(ok).toBe(true);
    now += 200_000;
    expect(await tokens()).toBe(token);
    now += 60_000;
    expect(await tokens()).not.toBe(token);
  });
});

describe('getTransactionInfo / getTransactionHistory', () => {
  it('looks a transaction up (production, then the sandbox on 404) and verifies the JWS Apple returns', async () => {
    const signed = await signTestJws(transactionPayload());
    const { pay, http } = await setup((request) =>
      request.url.includes('/production/') ? { status: 404, json: { errorCode: 4040010, errorMessage: 'Transaction id not found.' } } : { json: { signedTransactionInfo: signed } },
    );
    const tx = await pay.getTransactionInfo('23456');
    expect(tx).toMatchObject({ transactionId: '23456', environment: 'Sandbox', ownership: 'renewal' });
    expect(http.requests.map((r) => r.url)).toEqual([
      'http://sandbox.test/apple/production/inApps/v1/transactions/23456',
      'http://sandbox.test/apple/sandbox/inApps/v1/transactions/23456',
    ]);
    expect(http.requests[0]!.headers!.authorization).toMatch(/^Bearer eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{86}$/);
  });

  it('pages the history with revision and refuses a forged entry', async () => {
    const page = { signedTransactions: [await signTestJws(transactionPayload({ transactionId: '1' })), await signTestJws(transactionPayload({ transactionId: '2' }))], revision: 'rev-2', hasMore: true };
    const { pay, http } = await setup(() => ({ json: page }), { environment: 'Sandbox' });
    const history = await pay.getTransactionHistory('12345', { revision: 'rev 1' });
    expect([history.transactions.map((t) => t.transactionId), history.revision, history.hasMore]).toEqual([['1', '2'], 'rev-2', true]);
    expect(http.requests[0]!.url).toBe('http://sandbox.test/apple/sandbox/inApps/v2/history/12345?revision=rev%201');
    await pay.getTransactionHistory('12345', null as never); // null options: the first page, as with none
    expect(http.requests[1]!.url).toBe('http://sandbox.test/apple/sandbox/inApps/v2/history/12345');
    const forged = await setup(() => ({ json: { signedTransactions: ['a.b.c'] } }));
    await expect(forged.pay.getTransactionHistory('12345')).rejects.toMatchObject({ type: 'PaySignatureError' });
  });

  it('maps failures to typed errors', async () => {
    const unauthorized = await setup(() => ({ status: 401, text: '' }));
    await expect(unauthorized.pay.getTransactionInfo('1')).rejects.toMatchObject({ type: 'PayConfigError', code: 'SERVER_API_UNAUTHORIZED' });
    const limited = await setup(() => ({ status: 429, json: { errorCode: 4290000, errorMessage: 'Rate limit exceeded.' } }));
    await expect(limited.pay.getTransactionInfo('1')).rejects.toMatchObject({ code: 'RATE_LIMITED', isRetryable: true, gatewayCode: '4290000' });
    const missing = await setup(() => ({ status: 404, json: { errorCode: 4040010 } }));
    await expect(missing.pay.getTransactionInfo('1')).rejects.toMatchObject({ code: 'TRANSACTION_NOT_FOUND', isRetryable: false });
    expect(missing.http.requests).toHaveLength(2);
    await expect(missing.pay.getTransactionInfo('../etc')).rejects.toMatchObject({ type: 'PayValidationError' });
    const plain = apple({ bundleId: 'com.example', environment: 'auto', rootCertificates: [TEST_CHAIN_ROOT] });
    await plain.init(await testContext(fakeHttp(() => ({})).client));
    await expect(plain.apple.getTransactionInfo('1')).rejects.toMatchObject({ code: 'SERVER_API_NOT_CONFIGURED' });
  });

  it('refuses a key that is not an EC P-256 private key at construction', () => {
    for (const privateKey of [TEST_CHAIN_LEAF, 'bm90IGEga2V5IGF0IGFsbCwgbm90IGF0IGFsbA==']) {
      expect(() => apple({ bundleId: 'a', environment: 'auto', serverApi: { ...credentials, privateKey } })).toThrow(expect.objectContaining({ type: 'PayConfigError' }));
    }
  });
});
