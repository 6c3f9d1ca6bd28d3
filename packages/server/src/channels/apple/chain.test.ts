import { describe, expect, it } from 'vitest';
import type { CryptoProvider } from '../../crypto/provider';
import { parseCertificate } from '../../crypto/x509';
import { fromBase64 } from '../../internal/encoding';
import { testCrypto } from '../../testing/crypto';
import * as V from './__fixtures__/apple-vectors';
import { ChainVerifier } from './chain';
import { decodeJws } from './jws';
import { APPLE_ROOT_CA_G3 } from './root-ca-g3';

const testRoot = () => [parseCertificate(V.TEST_ROOT_CA, 'test root')];
const realRoot = () => [parseCertificate(APPLE_ROOT_CA_G3, 'real root')];
const chain = (leaf: string, intermediate: string) => [leaf, intermediate, 'unused'] as const;

/** Counts the provider calls a verification makes. */
function counting(crypto: CryptoProvider) {
  const calls = { ecdsaVerify: 0, ecdsaP256Verify: 0, importEcPublicKey: 0 };
  const wrapped: CryptoProvider = {
    ...crypto,
    name: crypto.name,
    ecdsaVerify: (...args) => (calls.ecdsaVerify++, crypto.ecdsaVerify(...args)),
    ecdsaP256Verify: (...args) => (calls.ecdsaP256Verify++, crypto.ecdsaP256Verify(...args)),
    importEcPublicKey: (...args) => (calls.importEcPublicKey++, crypto.importEcPublicKey(...args)),
  };
  return { wrapped, calls };
}

async function rejectsWith(promise: Promise<unknown>, code: string, message?: RegExp) {
  await expect(promise).rejects.toMatchObject({ type: 'PaySignatureError', code, channel: 'apple', ...(message ? { message: expect.stringMatching(message) } : {}) });
}

describe('x5c chain verification (vectors P4)', () => {
  it('accepts the test chain under testCA.der; its leaf key verifies P1 (same key as the P4 leaf)', async () => {
    const crypto = await testCrypto();
    const key = await new ChainVerifier(crypto, testRoot()).leafKey(chain(V.P4_LEAF, V.P4_INTERMEDIATE), V.P4_EFFECTIVE_DATE);
    expect(parseCertificate(V.P4_LEAF, 'leaf').spki).toEqual(fromBase64(V.P4_LEAF_SPKI));
    const p1 = decodeJws(V.P1_TEST_NOTIFICATION);
    expect(await crypto.ecdsaP256Verify(key, p1.signingInput, p1.signature)).toBe(true);
  });

  it('accepts the real Apple chain under the pinned root at the P4 effective date', async () => {
    const crypto = await testCrypto();
    const key = await new ChainVerifier(crypto, realRoot()).leafKey(chain(V.P4_REAL_LEAF, V.P4_REAL_INTERMEDIATE), V.P4_EFFECTIVE_DATE);
    expect(key.curve).toBe('P-256');
    expect(parseCertificate(V.P4_REAL_LEAF, 'leaf').spki).toEqual(fromBase64(V.P4_REAL_LEAF_SPKI));
  });

  it('refuses an intermediate without the WWDR marker OID', async () => {
    const verifier = new ChainVerifier(await testCrypto(), testRoot());
    await rejectsWith(verifier.leafKey(chain(V.P4_LEAF_FOR_INTERMEDIATE_INVALID_OID, V.P4_INTERMEDIATE_INVALID_OID), V.P4_EFFECTIVE_DATE), 'CERTIFICATE_CHAIN_INVALID', /intermediate lacks .*6\.2\.1/);
  });

  it('refuses a leaf without the receipt-signing marker OID', async () => {
    const verifier = new ChainVerifier(await testCrypto(), testRoot());
    await rejectsWith(verifier.leafKey(chain(V.P4_LEAF_INVALID_OID, V.P4_INTERMEDIATE), V.P4_EFFECTIVE_DATE), 'CERTIFICATE_CHAIN_INVALID', /leaf lacks .*6\.11\.1/);
  });

  it('refuses the good test chain at a date after it expired (2042)', async () => {
    const verifier = new ChainVerifier(await testCrypto(), testRoot());
    await rejectsWith(verifier.leafKey(chain(V.P4_LEAF, V.P4_INTERMEDIATE), V.P4_EXPIRED_DATE), 'INVALID_CERTIFICATE');
  });

  it('refuses the real chain before its leaf was issued and after it expires', async () => {
    const verifier = new ChainVerifier(await testCrypto(), realRoot());
    const real = chain(V.P4_REAL_LEAF, V.P4_REAL_INTERMEDIATE);
    await rejectsWith(verifier.leafKey(real, Date.UTC(2025, 8, 1)), 'INVALID_CERTIFICATE');
    await rejectsWith(verifier.leafKey(real, Date.UTC(2027, 11, 1)), 'INVALID_CERTIFICATE');
    await expect(verifier.leafKey(real, Date.UTC(2026, 0, 1))).resolves.toBeDefined();
  });

  it('refuses the test chain under the real Apple root, and the real chain under the test root', async () => {
    const crypto = await testCrypto();
    await rejectsWith(new ChainVerifier(crypto, realRoot()).leafKey(chain(V.P4_LEAF, V.P4_INTERMEDIATE), V.P4_EFFECTIVE_DATE), 'CERTIFICATE_CHAIN_INVALID');
    await rejectsWith(new ChainVerifier(crypto, testRoot()).leafKey(chain(V.P4_REAL_LEAF, V.P4_REAL_INTERMEDIATE), V.P4_EFFECTIVE_DATE), 'CERTIFICATE_CHAIN_INVALID');
  });

  it('refuses swapped leaf and intermediate, and a leaf standing in as intermediate', async () => {
    const verifier = new ChainVerifier(await testCrypto(), testRoot());
    await rejectsWith(verifier.leafKey(chain(V.P4_INTERMEDIATE, V.P4_LEAF), V.P4_EFFECTIVE_DATE), 'CERTIFICATE_CHAIN_INVALID');
    await rejectsWith(verifier.leafKey(chain(V.P4_LEAF, V.P4_LEAF), V.P4_EFFECTIVE_DATE), 'CERTIFICATE_CHAIN_INVALID');
  });

  it('refuses unreadable certificates', async () => {
    const verifier = new ChainVerifier(await testCrypto(), testRoot());
    await rejectsWith(verifier.leafKey(chain('bm90IGEgY2VydA==', V.P4_INTERMEDIATE), V.P4_EFFECTIVE_DATE), 'INVALID_CERTIFICATE');
    await rejectsWith(verifier.leafKey(chain(`${V.P4_LEAF}!`, V.P4_INTERMEDIATE), V.P4_EFFECTIVE_DATE), 'INVALID_CERTIFICATE');
    await rejectsWith(verifier.leafKey(chain(V.P4_LEAF.slice(0, -8), V.P4_INTERMEDIATE), V.P4_EFFECTIVE_DATE), 'INVALID_CERTIFICATE');
  });

  it('caches a verified chain by its exact x5c: a warm lookup makes no crypto call', async () => {
    const { wrapped, calls } = counting(await testCrypto());
    const verifier = new ChainVerifier(wrapped, testRoot());
    const x5c = chain(V.P4_LEAF, V.P4_INTERMEDIATE);
    const cold = await verifier.leafKey(x5c, V.P4_EFFECTIVE_DATE);
    const coldCalls = { ...calls };
    expect(coldCalls.ecdsaVerify).toBeGreaterThanOrEqual(2);
    expect(await verifier.leafKey(x5c, V.P4_EFFECTIVE_DATE)).toBe(cold);
    expect(calls).toEqual(coldCalls);
    // The date is still checked on a warm hit.
    await rejectsWith(verifier.leafKey(x5c, V.P4_EXPIRED_DATE), 'INVALID_CERTIFICATE');
    // x5c[2] is not trusted, so it is not part of the key: another third entry hits the same cached chain.
    await verifier.leafKey([V.P4_LEAF, V.P4_INTERMEDIATE, 'other'], V.P4_EFFECTIVE_DATE);
    expect([verifier.size, calls]).toEqual([1, coldCalls]);
    // A different leaf string (the P1 leaf: same key, another certificate) is another entry.
    await verifier.leafKey([decodeJws(V.P1_TEST_NOTIFICATION).x5c[0], V.P4_INTERMEDIATE, 'x'], V.P4_EFFECTIVE_DATE).catch(() => undefined);
    await verifier.leafKey([V.P4_LEAF, V.P4_INTERMEDIATE_INVALID_OID, 'x'], V.P4_EFFECTIVE_DATE).catch(() => undefined);
    expect(calls.ecdsaVerify).toBeGreaterThan(coldCalls.ecdsaVerify);
  });

  it('does not cache failures and evicts the least recently used chain', async () => {
    const verifier = new ChainVerifier(await testCrypto(), testRoot(), 2);
    await expect(verifier.leafKey(chain(V.P4_LEAF_INVALID_OID, V.P4_INTERMEDIATE), V.P4_EFFECTIVE_DATE)).rejects.toThrow();
    expect(verifier.size).toBe(0);
    const chains = [chain(V.P4_LEAF, V.P4_INTERMEDIATE), chain(V.P4_REAL_LEAF, V.P4_REAL_INTERMEDIATE), chain(V.P4_LEAF, V.P4_INTERMEDIATE)];
    const both = new ChainVerifier(await testCrypto(), [...testRoot(), ...realRoot()], 1);
    for (const x5c of chains) await both.leafKey(x5c, V.P4_EFFECTIVE_DATE);
    expect(both.size).toBe(1);
  });
});
