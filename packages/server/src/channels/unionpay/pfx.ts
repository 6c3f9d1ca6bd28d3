/**
 * Reading the merchant's signing PKCS#12 (`.pfx`) file. Node's crypto cannot read PKCS#12 and WebCrypto has nothing
 * for it, so this is the one place that uses node-forge (pure JS: it runs on edge runtimes too). UnionPay's test PFX
 * uses legacy RC2-40 encryption, which node-forge reads without OpenSSL's legacy provider.
 * A PFX often holds the CA certificates too: the signing certificate is the one whose public key matches the key bag.
 */
import forge from 'node-forge';
import { PayConfigError } from '@payweave/core';
import { fromBase64 } from '../../internal/encoding';

/** The signing key (PKCS#8 DER) and its certificate (DER) taken from a PFX. */
export interface PfxContents {
  privateKeyPkcs8: Uint8Array;
  certificateDer: Uint8Array;
}

const LABEL = 'unionpay signCert.pfx';

function toBinaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

function fromBinaryString(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

function pfxBytes(pfx: string | Uint8Array): Uint8Array {
  const bytes = typeof pfx === 'string' ? fromBase64(pfx) : pfx;
  if (!bytes || bytes.length < 32) {
    throw new PayConfigError(`${LABEL} must be the .pfx file's bytes (Uint8Array, e.g. fs.readFileSync(path)) or their base64`);
  }
  return bytes;
}

function openPfx(bytes: Uint8Array, passphrase: string): forge.pkcs12.Pkcs12Pfx {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(toBinaryString(bytes));
  } catch (error) {
    throw new PayConfigError(`${LABEL} is not a PKCS#12 file: pass the .pfx file UnionPay issued, unchanged`, { cause: error });
  }
  try {
    return forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    const wrongPassword = /mac|password|invalid/i.test(error instanceof Error ? error.message : '');
    throw new PayConfigError(
      wrongPassword
        ? `${LABEL} could not be opened: check signCert.passphrase (the password set when the certificate was downloaded)`
        : `${LABEL} could not be read: pass the .pfx file UnionPay issued, unchanged`,
      { cause: error },
    );
  }
}

function bagsOf(pfx: forge.pkcs12.Pkcs12Pfx, type: string): forge.pkcs12.Bag[] {
  return pfx.getBags({ bagType: type })[type] ?? [];
}

/** Extract the RSA signing key and the certificate that matches it; `PayConfigError` otherwise. */
export function readSigningPfx(pfx: string | Uint8Array, passphrase: string): PfxContents {
  const opened = openPfx(pfxBytes(pfx), passphrase);
  const oids = forge.pki.oids;
  const keys = [...bagsOf(opened, oids.pkcs8ShroudedKeyBag as string), ...bagsOf(opened, oids.keyBag as string)]
    .map((bag) => bag.key as forge.pki.rsa.PrivateKey | undefined)
    .filter((key): key is forge.pki.rsa.PrivateKey => key !== undefined && key !== null && 'n' in key);
  if (keys.length !== 1) {
    throw new PayConfigError(
      keys.length === 0
        ? `${LABEL} holds no RSA private key: export the signing certificate WITH its private key`
        : `${LABEL} holds ${keys.length} private keys: export only the UnionPay signing certificate`,
    );
  }
  const key = keys[0] as forge.pki.rsa.PrivateKey;
  const certificate = bagsOf(opened, oids.certBag as string)
    .map((bag) => bag.cert)
    .find((cert) => {
      const publicKey = cert?.publicKey as forge.pki.rsa.PublicKey | undefined;
      return publicKey !== undefined && publicKey.n.equals(key.n) && publicKey.e.equals(key.e);
    });
  if (!certificate) {
    throw new PayConfigError(`${LABEL} holds no certificate for its private key: export the signing certificate with its key`);
  }
  const pkcs8 = forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key));
  return {
    privateKeyPkcs8: fromBinaryString(forge.asn1.toDer(pkcs8).getBytes()),
    certificateDer: fromBinaryString(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes()),
  };
}
