import { PayConfigError, PaySignatureError } from '@payweave/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toHex, utf8 } from '../internal/encoding';
import { testCrypto } from '../testing/crypto';
import * as K from './__fixtures__/keys';
import * as V from './__fixtures__/vectors';
import type { CryptoProvider } from './provider';
import { ecdsaDerToP1363 } from './x509-verify';
import { isValidAt, nameAttribute, parseCertificate, parseCertificates, verifyCertificateSignature, type Certificate } from './x509';

const APPLE_LEAF_OID = '1.2.840.113635.100.6.11.1';
const APPLE_INTERMEDIATE_OID = '1.2.840.113635.100.6.2.1';
const x5c = (jws: string) =>
  (JSON.parse(new TextDecoder().decode(fromBase64(jws.split('.')[0] as string) as Uint8Array)) as { x5c: string[] }).x5c;
/** Alipay's SN (A8): md5 of the issuer DN written CN-first, followed by the decimal serial. */
const issuerString = (cert: Certificate) => [...cert.issuer].reverse().map((a) => `${a.name}=${a.value}`).join(',');

let crypto: CryptoProvider;
beforeAll(async () => {
  crypto = await testCrypto();
});

const rejects = async (certificate: Certificate, issuer: Certificate) => {
  const outcome = await verifyCertificateSignature(certificate, issuer, crypto).then(() => null, (error: unknown) => error);
  expect(PaySignatureError.isInstance(outcome)).toBe(true);
  expect((outcome as PaySignatureError).code).toBe('CERTIFICATE_INVALID');
};

describe('parseCertificate: Alipay certificate mode (K4, A8)', () => {
  it.each([
    [K.K4_APP_CERT_PEM, 'CN=Ant Financial Certification Authority Class 1 R1,OU=Certification Authority,O=Ant Financial,C=CN', '42701552708448241360226107228231049510', '866efef280dec9137a87d047ac446315'],
    [K.K4_ALIPAY_CERT_PEM, 'CN=Ant Financial Certification Authority Class 2 R1,OU=Certification Authority,O=Ant Financial,C=CN', '42701552432456004857627230056898180491', '7513daaaa48aa3ba2e4018d84402479c'],
  ])('reads issuer order, decimal serial and SN', async (pem, issuer, serial, sn) => {
    const cert = parseCertificate(pem, 'alipay appCert');
    expect(cert.issuer.map((a) => a.name)).toEqual(['C', 'O', 'OU', 'CN']);
    expect(issuerString(cert)).toBe(issuer);
    expect(cert.serialDecimal).toBe(serial);
    expect(toHex(await crypto.digest('MD5', utf8(issuer + serial)))).toBe(sn);
    expect(cert.isCa).toBe(false);
    expect(cert.signatureAlgorithm).toBe('1.2.840.113549.1.1.11');
  });

  it('decodes UTF-8 names and validity dates', () => {
    const cert = parseCertificate(K.K4_ALIPAY_CERT_PEM, 'alipay alipayCert');
    expect(nameAttribute(cert.subject, 'CN')).toBe('支付宝(中国)网络技术有限公司-2088831204659217');
    expect(nameAttribute(cert.subject, '2.5.4.10')).toBe('杭州焕旭信息技术有限公司');
    const app = parseCertificate(K.K4_APP_CERT_PEM, 'alipay appCert');
    expect(app.notBefore.toISOString()).toBe('2020-05-18T05:28:47.000Z');
    expect(app.notAfter.toISOString()).toBe('2022-05-18T05:28:47.000Z');
    expect(isValidAt(app, new Date('2021-01-01T00:00:00Z'))).toBe(true);
    expect(isValidAt(app, new Date('2023-01-01T00:00:00Z'))).toBe(false);
  });

  it('reads the four-certificate root bundle and verifies the self-signatures it can (RSA-SHA256, ECDSA-P384, RSA-SHA1)', async () => {
    const roots = parseCertificates(K.K4_ROOT_BUNDLE_PEM, 'alipay alipayRootCert');
    expect(roots.map((c) => c.signatureAlgorithm)).toEqual(['1.2.156.10197.1.501', '1.2.840.113549.1.1.11', '1.2.840.10045.4.3.3', '1.2.840.113549.1.1.5']);
    expect(roots.map((c) => c.serialDecimal)).toEqual(['7629940819692799611', '2292228364100439313', '4719484692854726474', '95790491425698859646659490580052089075020051350']);
    const sns = await Promise.all([roots[1], roots[3]].map(async (c) => toHex(await crypto.digest('MD5', utf8(issuerString(c as Certificate) + (c as Certificate).serialDecimal)))));
    expect(sns.join('_')).toBe('687b59193f3f462dd5336e5abf83c5d8_02941eef3187dddf3d3b83462e1dfcf6');
    expect(roots.every((c) => c.isCa)).toBe(true);
    for (const root of roots.slice(1)) await verifyCertificateSignature(root, root, crypto);
    await rejects(roots[0] as Certificate, roots[0] as Certificate); // SM2: not verified by payweave
    await rejects(roots[1] as Certificate, roots[3] as Certificate);
  });
});

describe('UnionPay test chain (K6, U1, U4)', () => {
  const sign = parseCertificate(K.K6_SIGN_CERT_PEM, 'unionpay signCert');
  const middle = parseCertificate(K.K6_MIDDLE_CERT_PEM, 'unionpay middleCert');
  const root = parseCertificate(K.K6_ROOT_CERT_PEM, 'unionpay rootCert');
  const gateway = parseCertificate(V.U4_SIGN_PUB_KEY_CERT, 'signPubKeyCert', 'message');

  it('reads serial as certId and the CN owner field', () => {
    expect(sign.serialHex).toBe('1002653215');
    expect(sign.serialDecimal).toBe('68759663125');
    expect(nameAttribute(gateway.subject, 'CN')?.split('@')[2]).toBe('00040000:SIGN');
    expect(gateway.serialHex).toBe('1002640149');
    expect(nameAttribute(gateway.issuer, 'CN')).toBe('CFCA TEST OCA1');
    expect([middle.isCa, root.isCa, gateway.isCa]).toEqual([true, true, false]);
    expect(isValidAt(gateway, new Date('2017-10-30T22:36:23+08:00'))).toBe(true);
  });

  it('verifies signPubKeyCert <- middle <- root (SHA-1 RSA) and refuses wrong links', async () => {
    await verifyCertificateSignature(gateway, middle, crypto);
    await verifyCertificateSignature(sign, middle, crypto);
    await verifyCertificateSignature(middle, root, crypto);
    await verifyCertificateSignature(root, root, crypto);
    await rejects(gateway, root);
    await rejects(middle, middle);
  });

  it('refuses a certificate whose signed part was altered', async () => {
    const der = gateway.der.slice();
    const needle = utf8('@00040000:SIGN'); // inside the subject CN, part of the signed bytes
    const at = der.findIndex((_, i) => needle.every((byte, j) => der[i + j] === byte));
    expect(at).toBeGreaterThan(0);
    der[at + 1] = '9'.charCodeAt(0);
    await rejects(parseCertificate(der, 'signPubKeyCert', 'message'), middle);
  });
});

describe('WeChat Pay platform certificates (K5)', () => {
  it('gives the serial in the Wechatpay-Serial format, without the DER sign byte', async () => {
    const a = parseCertificate(K.K5_CERT_F5765756002FDD77_PEM, 'wechat platformCert');
    const b = parseCertificate(K.K5_CERT_D7CE59D1F522D701_PEM, 'wechat platformCert');
    expect([a.serialHex, b.serialHex]).toEqual(['F5765756002FDD77', 'D7CE59D1F522D701']);
    await verifyCertificateSignature(a, a, crypto);
  });
});

describe('Apple x5c chains (P1, P4, K7)', () => {
  const testCa = parseCertificate(K.K7_APPLE_TEST_CA_BASE64, 'apple root');
  const appleRoot = parseCertificate(K.K7_APPLE_ROOT_G3_BASE64, 'apple root');

  it('verifies the P1 chain leaf <- intermediate <- test CA (ES256, and the CA self-signed with ECDSA-SHA384 on P-256)', async () => {
    const [leaf, intermediate] = x5c(V.P1_JWS).map((entry) => parseCertificate(entry, 'x5c', 'message')) as [Certificate, Certificate];
    expect(leaf.extensionOids).toContain(APPLE_LEAF_OID);
    expect(intermediate.extensionOids).toContain(APPLE_INTERMEDIATE_OID);
    expect([leaf.isCa, intermediate.isCa]).toEqual([false, true]);
    await verifyCertificateSignature(leaf, intermediate, crypto);
    await verifyCertificateSignature(intermediate, testCa, crypto);
    await verifyCertificateSignature(testCa, testCa, crypto);
    await rejects(intermediate, appleRoot);
    await rejects(leaf, testCa);
  });

  it('verifies the real Apple chain (ECDSA P-384 / SHA-384) and refuses a test leaf under the real intermediate', async () => {
    const leaf = parseCertificate(K.APPLE_REAL_LEAF_BASE64, 'x5c', 'message');
    const intermediate = parseCertificate(K.APPLE_REAL_INTERMEDIATE_BASE64, 'x5c', 'message');
    expect(nameAttribute(appleRoot.subject, 'CN')).toBe('Apple Root CA - G3');
    expect(leaf.extensionOids).toContain(APPLE_LEAF_OID);
    expect(intermediate.extensionOids).toContain(APPLE_INTERMEDIATE_OID);
    await verifyCertificateSignature(leaf, intermediate, crypto);
    await verifyCertificateSignature(intermediate, appleRoot, crypto);
    await rejects(parseCertificate(K.APPLE_TEST_LEAF_BASE64, 'x5c', 'message'), intermediate);
    await verifyCertificateSignature(parseCertificate(K.APPLE_TEST_LEAF_BASE64, 'x5c'), parseCertificate(K.APPLE_TEST_INTERMEDIATE_BASE64, 'x5c'), crypto);
  });
});

describe('errors and helpers', () => {
  it('reports unreadable certificates by source', () => {
    expect(() => parseCertificate('not a certificate', 'apple x5c[0]', 'message')).toThrow(PaySignatureError);
    expect(() => parseCertificate(K.K1_PUBLIC_SPKI_PEM, 'unionpay rootCert')).toThrow(/no CERTIFICATE block/);
    expect(() => parseCertificate(K.K3A_PUBLIC_SPKI_BASE64, 'unionpay rootCert')).toThrow(PayConfigError);
    expect(() => parseCertificate(K.K3A_PUBLIC_SPKI_BASE64, 'unionpay rootCert')).toThrow(/^unionpay rootCert is not a readable X.509/);
  });

  it('converts DER ECDSA signatures to fixed-size r || s', () => {
    const der = Uint8Array.from([0x30, 0x08, 0x02, 0x02, 0x00, 0x81, 0x02, 0x02, 0x01, 0x02]);
    const p1363 = ecdsaDerToP1363(der, 'P-256') as Uint8Array;
    expect(toHex(p1363)).toBe(`${'00'.repeat(31)}81${'00'.repeat(30)}0102`);
    expect(ecdsaDerToP1363(Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x01]), 'P-256')).toBeNull();
    expect(ecdsaDerToP1363(Uint8Array.from([0x30, 0x26, 0x02, 0x21, ...new Array<number>(33).fill(1), 0x02, 0x01, 0x01]), 'P-256')).toBeNull();
  });
});
