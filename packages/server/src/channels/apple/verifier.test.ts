import { describe, expect, it } from 'vitest';
import { parseCertificate } from '../../crypto/x509';
import { testCrypto } from '../../testing/crypto';
import * as V from './__fixtures__/apple-vectors';
import { segment, signTestJws, splitJws } from './__fixtures__/sign-jws';
import { TEST_CHAIN_ROOT } from './__fixtures__/test-chain';
import { APPLE_ROOT_CA_G3 } from './root-ca-g3';
import { SignedDataVerifier, type VerifierOptions } from './verifier';

const clock = () => Date.UTC(2026, 0, 1);

async function verifierFor(options: Partial<VerifierOptions> = {}, root: string = V.TEST_ROOT_CA) {
  return new SignedDataVerifier(await testCrypto(), [parseCertificate(root, 'root')], {
    bundleId: 'com.example',
    appAppleId: 1234,
    environment: 'Sandbox',
    clock,
    ...options,
  });
}

/** Change one character of a base64url segment of `jws` (index 0 header, 1 payload, 2 signature). */
function flipOneChar(jws: string, part: number, at: number): string {
  const parts = jws.split('.');
  const text = parts[part]!;
  const position = at < 0 ? text.length + at : at;
  const replacement = text[position] === 'A' ? 'B' : 'A';
  parts[part] = text.slice(0, position) + replacement + text.slice(position + 1);
  return parts.join('.');
}

describe('P1: Apple test notification', () => {
  it('verifies under testCA.der (Sandbox, com.example, 1234) and decodes the published payload', async () => {
    const { payload, environment } = await (await verifierFor()).verifyNotification(V.P1_TEST_NOTIFICATION);
    expect(environment).toBe('Sandbox');
    expect(payload).toEqual({
      data: { appAppleId: 1234, environment: 'Sandbox', bundleId: 'com.example' },
      notificationUUID: '9ad56bd2-0bc6-42e0-af24-fd996d87a1e6',
      signedDate: 1681314324000,
      notificationType: 'TEST',
    });
  });

  it("is accepted by environment 'auto', which reports Sandbox", async () => {
    const { environment } = await (await verifierFor({ environment: 'auto' })).verifyNotification(V.P1_TEST_NOTIFICATION);
    expect(environment).toBe('Sandbox');
  });

  it('is refused after a one-character change in the signature or the payload', async () => {
    const verifier = await verifierFor();
    for (const at of [0, 10, -3]) {
      await expect(verifier.verifyNotification(flipOneChar(V.P1_TEST_NOTIFICATION, 2, at))).rejects.toMatchObject({ type: 'PaySignatureError' });
    }
    await expect(verifier.verifyNotification(flipOneChar(V.P1_TEST_NOTIFICATION, 1, 5))).rejects.toMatchObject({ type: 'PaySignatureError' });
  });
});

describe('P2: Apple test transaction', () => {
  it('verifies (Sandbox, com.example) and decodes the published payload', async () => {
    const { payload, environment } = await (await verifierFor()).verifyTransaction(V.P2_TRANSACTION_INFO);
    expect(environment).toBe('Sandbox');
    expect(payload).toEqual({ environment: 'Sandbox', bundleId: 'com.example', signedDate: 1672956154000 });
  });
});

describe('P3: negative cases', () => {
  it('testNotification under a Production verifier: INVALID_ENVIRONMENT', async () => {
    const verifier = await verifierFor({ environment: 'Production' });
    await expect(verifier.verifyNotification(V.P1_TEST_NOTIFICATION)).rejects.toMatchObject({ type: 'PayError', code: 'INVALID_ENVIRONMENT' });
  });

  it('transactionInfo for bundle com.example.x: INVALID_APP_IDENTIFIER', async () => {
    const verifier = await verifierFor({ bundleId: 'com.example.x' });
    await expect(verifier.verifyTransaction(V.P2_TRANSACTION_INFO)).rejects.toMatchObject({ code: 'INVALID_APP_IDENTIFIER' });
  });

  it('a notification for another bundle id (wrongBundleId, re-created with the test chain): INVALID_APP_IDENTIFIER', async () => {
    const verifier = await verifierFor({}, TEST_CHAIN_ROOT);
    const jws = await signTestJws({ ...splitJws(V.P1_TEST_NOTIFICATION).payload, signedDate: Date.UTC(2026, 0, 1), data: { appAppleId: 1234, environment: 'Sandbox', bundleId: 'com.example.wrong' } });
    await expect(verifier.verifyNotification(jws)).rejects.toMatchObject({ code: 'INVALID_APP_IDENTIFIER' });
  });

  it('a header without x5c (missingX5CHeaderClaim): INVALID_CERTIFICATE', async () => {
    const { header, parts } = splitJws(V.P1_TEST_NOTIFICATION);
    const { x5c: _dropped, ...rest } = header;
    const jws = [segment(rest), parts[1], parts[2]].join('.');
    await expect((await verifierFor()).verifyNotification(jws)).rejects.toMatchObject({ type: 'PaySignatureError', code: 'INVALID_CERTIFICATE' });
  });

  it('testNotification re-encoded with notificationType REFUND, original signature: SIGNATURE_INVALID', async () => {
    const { payload, parts } = splitJws(V.P1_TEST_NOTIFICATION);
    const jws = [parts[0], segment({ ...payload, notificationType: 'REFUND' }), parts[2]].join('.');
    await expect((await verifierFor()).verifyNotification(jws)).rejects.toMatchObject({ type: 'PaySignatureError', code: 'SIGNATURE_INVALID' });
  });

  it('"a.b.c" and "a.b.c.d": PaySignatureError', async () => {
    const verifier = await verifierFor();
    await expect(verifier.verifyNotification('a.b.c')).rejects.toMatchObject({ type: 'PaySignatureError', code: 'JWS_MALFORMED' });
    await expect(verifier.verifyNotification('a.b.c.d')).rejects.toMatchObject({ type: 'PaySignatureError', code: 'JWS_MALFORMED' });
  });

  it('the pinned real Apple root refuses the test-signed vectors', async () => {
    const verifier = await verifierFor({}, APPLE_ROOT_CA_G3);
    await expect(verifier.verifyNotification(V.P1_TEST_NOTIFICATION)).rejects.toMatchObject({ code: 'CERTIFICATE_CHAIN_INVALID' });
  });
});

describe('semantic checks on test-chain JWS', () => {
  const production = { data: { appAppleId: 1234, environment: 'Production', bundleId: 'com.example' }, notificationUUID: 'u', notificationType: 'TEST', signedDate: Date.UTC(2026, 0, 1) };

  it('checks appAppleId on Production notifications and requires it to be configured', async () => {
    const jws = await signTestJws(production);
    const ok = await verifierFor({ environment: 'Production' }, TEST_CHAIN_ROOT);
    expect((await ok.verifyNotification(jws)).environment).toBe('Production');
    const other = await verifierFor({ environment: 'Production', appAppleId: 99 }, TEST_CHAIN_ROOT);
    await expect(other.verifyNotification(jws)).rejects.toMatchObject({ code: 'INVALID_APP_IDENTIFIER' });
    const auto = await verifierFor({ environment: 'auto', appAppleId: undefined }, TEST_CHAIN_ROOT);
    await expect(auto.verifyNotification(jws)).rejects.toMatchObject({ code: 'INVALID_APP_IDENTIFIER', message: expect.stringMatching(/set appAppleId/) });
  });

  it('refuses Xcode and LocalTesting environments, and a missing environment', async () => {
    const verifier = await verifierFor({ environment: 'auto' }, TEST_CHAIN_ROOT);
    for (const environment of ['Xcode', 'LocalTesting', undefined]) {
      const jws = await signTestJws({ bundleId: 'com.example', environment, signedDate: Date.UTC(2026, 0, 1) });
      await expect(verifier.verifyTransaction(jws)).rejects.toMatchObject({ code: 'INVALID_ENVIRONMENT' });
    }
  });

  it('checks validity at signedDate, and uses the clock when signedDate is absent', async () => {
    const verifier = await verifierFor({}, TEST_CHAIN_ROOT);
    const before = await signTestJws({ bundleId: 'com.example', environment: 'Sandbox', signedDate: Date.UTC(2023, 0, 1) });
    await expect(verifier.verifyTransaction(before)).rejects.toMatchObject({ code: 'INVALID_CERTIFICATE' });
    const undated = await signTestJws({ bundleId: 'com.example', environment: 'Sandbox' });
    await expect(verifier.verifyTransaction(undated)).resolves.toBeDefined();
  });

  it('reads the app identity of summary and externalPurchaseToken notifications', async () => {
    const verifier = await verifierFor({ environment: 'auto' }, TEST_CHAIN_ROOT);
    const summary = await signTestJws({ notificationType: 'RENEWAL_EXTENSION', notificationUUID: 'v', signedDate: Date.UTC(2026, 0, 1), summary: { environment: 'Sandbox', bundleId: 'com.example', appAppleId: 1234 } });
    expect((await verifier.verifyNotification(summary)).environment).toBe('Sandbox');
    const external = await signTestJws({ notificationType: 'EXTERNAL_PURCHASE_TOKEN', notificationUUID: 'w', signedDate: Date.UTC(2026, 0, 1), externalPurchaseToken: { externalPurchaseId: 'SANDBOX_1', bundleId: 'com.example', appAppleId: 1234 } });
    expect((await verifier.verifyNotification(external)).environment).toBe('Sandbox');
  });

  it('verifies app transactions by receiptType', async () => {
    const verifier = await verifierFor({ environment: 'auto' }, TEST_CHAIN_ROOT);
    const jws = await signTestJws({ bundleId: 'com.example', receiptType: 'Production', appAppleId: 1234, signedDate: Date.UTC(2026, 0, 1) });
    expect((await verifier.verifyAppTransaction(jws)).environment).toBe('Production');
  });

  it('a warm verification costs exactly one ES256 verify', async () => {
    const crypto = await testCrypto();
    let p256 = 0;
    let other = 0;
    const counting = { ...crypto, name: crypto.name, ecdsaP256Verify: (...a: Parameters<typeof crypto.ecdsaP256Verify>) => (p256++, crypto.ecdsaP256Verify(...a)), ecdsaVerify: (...a: Parameters<typeof crypto.ecdsaVerify>) => (other++, crypto.ecdsaVerify(...a)), importEcPublicKey: (...a: Parameters<typeof crypto.importEcPublicKey>) => (other++, crypto.importEcPublicKey(...a)) };
    const verifier = new SignedDataVerifier(counting, [parseCertificate(V.TEST_ROOT_CA, 'root')], { bundleId: 'com.example', appAppleId: 1234, environment: 'Sandbox', clock });
    await verifier.verifyNotification(V.P1_TEST_NOTIFICATION);
    [p256, other] = [0, 0];
    await verifier.verifyNotification(V.P1_TEST_NOTIFICATION);
    await verifier.verifyTransaction(V.P2_TRANSACTION_INFO);
    expect({ p256, other }).toEqual({ p256: 2, other: 0 });
  });
});
