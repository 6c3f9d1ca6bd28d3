/**
 * Verifying what UnionPay signs (responses, back and front notifications).
 *
 * 5.1.0 messages carry their signing certificate in `signPubKeyCert`. It is trusted only when it is issued by the
 * configured middle certificate (itself issued by the configured root), is valid now, and names UnionPay as its
 * owner (subject CN, third `@`-separated part). A trusted certificate is cached by its PEM text, so a warm
 * verification costs one RSA verify. 5.0.0 messages name a `certId` instead: they verify only against a configured
 * `verifyCert` with that serial.
 * @see https://open.unionpay.com/tjweb/acproduct/APIList?apiservId=448 (验签: validate + verifyCertificate of the SDK)
 */
import { PaySignatureError } from '@payweave/core';
import type { CryptoProvider, RsaPublicKeyHandle } from '../../crypto/provider';
import { nameAttribute, parseCertificate, verifyCertificateSignature, type Certificate } from '../../crypto/x509';
import { LEGACY_ACP_VERSION, SIGN_METHOD_RSA } from './constants';
import type { Fields } from './params';
import { hashForVersion, hexAsciiBytes, signatureBytes, stringToSign } from './sign';

/** What a verifier trusts. */
export interface SignerTrust {
  crypto: CryptoProvider;
  rootCert: Certificate;
  middleCert: Certificate;
  /** Expected CN owner part: `中国银联股份有限公司` in production. */
  signerOwner: string;
  /** Epoch ms: certificates must be valid at this time. */
  clock: () => number;
  /** 5.0.0 verify certificate, already imported. */
  legacy?: { certificate: Certificate; key: RsaPublicKeyHandle };
}

/** Verifies a parsed UnionPay message; resolves to the same fields or throws `PaySignatureError`. */
export type MessageVerifier = (fields: Fields) => Promise<Fields>;

interface TrustedSigner {
  certificate: Certificate;
  key: RsaPublicKeyHandle;
  /**
   * Epoch ms window in which every certificate that vouches for this signer is valid (the signing certificate, and for
   * 5.1.0 also the middle and root): computed once, so a warm verification compares two numbers.
   */
  validFrom: number;
  validUntil: number;
}

const CACHE_LIMIT = 16; // UnionPay rotates its signing certificate rarely; a handful covers any overlap period.

function refuse(code: string, message: string, cause?: unknown): PaySignatureError {
  return new PaySignatureError(message, { code, channel: 'unionpay', ...(cause === undefined ? {} : { cause }) });
}

/** The owner part of a UnionPay signing certificate's CN (`041@Z12@中国银联股份有限公司@00000001`). */
export function signerOwnerOf(certificate: Certificate): string | undefined {
  return nameAttribute(certificate.subject, 'CN')?.split('@')[2];
}

async function establishSigner(trust: SignerTrust, pem: string): Promise<TrustedSigner> {
  let certificate: Certificate;
  try {
    certificate = parseCertificate(pem, 'unionpay signPubKeyCert');
  } catch (error) {
    throw refuse('CERTIFICATE_INVALID', 'UnionPay message: signPubKeyCert is not a readable certificate; the message cannot be trusted', error);
  }
  try {
    await verifyCertificateSignature(certificate, trust.middleCert, trust.crypto);
  } catch (error) {
    throw refuse(
      'CERTIFICATE_UNTRUSTED',
      'UnionPay message: signPubKeyCert is not issued by the configured middleCert; check the environment and the middle/root certificates',
      error,
    );
  }
  if (signerOwnerOf(certificate) !== trust.signerOwner) {
    throw refuse('CERTIFICATE_OWNER_MISMATCH', `UnionPay message: signPubKeyCert does not belong to "${trust.signerOwner}"; check environment`);
  }
  return validityOf(certificate, [trust.middleCert, trust.rootCert], await trust.crypto.importRsaPublicKey(certificate.spki));
}

/** A trusted signer, with the window in which `certificate` and every one of `issuers` are valid at once. */
function validityOf(certificate: Certificate, issuers: readonly Certificate[], key: RsaPublicKeyHandle): TrustedSigner {
  let validFrom = certificate.notBefore.getTime();
  let validUntil = certificate.notAfter.getTime();
  for (const issuer of issuers) {
    validFrom = Math.max(validFrom, issuer.notBefore.getTime());
    validUntil = Math.min(validUntil, issuer.notAfter.getTime());
  }
  return { certificate, key, validFrom, validUntil };
}

/** Build a verifier with its own cache of trusted signing certificates. */
export function createMessageVerifier(trust: SignerTrust): MessageVerifier {
  // Each entry keeps its promise (shared by concurrent first uses) and, once trusted, the signer itself, so a warm
  // verification reads it synchronously instead of awaiting a settled promise.
  const cache = new Map<string, { pending: Promise<TrustedSigner>; signer?: TrustedSigner }>();

  const signerFor = (pem: string): TrustedSigner | Promise<TrustedSigner> => {
    const cached = cache.get(pem);
    if (cached) return cached.signer ?? cached.pending;
    const entry: { pending: Promise<TrustedSigner>; signer?: TrustedSigner } = { pending: establishSigner(trust, pem) };
    entry.pending.then(
      (signer) => {
        entry.signer = signer;
      },
      () => {
        if (cache.get(pem) === entry) cache.delete(pem); // only trusted certificates stay cached
      },
    );
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(pem, entry);
    return entry.pending;
  };

  const legacy = trust.legacy ? validityOf(trust.legacy.certificate, [], trust.legacy.key) : undefined;

  return async (fields) => {
    if (fields.signMethod !== SIGN_METHOD_RSA) {
      throw refuse('SIGN_METHOD_UNSUPPORTED', `UnionPay message: signMethod ${JSON.stringify(fields.signMethod ?? null)} is not supported (expected 01, RSA certificate)`);
    }
    if (!fields.signature) throw refuse('SIGNATURE_MISSING', 'UnionPay message has no signature field');
    let signer: TrustedSigner;
    if (fields.version === LEGACY_ACP_VERSION) {
      if (!legacy || fields.certId !== legacy.certificate.serialDecimal) {
        throw refuse('VERIFY_CERT_UNAVAILABLE', 'UnionPay 5.0.0 message: configure verifyCert (acp_*_verify_sign.cer with this certId) to verify it');
      }
      signer = legacy;
    } else {
      if (!fields.signPubKeyCert) throw refuse('CERTIFICATE_MISSING', 'UnionPay message has no signPubKeyCert: it cannot be verified');
      const found = signerFor(fields.signPubKeyCert);
      signer = 'key' in found ? found : await found;
    }
    // The same instant as `isValidAt(certificate, new Date(clock()))` for each certificate of the chain.
    const now = new Date(trust.clock()).getTime();
    if (!(now >= signer.validFrom && now <= signer.validUntil)) {
      throw refuse('CERTIFICATE_EXPIRED', 'UnionPay message: a certificate of its chain is expired or not yet valid; check the server clock');
    }
    // The steps of `checkFieldsSignature`, inline: one async layer less on every message.
    const signature = signatureBytes(fields);
    let verified = false;
    if (signature) {
      const hash = hashForVersion(fields.version);
      const digest = await trust.crypto.digest(hash, stringToSign(fields));
      verified = await trust.crypto.rsaVerify(hash, signer.key, hexAsciiBytes(digest), signature);
    }
    if (!verified) throw refuse('SIGNATURE_INVALID', 'UnionPay message signature does not verify: the message was altered or not sent by UnionPay');
    return fields;
  };
}
