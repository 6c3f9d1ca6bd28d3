import { PaySignatureError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import type { CryptoProvider } from '../../crypto/provider';
import { parseCertificate } from '../../crypto/x509';
import { testCrypto } from '../../testing/crypto';
import {
  EXPIRED_GATEWAY_CERT_PEM,
  IMPOSTOR_GATEWAY_CERT_PEM,
  IMPOSTOR_GATEWAY_KEY_PEM,
  SANDBOX_GATEWAY_KEY_PEM,
  SANDBOX_MIDDLE_CERT_PEM,
  SANDBOX_PRODUCTION_GATEWAY_CERT_PEM,
  SANDBOX_PRODUCTION_GATEWAY_KEY_PEM,
  SANDBOX_ROOT_CERT_PEM,
} from './__fixtures__/sandbox-chain';
import { signAsGateway } from './__fixtures__/sign-as-gateway';
import { TEST_CERT_ID, TEST_MIDDLE_CERT_PEM, TEST_ROOT_CERT_PEM, TEST_SIGN_CERT_PEM, TEST_SIGN_KEY_PEM } from './__fixtures__/test-certs';
import { U2_PARAMS, U3_SIGNATURE, U4_MESSAGE, U4_SHA256_HEX, U4_VALID_AT } from './__fixtures__/vectors';
import { SIGNER_OWNER } from './constants';
import { parseFormBody, type Fields } from './params';
import { signedDigestHex, withoutBlankFields } from './sign';
import { createMessageVerifier, signerOwnerOf, type SignerTrust } from './verify';

const u4 = parseFormBody(U4_MESSAGE) as Fields;
const NOW_2030 = Date.UTC(2030, 0, 1);

function countingCrypto(crypto: CryptoProvider) {
  const counts = { rsaVerify: 0 };
  const wrapped: CryptoProvider = Object.create(crypto) as CryptoProvider;
  wrapped.rsaVerify = (...args) => {
    counts.rsaVerify++;
    return crypto.rsaVerify(...args);
  };
  return { wrapped, counts };
}

async function u4Trust(overrides: Partial<SignerTrust> = {}): Promise<SignerTrust> {
  return {
    crypto: await testCrypto(),
    rootCert: parseCertificate(TEST_ROOT_CERT_PEM, 'root'),
    middleCert: parseCertificate(TEST_MIDDLE_CERT_PEM, 'middle'),
    signerOwner: SIGNER_OWNER.test,
    clock: () => U4_VALID_AT,
    ...overrides,
  };
}

async function sandboxTrust(overrides: Partial<SignerTrust> = {}): Promise<SignerTrust> {
  return u4Trust({
    rootCert: parseCertificate(SANDBOX_ROOT_CERT_PEM, 'root'),
    middleCert: parseCertificate(SANDBOX_MIDDLE_CERT_PEM, 'middle'),
    clock: () => NOW_2030,
    ...overrides,
  });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(PaySignatureError.isInstance(error)).toBe(true);
  return (error as PaySignatureError).code;
}

describe('UnionPay message verification (U4: a real test-environment message)', () => {
  it('digest of the U4 sign string is the vector', async () => {
    expect(await signedDigestHex(await testCrypto(), 'SHA-256', u4)).toBe(U4_SHA256_HEX);
    expect(signerOwnerOf(parseCertificate(u4.signPubKeyCert as string, 'u4'))).toBe('00040000:SIGN');
  });

  it('verifies through the embedded certificate and the published test chain, at a time inside its validity', async () => {
    const verify = createMessageVerifier(await u4Trust());
    await expect(verify(u4)).resolves.toBe(u4);
  });

  it.each(Object.keys(u4).filter((k) => k !== 'signature' && k !== 'signPubKeyCert'))('rejects a one-byte change of %s', async (key) => {
    const verify = createMessageVerifier(await u4Trust());
    const value = u4[key] as string;
    const changed = value.slice(0, -1) + (value.endsWith('0') ? '1' : '0');
    expect(await refusal(verify({ ...u4, [key]: changed }))).toBe(key === 'signMethod' ? 'SIGN_METHOD_UNSUPPORTED' : 'SIGNATURE_INVALID');
  });

  it('rejects an added field and a changed signature byte', async () => {
    const verify = createMessageVerifier(await u4Trust());
    expect(await refusal(verify({ ...u4, extra: '1' }))).toBe('SIGNATURE_INVALID');
    const sig = u4.signature as string;
    expect(await refusal(verify({ ...u4, signature: (sig[0] === 'b' ? 'c' : 'b') + sig.slice(1) }))).toBe('SIGNATURE_INVALID');
  });

  it('rejects it today: the embedded certificate expired in 2017', async () => {
    const verify = createMessageVerifier(await u4Trust({ clock: () => NOW_2030 }));
    expect(await refusal(verify(u4))).toBe('CERTIFICATE_EXPIRED');
  });

  it('rejects it in production: the owner is the test identity, not 中国银联股份有限公司', async () => {
    const verify = createMessageVerifier(await u4Trust({ signerOwner: SIGNER_OWNER.production }));
    expect(await refusal(verify(u4))).toBe('CERTIFICATE_OWNER_MISMATCH');
  });

  it('rejects it when the configured chain is another one', async () => {
    const verify = createMessageVerifier(await sandboxTrust({ clock: () => U4_VALID_AT }));
    expect(await refusal(verify(u4))).toBe('CERTIFICATE_UNTRUSTED');
  });

  it('rejects a message re-signed by the merchant test key whose certificate is issued by the same CFCA middle', async () => {
    // K6 is issued by CFCA TEST OCA1 too, but its CN owner part is 700000000000001:SIGN, not UnionPay's.
    const forged = await signAsGateway({ ...u4, signPubKeyCert: '' }, TEST_SIGN_KEY_PEM, TEST_SIGN_CERT_PEM);
    const verify = createMessageVerifier(await u4Trust({ clock: () => Date.UTC(2017, 0, 1) }));
    expect(await refusal(verify(forged))).toBe('CERTIFICATE_OWNER_MISMATCH');
  });
});

describe('UnionPay message verification (generated chain)', () => {
  it('accepts the production owner in production and not in test', async () => {
    const message = await signAsGateway({ respCode: '00' }, SANDBOX_PRODUCTION_GATEWAY_KEY_PEM, SANDBOX_PRODUCTION_GATEWAY_CERT_PEM);
    await expect(createMessageVerifier(await sandboxTrust({ signerOwner: SIGNER_OWNER.production }))(message)).resolves.toBe(message);
    expect(await refusal(createMessageVerifier(await sandboxTrust())(message))).toBe('CERTIFICATE_OWNER_MISMATCH');
  });

  it('rejects an impostor chain with the same names but other keys', async () => {
    const message = await signAsGateway({ respCode: '00' }, IMPOSTOR_GATEWAY_KEY_PEM, IMPOSTOR_GATEWAY_CERT_PEM);
    expect(await refusal(createMessageVerifier(await sandboxTrust())(message))).toBe('CERTIFICATE_UNTRUSTED');
  });

  it('rejects an expired certificate of the right chain', async () => {
    const message = await signAsGateway({ respCode: '00' }, SANDBOX_GATEWAY_KEY_PEM, EXPIRED_GATEWAY_CERT_PEM);
    expect(await refusal(createMessageVerifier(await sandboxTrust())(message))).toBe('CERTIFICATE_EXPIRED');
    await expect(createMessageVerifier(await sandboxTrust({ clock: () => Date.UTC(2024, 5, 1) }))(message)).resolves.toBe(message);
  });

  it('checks the whole chain at the clock on every message, the cached signer included', async () => {
    const message = await signAsGateway({ respCode: '00' });
    const middle = parseCertificate(SANDBOX_MIDDLE_CERT_PEM, 'middle');
    const root = parseCertificate(SANDBOX_ROOT_CERT_PEM, 'root');
    const signer = parseCertificate(message.signPubKeyCert as string, 'signer');
    let now = NOW_2030;
    const verify = createMessageVerifier(await sandboxTrust({ clock: () => now }));
    await expect(verify(message)).resolves.toBe(message);
    now = signer.notAfter.getTime();
    await expect(verify(message)).resolves.toBe(message); // the last valid millisecond
    now += 1;
    expect(await refusal(verify(message))).toBe('CERTIFICATE_EXPIRED');
    now = signer.notBefore.getTime() - 1;
    expect(await refusal(verify(message))).toBe('CERTIFICATE_EXPIRED');

    // The signer is valid in 2030, but a middle or root that has expired (or is not valid yet) fails the message.
    const expiredMiddle = { ...middle, notAfter: new Date(NOW_2030 - 1) };
    expect(await refusal(createMessageVerifier(await sandboxTrust({ middleCert: expiredMiddle }))(message))).toBe('CERTIFICATE_EXPIRED');
    const futureRoot = { ...root, notBefore: new Date(NOW_2030 + 1) };
    expect(await refusal(createMessageVerifier(await sandboxTrust({ rootCert: futureRoot }))(message))).toBe('CERTIFICATE_EXPIRED');
  });

  it('costs one RSA verify once the certificate is trusted (cached per PEM)', async () => {
    const { wrapped, counts } = countingCrypto(await testCrypto());
    const verify = createMessageVerifier(await sandboxTrust({ crypto: wrapped }));
    const first = await signAsGateway({ respCode: '00', orderId: '1' });
    const second = await signAsGateway({ respCode: '00', orderId: '2' });
    await verify(first);
    expect(counts.rsaVerify).toBe(2); // chain link + message
    await verify(second);
    expect(counts.rsaVerify).toBe(3);
  });

  it('does not cache an untrusted certificate', async () => {
    const { wrapped, counts } = countingCrypto(await testCrypto());
    const verify = createMessageVerifier(await sandboxTrust({ crypto: wrapped }));
    const message = await signAsGateway({ respCode: '00' }, IMPOSTOR_GATEWAY_KEY_PEM, IMPOSTOR_GATEWAY_CERT_PEM);
    await refusal(verify(message));
    await refusal(verify(message));
    expect(counts.rsaVerify).toBe(2);
  });

  it.each([
    [{ signMethod: '11' }, 'SIGN_METHOD_UNSUPPORTED'],
    [{ signature: '' }, 'SIGNATURE_MISSING'],
    [{ signPubKeyCert: '' }, 'CERTIFICATE_MISSING'],
    [{ signPubKeyCert: '-----BEGIN CERTIFICATE-----\r\nAAAA\r\n-----END CERTIFICATE-----' }, 'CERTIFICATE_INVALID'],
  ])('refuses %j with %s', async (change, code) => {
    const message = await signAsGateway({ respCode: '00' });
    expect(await refusal(createMessageVerifier(await sandboxTrust())({ ...message, ...change }))).toBe(code);
  });
});

describe('UnionPay 5.0.0 messages (U3, SHA-1)', () => {
  const u3: Fields = { ...withoutBlankFields({ ...U2_PARAMS, version: '5.0.0' }), signature: U3_SIGNATURE };

  it('verify only against a configured verify certificate with the message certId', async () => {
    const crypto = await testCrypto();
    const certificate = parseCertificate(TEST_SIGN_CERT_PEM, 'verify cert');
    const legacy = { certificate, key: await crypto.importRsaPublicKey(certificate.spki) };
    const at2017 = () => Date.UTC(2017, 0, 1);
    expect(u3.certId).toBe(TEST_CERT_ID);
    await expect(createMessageVerifier(await u4Trust({ legacy, clock: at2017 }))(u3)).resolves.toBe(u3);
    expect(await refusal(createMessageVerifier(await u4Trust({ legacy, clock: at2017 }))({ ...u3, txnAmt: '1001' }))).toBe('SIGNATURE_INVALID');
    expect(await refusal(createMessageVerifier(await u4Trust({ legacy, clock: at2017 }))({ ...u3, certId: '1' }))).toBe('VERIFY_CERT_UNAVAILABLE');
    expect(await refusal(createMessageVerifier(await u4Trust({ clock: at2017 }))(u3))).toBe('VERIFY_CERT_UNAVAILABLE');
    // Outside the verify certificate's validity, the message is refused like any other.
    const afterExpiry = () => certificate.notAfter.getTime() + 1;
    expect(await refusal(createMessageVerifier(await u4Trust({ legacy, clock: afterExpiry }))(u3))).toBe('CERTIFICATE_EXPIRED');
  });
});
