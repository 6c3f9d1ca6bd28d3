/**
 * Public-key certificate mode (公钥证书模式): the serial numbers Alipay uses to name certificates.
 * SN = md5_hex(issuer DN as Java's getName(RFC2253), i.e. RDNs in reverse encoding order joined by ',' + serial in
 * decimal). The root SN joins the SNs of the RSA-signed certificates of the root bundle with '_' (the bundle also holds
 * SM2 and ECDSA roots, which do not count). Vector A8.
 * @see https://opendocs.alipay.com/common/056zub (公钥证书方式: app_cert_sn, alipay_root_cert_sn)
 */
import { PayConfigError } from '@payweave/core';
import type { CryptoProvider } from '../../crypto/provider';
import { parseCertificates, type Certificate, type NameAttribute } from '../../crypto/x509';
import type { KeyInput } from '../../crypto/keys';
import { toHex, utf8 } from '../../internal/encoding';

/** PKCS#1 signature algorithms (sha1WithRSA, sha256WithRSA...) all live under this arc. */
const RSA_SIGNATURE_ARC = '1.2.840.113549.1.1.';

/** Keywords Java's RFC 2253 output uses; other attribute types are written as their OID. */
const RFC2253_KEYWORDS: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST', '2.5.4.10': 'O', '2.5.4.11': 'OU',
  '2.5.4.9': 'STREET', '0.9.2342.19200300.100.1.25': 'DC', '0.9.2342.19200300.100.1.1': 'UID',
};

/** RFC 2253 section 2.4 escaping (never needed by Alipay's CAs, kept so an odd name cannot collide). */
function escapeValue(value: string): string {
  return value
    .replace(/[,+"\\<>;]/g, (char) => `\\${char}`)
    .replace(/^[ #]/, (char) => `\\${char}`)
    .replace(/ $/, '\\ ');
}

/** The issuer DN string Alipay hashes: attributes in reverse order, `KEY=value`, comma separated, no spaces. */
export function issuerDn(issuer: readonly NameAttribute[]): string {
  return [...issuer]
    .reverse()
    .map((attribute) => `${RFC2253_KEYWORDS[attribute.type] ?? attribute.type}=${escapeValue(attribute.value)}`)
    .join(',');
}

/** The Alipay SN of one certificate: lowercase hex MD5 of issuer DN + decimal serial. */
export async function certificateSn(crypto: CryptoProvider, certificate: Certificate): Promise<string> {
  return toHex(await crypto.digest('MD5', utf8(issuerDn(certificate.issuer) + certificate.serialDecimal)));
}

/** `alipay_root_cert_sn`: SNs of the RSA-signed certificates of the root bundle, in file order, joined with '_'. */
export async function rootCertificateSn(crypto: CryptoProvider, bundle: readonly Certificate[]): Promise<string> {
  const rsaSigned = bundle.filter((certificate) => certificate.signatureAlgorithm.startsWith(RSA_SIGNATURE_ARC));
  if (rsaSigned.length === 0) {
    throw new PayConfigError('alipay alipayRootCert holds no RSA-signed certificate: pass alipayRootCert.crt from the open platform unchanged', {
      channel: 'alipay',
    });
  }
  const sns = await Promise.all(rsaSigned.map((certificate) => certificateSn(crypto, certificate)));
  return sns.join('_');
}

/** The three certificate files of certificate mode, parsed (PayConfigError naming the field when unreadable). */
export interface AlipayCertificates {
  app: Certificate;
  alipay: Certificate;
  root: Certificate[];
}

/** Parse the configured certificate files. */
export function parseAlipayCertificates(app: KeyInput, alipay: KeyInput, root: KeyInput): AlipayCertificates {
  return {
    app: parseCertificates(app, 'alipay appCert')[0] as Certificate,
    alipay: parseCertificates(alipay, 'alipay alipayPublicCert')[0] as Certificate,
    root: parseCertificates(root, 'alipay alipayRootCert'),
  };
}
