import { describe, expect, it } from 'vitest';
import { parseRsaPublicKey } from '../../crypto/keys';
import { parseCertificates } from '../../crypto/x509';
import { testCrypto } from '../../testing/crypto';
import { toBase64 } from '../../internal/encoding';
import { ALIPAY_PUBLIC_CERT, ALIPAY_ROOT_CERT, APP_CERT } from './__fixtures__/certs';
import { A8 } from './__fixtures__/vectors';
import { certificateSn, issuerDn, rootCertificateSn } from './cert';

const crypto = await testCrypto();
const [app] = parseCertificates(APP_CERT, 'app');
const [alipayCert] = parseCertificates(ALIPAY_PUBLIC_CERT, 'alipay');
const root = parseCertificates(ALIPAY_ROOT_CERT, 'root');

describe('certificate SNs (vector A8)', () => {
  it('builds the issuer DN in reverse order and reads the decimal serial', () => {
    expect(issuerDn(app!.issuer)).toBe(A8.appIssuerDn);
    expect(app!.serialDecimal).toBe(A8.appSerial);
  });

  it('computes app_cert_sn and the Alipay certificate SN', async () => {
    expect(await certificateSn(crypto, app!)).toBe(A8.appCertSn);
    expect(await certificateSn(crypto, alipayCert!)).toBe(A8.alipayCertSn);
  });

  it('computes the SN of every root in the bundle, and alipay_root_cert_sn from the RSA-signed ones only', async () => {
    expect(await Promise.all(root.map((cert) => certificateSn(crypto, cert)))).toEqual(A8.rootSns);
    expect(await rootCertificateSn(crypto, root)).toBe(A8.rootCertSn);
  });

  it('a certificate with another serial gets another SN', async () => {
    const changed = { ...app!, serialDecimal: `${app!.serialDecimal.slice(0, -1)}1` };
    expect(await certificateSn(crypto, changed)).not.toBe(A8.appCertSn);
  });

  it('refuses a root bundle without any RSA-signed certificate', async () => {
    await expect(rootCertificateSn(crypto, [root[0]!, root[2]!])).rejects.toMatchObject({ type: 'PayConfigError' });
  });

  it('extracts the Alipay public key from its certificate', () => {
    expect(toBase64(parseRsaPublicKey(alipayCert!.spki, 'cert').spki)).toBe(A8.alipayCertPublicKey);
  });

  it('escapes RFC 2253 special characters', () => {
    expect(issuerDn([{ type: '2.5.4.6', name: 'C', value: 'CN' }, { type: '2.5.4.10', name: 'O', value: 'A, B+C' }])).toBe('O=A\\, B\\+C,C=CN');
  });
});
