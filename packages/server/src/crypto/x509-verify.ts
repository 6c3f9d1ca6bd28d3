/**
 * Certificate signature checks through the `CryptoProvider` (RFC 5280 6.1.3 (a)(1)): one link of a chain. Chain
 * building, validity dates and policy (CN owner, marker OIDs) stay with the channel that knows its rules.
 */
import { PaySignatureError } from '@payweave/core';
import { children, DerError, expectTag, integerBytes, readDer, Tag } from './der';
import type { CryptoProvider, EcCurve, EcdsaHash, RsaHash } from './provider';
import type { Certificate, NameAttribute } from './x509';

const RSA_SIGNATURES: Record<string, RsaHash> = {
  '1.2.840.113549.1.1.5': 'SHA-1', // sha1WithRSAEncryption (UnionPay CFCA chain)
  '1.2.840.113549.1.1.11': 'SHA-256', // sha256WithRSAEncryption
};
const ECDSA_SIGNATURES: Record<string, EcdsaHash> = {
  '1.2.840.10045.4.3.2': 'SHA-256', // ecdsa-with-SHA256 (Apple test chain)
  '1.2.840.10045.4.3.3': 'SHA-384', // ecdsa-with-SHA384 (Apple Root CA - G3)
};
const FIELD_SIZE: Record<EcCurve, number> = { 'P-256': 32, 'P-384': 48 };

/** Convert an ECDSA signature from DER `SEQUENCE { r, s }` to fixed-size `r || s`; null when malformed. */
export function ecdsaDerToP1363(der: Uint8Array, curve: EcCurve): Uint8Array | null {
  const size = FIELD_SIZE[curve];
  try {
    const [r, s, extra] = children(expectTag(readDer(der), Tag.SEQUENCE, 'an ECDSA signature'));
    if (!r || !s || extra) return null;
    const out = new Uint8Array(size * 2);
    for (const [index, part] of [integerBytes(r), integerBytes(s)].entries()) {
      if (part.length > size) return null;
      out.set(part, size * (index + 1) - part.length);
    }
    return out;
  } catch (error) {
    if (error instanceof DerError) return null;
    throw error;
  }
}

const cn = (name: readonly NameAttribute[]) => name.find((a) => a.name === 'CN')?.value ?? '(no CN)';

/** True when the two names are the same attribute sequence (types and values, in order). */
export function namesEqual(a: readonly NameAttribute[], b: readonly NameAttribute[]): boolean {
  return a.length === b.length && a.every((attribute, i) => attribute.type === b[i]?.type && attribute.value === b[i]?.value);
}

async function signatureVerifies(certificate: Certificate, issuer: Certificate, crypto: CryptoProvider): Promise<boolean> {
  const rsaHash = RSA_SIGNATURES[certificate.signatureAlgorithm];
  const ecdsaHash = ECDSA_SIGNATURES[certificate.signatureAlgorithm];
  try {
    if (rsaHash) {
      const key = await crypto.importRsaPublicKey(issuer.spki);
      return await crypto.rsaVerify(rsaHash, key, certificate.tbs, certificate.signature);
    }
    if (ecdsaHash) {
      const key = await crypto.importEcPublicKey(issuer.spki);
      const signature = ecdsaDerToP1363(certificate.signature, key.curve);
      return signature !== null && (await crypto.ecdsaVerify(ecdsaHash, key, certificate.tbs, signature));
    }
  } catch {
    // The issuer key cannot be imported for this algorithm (an RSA signature claimed by an EC issuer, ...).
    return false;
  }
  return false;
}

/**
 * Verify that `issuer`'s key signed `certificate` and that the issuer's subject is the certificate's issuer name.
 * Supports sha1/sha256WithRSA and ecdsa-with-SHA256/384 on P-256/P-384. Throws `PaySignatureError` (code
 * `CERTIFICATE_INVALID`) otherwise; returns nothing on success.
 */
export async function verifyCertificateSignature(certificate: Certificate, issuer: Certificate, crypto: CryptoProvider): Promise<void> {
  const supported = certificate.signatureAlgorithm in RSA_SIGNATURES || certificate.signatureAlgorithm in ECDSA_SIGNATURES;
  if (!supported) {
    throw new PaySignatureError(
      `certificate "${cn(certificate.subject)}" uses signature algorithm ${certificate.signatureAlgorithm}, which payweave does not verify`,
      { code: 'CERTIFICATE_INVALID' },
    );
  }
  if (!namesEqual(certificate.issuer, issuer.subject) || !(await signatureVerifies(certificate, issuer, crypto))) {
    throw new PaySignatureError(
      `certificate "${cn(certificate.subject)}" is not signed by "${cn(issuer.subject)}": the chain does not lead to the trusted certificate`,
      { code: 'CERTIFICATE_INVALID' },
    );
  }
}
