/**
 * Interop with Apple's own verifier (@apple/app-store-server-library, dev dependency of the tests only): on one
 * corpus of JWS signed with payweave's TEST chain, both verifiers must agree on every verdict, and payweave's error
 * codes must correspond to Apple's VerificationStatus.
 */
import { ReceiptUtility, SignedDataVerifier as AppleVerifier, Environment, VerificationStatus } from '@apple/app-store-server-library';
import { PayError } from '@payweave/core';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCertificate } from '../../crypto/x509';
import { testCrypto } from '../../testing/crypto';
import * as V from './__fixtures__/apple-vectors';
import { notificationPayload, SIGNED_DATE, transactionPayload } from './__fixtures__/payloads';
import { segment, signTestJws, splitJws, TEST_X5C } from './__fixtures__/sign-jws';
import * as T from './__fixtures__/test-chain';
import { transactionIdFromLegacyReceipt } from './legacy-receipt';
import { SignedDataVerifier } from './verifier';

const STATUS_OF_CODE: Record<string, VerificationStatus> = {
  SIGNATURE_INVALID: VerificationStatus.VERIFICATION_FAILURE,
  CERTIFICATE_CHAIN_INVALID: VerificationStatus.VERIFICATION_FAILURE,
  JWS_MALFORMED: VerificationStatus.VERIFICATION_FAILURE,
  JWS_ALGORITHM_UNSUPPORTED: VerificationStatus.VERIFICATION_FAILURE,
  INVALID_APP_IDENTIFIER: VerificationStatus.INVALID_APP_IDENTIFIER,
  INVALID_ENVIRONMENT: VerificationStatus.INVALID_ENVIRONMENT,
  INVALID_CHAIN_LENGTH: VerificationStatus.INVALID_CHAIN_LENGTH,
  INVALID_CERTIFICATE: VerificationStatus.INVALID_CERTIFICATE,
};

type Kind = 'transaction' | 'notification';

async function appleVerdict(root: string, kind: Kind, jws: string): Promise<VerificationStatus> {
  const verifier = new AppleVerifier([Buffer.from(root, 'base64')], false, Environment.SANDBOX, 'com.example', 1234);
  try {
    await (kind === 'transaction' ? verifier.verifyAndDecodeTransaction(jws) : verifier.verifyAndDecodeNotification(jws));
    return VerificationStatus.OK;
  } catch (error) {
    return (error as { status?: VerificationStatus }).status ?? VerificationStatus.FAILURE;
  }
}

async function ourVerdict(root: string, kind: Kind, jws: string): Promise<VerificationStatus> {
  const verifier = new SignedDataVerifier(await testCrypto(), [parseCertificate(root, 'root')], {
    bundleId: 'com.example',
    appAppleId: 1234,
    environment: 'Sandbox',
    clock: () => SIGNED_DATE,
  });
  try {
    await (kind === 'transaction' ? verifier.verifyTransaction(jws) : verifier.verifyNotification(jws));
    return VerificationStatus.OK;
  } catch (error) {
    expect(PayError.isInstance(error)).toBe(true);
    const status = STATUS_OF_CODE[(error as PayError).code];
    expect(status, `unmapped code ${(error as PayError).code}`).toBeDefined();
    return status!;
  }
}

const randomKeyPkcs8 = () =>
  generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');

/** name, kind, JWS, expected status, and Apple's status where it differs (it reports a wrong chain length as INVALID_CERTIFICATE). */
async function corpus(): Promise<[string, Kind, string, VerificationStatus, VerificationStatus?][]> {
  const tx = await signTestJws(transactionPayload());
  const { parts } = splitJws(tx);
  const withHeader = (header: Record<string, unknown>) => [segment(header), parts[1], parts[2]].join('.');
  const negative = (x5cLeaf: string, payload: Record<string, unknown>) =>
    signTestJws(payload, { x5c: [x5cLeaf, T.TEST_CHAIN_INTERMEDIATE, T.TEST_CHAIN_ROOT] }, T.TEST_NEGATIVE_LEAF_PRIVATE_KEY);
  const S = VerificationStatus;
  return [
    ['good transaction', 'transaction', tx, S.OK],
    ['good notification', 'notification', await signTestJws(notificationPayload({}, { signedTransactionInfo: tx })), S.OK],
    ['wrong bundle id', 'transaction', await signTestJws(transactionPayload({ bundleId: 'com.example.wrong' })), S.INVALID_APP_IDENTIFIER],
    ['wrong appAppleId is not checked in Sandbox', 'notification', await signTestJws(notificationPayload({}, { appAppleId: 1 })), S.OK],
    ['Production payload', 'transaction', await signTestJws(transactionPayload({ environment: 'Production' })), S.INVALID_ENVIRONMENT],
    ['Xcode payload', 'transaction', await signTestJws(transactionPayload({ environment: 'Xcode' })), S.INVALID_ENVIRONMENT],
    ['tampered signature', 'transaction', `${parts[0]}.${parts[1]}.${parts[2]!.slice(0, 10)}${parts[2]![10] === 'A' ? 'B' : 'A'}${parts[2]!.slice(11)}`, S.VERIFICATION_FAILURE],
    ['tampered payload', 'transaction', [parts[0], segment({ ...transactionPayload(), productId: 'com.example.gold' }), parts[2]].join('.'), S.VERIFICATION_FAILURE],
    ['signed by a key outside the chain', 'transaction', await signTestJws(transactionPayload(), {}, randomKeyPkcs8()), S.VERIFICATION_FAILURE],
    ['two certificates', 'transaction', withHeader({ alg: 'ES256', x5c: TEST_X5C.slice(0, 2) }), S.INVALID_CHAIN_LENGTH, S.INVALID_CERTIFICATE],
    ['four certificates', 'transaction', withHeader({ alg: 'ES256', x5c: [...TEST_X5C, T.TEST_CHAIN_ROOT] }), S.INVALID_CHAIN_LENGTH, S.INVALID_CERTIFICATE],
    ['no x5c (createSignedDataFromJson style)', 'transaction', withHeader({ alg: 'ES256' }), S.INVALID_CERTIFICATE],
    ['swapped leaf and intermediate', 'transaction', withHeader({ alg: 'ES256', x5c: [TEST_X5C[1], TEST_X5C[0], TEST_X5C[2]] }), S.VERIFICATION_FAILURE],
    ['leaf without marker OID', 'transaction', await negative(T.TEST_LEAF_WITHOUT_MARKER, transactionPayload()), S.VERIFICATION_FAILURE],
    ['leaf expired before signedDate', 'transaction', await negative(T.TEST_LEAF_EXPIRED_2025, transactionPayload()), S.INVALID_CERTIFICATE],
    ['leaf valid at signedDate (2024), expired now', 'transaction', await negative(T.TEST_LEAF_EXPIRED_2025, transactionPayload({ signedDate: Date.UTC(2024, 5, 1) })), S.OK],
    ['signedDate before the chain existed', 'transaction', await signTestJws(transactionPayload({ signedDate: Date.UTC(2023, 0, 1) })), S.INVALID_CERTIFICATE],
  ];
}

describe('interop with @apple/app-store-server-library SignedDataVerifier', () => {
  it('agrees on every verdict of the test-chain corpus', async () => {
    const rows = [];
    for (const [name, kind, jws, expected, appleExpected = expected] of await corpus()) {
      rows.push({ name, apple: await appleVerdict(T.TEST_CHAIN_ROOT, kind, jws), ours: await ourVerdict(T.TEST_CHAIN_ROOT, kind, jws), expected, appleExpected });
    }
    for (const row of rows) expect(row, row.name).toEqual({ ...row, apple: row.appleExpected, ours: row.expected });
  });

  it('agrees on the published vectors P1 and P2 (and refuses them under the real root)', async () => {
    for (const [kind, jws] of [['notification', V.P1_TEST_NOTIFICATION], ['transaction', V.P2_TRANSACTION_INFO]] as const) {
      expect(await appleVerdict(V.TEST_ROOT_CA, kind, jws)).toBe(VerificationStatus.OK);
      expect(await ourVerdict(V.TEST_ROOT_CA, kind, jws)).toBe(VerificationStatus.OK);
      expect(await ourVerdict(T.TEST_CHAIN_ROOT, kind, jws)).toBe(await appleVerdict(T.TEST_CHAIN_ROOT, kind, jws));
    }
  });

  it('decodes the same payload as Apple', async () => {
    const jws = await signTestJws(transactionPayload());
    const apple = new AppleVerifier([Buffer.from(T.TEST_CHAIN_ROOT, 'base64')], false, Environment.SANDBOX, 'com.example', 1234);
    const ours = new SignedDataVerifier(await testCrypto(), [parseCertificate(T.TEST_CHAIN_ROOT, 'root')], { bundleId: 'com.example', environment: 'Sandbox', clock: Date.now });
    expect((await ours.verifyTransaction(jws)).payload).toEqual(await apple.verifyAndDecodeTransaction(jws));
  });

  it('reads the same transaction id from legacy receipts as ReceiptUtility (P5)', () => {
    const utility = new ReceiptUtility();
    const synthetic = Buffer.from(`{\n"purchase-info" = "${Buffer.from('{\n"transaction-id" = "1000000999";\n}').toString('base64')}";\n}`).toString('base64');
    for (const receipt of [V.P5_LEGACY_TRANSACTION, synthetic]) {
      expect(transactionIdFromLegacyReceipt(receipt)).toBe(utility.extractTransactionIdFromTransactionReceipt(receipt));
    }
  });
});
