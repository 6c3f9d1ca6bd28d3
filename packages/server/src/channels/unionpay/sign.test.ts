import { describe, expect, it } from 'vitest';
import { parseRsaPrivateKey } from '../../crypto/keys';
import { parseCertificate } from '../../crypto/x509';
import { testCrypto } from '../../testing/crypto';
import { TEST_SIGN_CERT_PEM, TEST_SIGN_KEY_PEM } from './__fixtures__/test-certs';
import { U2_PARAMS, U2_SHA256_HEX, U2_SIGN_STRING, U2_SIGNATURE, U3_SHA1_HEX, U3_SIGNATURE } from './__fixtures__/vectors';
import { checkFieldsSignature, signedDigestHex, signFields, stringToSign, withoutBlankFields } from './sign';

async function keys() {
  const crypto = await testCrypto();
  const privateKey = await crypto.importRsaPrivateKey(parseRsaPrivateKey(TEST_SIGN_KEY_PEM, 'K6').pkcs8);
  const publicKey = await crypto.importRsaPublicKey(parseCertificate(TEST_SIGN_CERT_PEM, 'K6 cert').spki);
  return { crypto, privateKey, publicKey };
}

describe('UnionPay signMethod 01', () => {
  it('U2: drops blank reqReserved and builds the sorted string to sign', () => {
    const clean = withoutBlankFields(U2_PARAMS);
    expect(clean).not.toHaveProperty('reqReserved');
    expect(stringToSign(clean)).toBe(U2_SIGN_STRING);
  });

  it('U2: SHA-256 hex digest and the 5.1.0 signature, byte for byte', async () => {
    const { crypto, privateKey } = await keys();
    const clean = withoutBlankFields(U2_PARAMS);
    expect(await signedDigestHex(crypto, 'SHA-256', clean)).toBe(U2_SHA256_HEX);
    expect(await signFields(crypto, privateKey, clean)).toBe(U2_SIGNATURE);
  });

  it('U3: version 5.0.0 signs with SHA-1', async () => {
    const { crypto, privateKey } = await keys();
    const clean = withoutBlankFields({ ...U2_PARAMS, version: '5.0.0' });
    expect(await signedDigestHex(crypto, 'SHA-1', clean)).toBe(U3_SHA1_HEX);
    expect(await signFields(crypto, privateKey, clean)).toBe(U3_SIGNATURE);
  });

  it('verifies U2 and U3 with the certificate key, and rejects a one-byte change', async () => {
    const { crypto, publicKey } = await keys();
    const u2 = { ...withoutBlankFields(U2_PARAMS), signature: U2_SIGNATURE };
    const u3 = { ...withoutBlankFields({ ...U2_PARAMS, version: '5.0.0' }), signature: U3_SIGNATURE };
    expect(await checkFieldsSignature(crypto, publicKey, u2)).toBe(true);
    expect(await checkFieldsSignature(crypto, publicKey, u3)).toBe(true);
    expect(await checkFieldsSignature(crypto, publicKey, { ...u2, txnAmt: '1001' })).toBe(false);
    expect(await checkFieldsSignature(crypto, publicKey, { ...u2, version: '5.0.0' })).toBe(false);
    const flipped = (U2_SIGNATURE[5] === 'A' ? 'B' : 'A');
    expect(await checkFieldsSignature(crypto, publicKey, { ...u2, signature: U2_SIGNATURE.slice(0, 5) + flipped + U2_SIGNATURE.slice(6) })).toBe(false);
    expect(await checkFieldsSignature(crypto, publicKey, { ...u2, signature: '' })).toBe(false);
    expect(await checkFieldsSignature(crypto, publicKey, { ...u2, signature: '%%%' })).toBe(false);
  });

  it('the hex step matters: signing the string itself gives another signature', async () => {
    const { crypto, privateKey } = await keys();
    const direct = await crypto.rsaSign('SHA-256', privateKey, new TextEncoder().encode(U2_SIGN_STRING));
    expect(direct).not.toEqual(await signFields(crypto, privateKey, withoutBlankFields(U2_PARAMS)));
  });
});
