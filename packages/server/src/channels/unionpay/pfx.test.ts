import { PayConfigError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import { parseRsaPrivateKey, parseRsaPublicKey } from '../../crypto/keys';
import { parseCertificate, parseCertificateDer } from '../../crypto/x509';
import { TEST_CERT_ID, TEST_SIGN_CERT_PEM, TEST_SIGN_KEY_PEM } from './__fixtures__/test-certs';
import { TEST_PFX_DECOYS_FIRST_BASE64, TEST_PFX_LEGACY_BASE64, TEST_PFX_NO_KEY_BASE64, TEST_PFX_PASSPHRASE } from './__fixtures__/test-pfx';
import { fromBase64 } from '../../internal/encoding';
import { readSigningPfx } from './pfx';

const k6Certificate = parseCertificate(TEST_SIGN_CERT_PEM, 'K6');
const k6Modulus = parseRsaPrivateKey(TEST_SIGN_KEY_PEM, 'K6 key').modulus;

describe('readSigningPfx (U1)', () => {
  it.each([
    ['legacy RC2-40 file, signing certificate first', TEST_PFX_LEGACY_BASE64],
    ['3DES file, CA certificates before the signing certificate, no localKeyId', TEST_PFX_DECOYS_FIRST_BASE64],
  ])('%s: picks the certificate that matches the key, certId 68759663125', (_name, pfx) => {
    const contents = readSigningPfx(pfx, TEST_PFX_PASSPHRASE);
    const certificate = parseCertificateDer(contents.certificateDer);
    expect(certificate.serialDecimal).toBe(TEST_CERT_ID);
    expect(certificate.serialHex).toBe('1002653215');
    expect(contents.certificateDer).toEqual(k6Certificate.der);
    expect(parseRsaPrivateKey(contents.privateKeyPkcs8, 'pfx key').modulus).toBe(k6Modulus);
    expect(parseRsaPublicKey(contents.certificateDer, 'pfx cert').modulus).toBe(k6Modulus);
  });

  it('accepts the file bytes as well as base64', () => {
    const bytes = fromBase64(TEST_PFX_LEGACY_BASE64) as Uint8Array;
    expect(parseCertificateDer(readSigningPfx(bytes, '000000').certificateDer).serialDecimal).toBe(TEST_CERT_ID);
  });

  it('refuses a wrong passphrase with a PayConfigError that names the passphrase', () => {
    expect(() => readSigningPfx(TEST_PFX_LEGACY_BASE64, '000001')).toThrow(PayConfigError);
    expect(() => readSigningPfx(TEST_PFX_LEGACY_BASE64, '000001')).toThrow(/passphrase/);
  });

  it('refuses a PFX without a private key', () => {
    expect(() => readSigningPfx(TEST_PFX_NO_KEY_BASE64, '000000')).toThrow(/no RSA private key/);
  });

  it.each([['not base64 !!'], [new Uint8Array(10)], [new Uint8Array(64).fill(0x30)], ['MIIBAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']])(
    'refuses garbage with a PayConfigError (%#)',
    (input) => {
      expect(() => readSigningPfx(input, '000000')).toThrow(PayConfigError);
    },
  );
});
