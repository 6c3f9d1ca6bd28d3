import { PayConfigError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, toHex } from '../internal/encoding';
import * as G from './__fixtures__/generated-keys';
import * as K from './__fixtures__/keys';
import { parseEcPublicKey, parseRsaPrivateKey, parseRsaPublicKey, publicKeyMatchesPrivateKey } from './keys';

/** The DER inside a single-block PEM, decoded independently of the code under test. */
const pemDer = (pem: string) => fromBase64(pem.replace(/-----[^-]+-----/g, '')) as Uint8Array;
const pemBody = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, '');

// A8 of vectors.md: the public key Alipay's own test extracts from alipayCertPublicKey_RSA2.crt.
const K4_ALIPAY_CERT_SPKI_BASE64 =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAhoVesfcGvUv1XvUndmX0rmSZ/2posJBCooySbSVFpV79RtHMzrVz2aKkC3WvOXeT5iNeQK4mK8gp3vNkWrHTkQGx5BcmkeO1WS384CQde7dAS0gmxeFs5bs+cCQqV2A2c2R9/5rJMtFtp1Ot/rIiMBUn6Ei0UoztM7AneavqQEzSwYlCKNhPFFtHCiz7u4O5R9CIyvUmYr+zpem2HXBN9ygPAZ0aXBQipGbc45+G07ZCNsmY4hV/Igya1aBf+Ye8p10Ew8uBBri0sIknhSC2LqKKy2IH1fO6q1d1jhN240QRHvbpRNv60kAfZsEulBASBrCMBi49NiJyr5nre7SNywIDAQAB';

describe('parseRsaPrivateKey', () => {
  const k1 = parseRsaPrivateKey(K.K1_PRIVATE_PKCS1_PEM, 'alipay privateKey');

  it('wraps PKCS#1 into PKCS#8 around the unchanged RSAPrivateKey', () => {
    const pkcs1 = pemDer(K.K1_PRIVATE_PKCS1_PEM);
    // SEQUENCE { INTEGER 0, SEQUENCE { rsaEncryption, NULL }, OCTET STRING <pkcs1> }
    expect(toHex(k1.pkcs8.subarray(4, 26))).toBe(`020100300d06092a864886f70d010101050004820${pkcs1.length.toString(16)}`);
    expect(toHex(k1.pkcs8.subarray(k1.pkcs8.length - pkcs1.length))).toBe(toHex(pkcs1));
    expect(k1.modulusBits).toBe(2048);
    expect(k1.modulus).toMatch(/^84bde958fe79/);
  });

  it('keeps a canonical PKCS#8 key byte for byte (K5)', () => {
    expect(toHex(parseRsaPrivateKey(K.K5_PRIVATE_PKCS8_PEM, 'wechat privateKey').pkcs8)).toBe(toHex(pemDer(K.K5_PRIVATE_PKCS8_PEM)));
  });

  it.each([
    ['bare base64 PKCS#1 (Alipay console)', pemBody(K.K1_PRIVATE_PKCS1_PEM)],
    ['DER bytes', pemDer(K.K1_PRIVATE_PKCS1_PEM)],
    ['CRLF line breaks', K.K1_PRIVATE_PKCS1_PEM.replace(/\n/g, '\r\n')],
    ['indentation and blank lines', `\n\n    ${K.K1_PRIVATE_PKCS1_PEM.split('\n').join('\n    ')}  \n\n`],
    ['literal \\n from an environment variable', K.K1_PRIVATE_PKCS1_PEM.replace(/\n/g, '\\n')],
    ['one long base64 line', `-----BEGIN RSA PRIVATE KEY-----${pemBody(K.K1_PRIVATE_PKCS1_PEM)}-----END RSA PRIVATE KEY-----`],
    ['the PKCS#8 form of the same key', `-----BEGIN PRIVATE KEY-----\n${toBase64(k1.pkcs8)}\n-----END PRIVATE KEY-----`],
  ])('accepts %s', (_name, input) => {
    expect(toHex(parseRsaPrivateKey(input, 'alipay privateKey').pkcs8)).toBe(toHex(k1.pkcs8));
  });

  it('accepts bare base64 PKCS#8 and picks the private key out of a bundle with a certificate', () => {
    const k5 = toHex(pemDer(K.K5_PRIVATE_PKCS8_PEM));
    expect(toHex(parseRsaPrivateKey(pemBody(K.K5_PRIVATE_PKCS8_PEM), 'x').pkcs8)).toBe(k5);
    const bundle = `${K.K5_CERT_F5765756002FDD77_PEM}\n${K.K5_PRIVATE_PKCS8_PEM}`;
    expect(toHex(parseRsaPrivateKey(bundle, 'x').pkcs8)).toBe(k5);
  });
});

describe('parseRsaPublicKey', () => {
  it('keeps SPKI byte for byte (PEM and bare base64)', () => {
    expect(toHex(parseRsaPublicKey(K.K1_PUBLIC_SPKI_PEM, 'k').spki)).toBe(toHex(pemDer(K.K1_PUBLIC_SPKI_PEM)));
    expect(toBase64(parseRsaPublicKey(K.K3A_PUBLIC_SPKI_BASE64, 'k').spki)).toBe(K.K3A_PUBLIC_SPKI_BASE64);
  });

  it('wraps a PKCS#1 RSA PUBLIC KEY (made by OpenSSL) into the SPKI of the same key', () => {
    expect(toHex(parseRsaPublicKey(G.K1_PKCS1_PUBLIC_PEM, 'k').spki)).toBe(toHex(pemDer(K.K1_PUBLIC_SPKI_PEM)));
  });

  it('extracts the SPKI of a certificate (A8 value)', () => {
    const key = parseRsaPublicKey(K.K4_ALIPAY_CERT_PEM, 'alipay alipayPublicCert');
    expect(toBase64(key.spki)).toBe(K4_ALIPAY_CERT_SPKI_BASE64);
    expect(toBase64(parseRsaPublicKey(pemBody(K.K4_ALIPAY_CERT_PEM), 'k').spki)).toBe(K4_ALIPAY_CERT_SPKI_BASE64);
  });

  it('matches key pairs by modulus', () => {
    const k1 = parseRsaPrivateKey(K.K1_PRIVATE_PKCS1_PEM, 'k');
    expect(publicKeyMatchesPrivateKey(parseRsaPublicKey(K.K1_PUBLIC_SPKI_PEM, 'k'), k1)).toBe(true);
    expect(publicKeyMatchesPrivateKey(parseRsaPublicKey(K.K2_PUBLIC_SPKI_PEM, 'k'), k1)).toBe(false);
    const k5 = parseRsaPrivateKey(K.K5_PRIVATE_PKCS8_PEM, 'k');
    expect(publicKeyMatchesPrivateKey(parseRsaPublicKey(K.K5_CERT_F5765756002FDD77_PEM, 'k'), k5)).toBe(true);
    expect(publicKeyMatchesPrivateKey(parseRsaPublicKey(K.K6_SIGN_CERT_PEM, 'k'), parseRsaPrivateKey(K.K6_PRIVATE_PKCS1_PEM, 'k'))).toBe(true);
  });
});

describe('parseEcPublicKey', () => {
  it('reads P-256 and P-384 keys from certificates and SPKI', () => {
    expect(parseEcPublicKey(K.K7_APPLE_TEST_CA_BASE64, 'apple root').curve).toBe('P-256');
    expect(parseEcPublicKey(K.K7_APPLE_ROOT_G3_BASE64, 'apple root').curve).toBe('P-384');
    const p256 = parseEcPublicKey(G.EC_P256_PUBLIC_PEM, 'k');
    expect(toHex(p256.spki)).toBe(toHex(pemDer(G.EC_P256_PUBLIC_PEM)));
    // P4 of vectors.md: the leaf SPKI of the Apple test chain.
    expect(toBase64(parseEcPublicKey(K.APPLE_TEST_LEAF_BASE64, 'x5c[0]').spki)).toBe(
      'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE4rWBxGmFbnPIPQI0zsBKzLxsj8pD2vqbr0yPISUx2WQyxmrNql9fhK8YEEyYFV7++p5i4YUSR/o9uQIgCPIhrA==',
    );
  });
});

describe('refusals name the field, say what to do and never echo key material', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['encrypted PKCS#8', () => parseRsaPrivateKey(G.K1_ENCRYPTED_PKCS8_PEM, 'alipay privateKey'), /password-protected.*decrypt/],
    ['Proc-Type encrypted PEM', () => parseRsaPrivateKey(G.K1_ENCRYPTED_LEGACY_PEM, 'alipay privateKey'), /password-protected/],
    ['bare encrypted PKCS#8', () => parseRsaPrivateKey(pemBody(G.K1_ENCRYPTED_PKCS8_PEM), 'alipay privateKey'), /password-protected/],
    ['public key as private key', () => parseRsaPrivateKey(K.K1_PUBLIC_SPKI_PEM, 'alipay privateKey'), /public key.*private key is needed/],
    ['certificate as private key', () => parseRsaPrivateKey(K.K4_APP_CERT_PEM, 'alipay privateKey'), /private key is needed/],
    ['private key as public key', () => parseRsaPublicKey(K.K1_PRIVATE_PKCS1_PEM, 'alipay alipayPublicKey'), /is a private key.*public key/],
    ['bare private key as public key', () => parseRsaPublicKey(pemBody(K.K5_PRIVATE_PKCS8_PEM), 'alipay alipayPublicKey'), /is a private key/],
    ['EC SEC1 private key', () => parseRsaPrivateKey(G.EC_P256_SEC1_PRIVATE_PEM, 'alipay privateKey'), /not an RSA key/],
    ['EC PKCS#8 private key', () => parseRsaPrivateKey(G.EC_P256_PKCS8_PRIVATE_PEM, 'alipay privateKey'), /not an RSA key/],
    ['EC public key as RSA', () => parseRsaPublicKey(G.EC_P256_PUBLIC_PEM, 'alipay alipayPublicKey'), /not an RSA key/],
    ['EC certificate as RSA', () => parseRsaPublicKey(K.K7_APPLE_TEST_CA_BASE64, 'alipay alipayPublicKey'), /not an RSA key/],
    ['Ed25519 key as RSA', () => parseRsaPublicKey(G.ED25519_PUBLIC_PEM, 'alipay alipayPublicKey'), /not an RSA key/],
    ['RSA key as EC', () => parseEcPublicKey(K.K1_PUBLIC_SPKI_PEM, 'apple root'), /not an EC key/],
    ['P-521 key', () => parseEcPublicKey(G.EC_P521_PUBLIC_PEM, 'apple root'), /not an EC key on P-256 or P-384/],
    ['garbage text', () => parseRsaPrivateKey('not a key at all!', 'alipay privateKey'), /neither PEM nor base64/],
    ['base64 of garbage', () => parseRsaPrivateKey(toBase64(new Uint8Array(64).fill(7)), 'alipay privateKey'), /not a key payweave can read/],
    ['truncated DER', () => parseRsaPrivateKey(pemDer(K.K1_PRIVATE_PKCS1_PEM).subarray(0, 300), 'alipay privateKey'), /not a key/],
    ['missing END line', () => parseRsaPrivateKey(K.K1_PRIVATE_PKCS1_PEM.split('-----END')[0] as string, 'alipay privateKey'), /END/],
    ['corrupted PEM body', () => parseRsaPrivateKey(K.K1_PRIVATE_PKCS1_PEM.replace('MIIEow', 'MIIEo!'), 'alipay privateKey'), /not valid base64/],
    ['a file path', () => parseRsaPrivateKey('./keys/app-private-key.pem', 'alipay privateKey'), /file path/],
    ['empty string', () => parseRsaPrivateKey('  ', 'alipay privateKey'), /empty/],
    ['empty bytes', () => parseRsaPrivateKey(new Uint8Array(0), 'alipay privateKey'), /empty/],
    ['a number', () => parseRsaPrivateKey(42 as unknown as string, 'alipay privateKey'), /must be a string/],
  ];

  it.each(cases)('%s', (_name, parse, message) => {
    let caught: unknown;
    try {
      parse();
    } catch (error) {
      caught = error;
    }
    expect(PayConfigError.isInstance(caught)).toBe(true);
    const text = (caught as Error).message;
    expect(text).toMatch(message);
    expect(text).toMatch(/^(alipay privateKey|alipay alipayPublicKey|apple root)\b/);
    expect(text).not.toMatch(/[A-Za-z0-9+/]{24,}/);
  });
});
