/**
 * Normalise merchant key input into the two DER forms the providers import: PKCS#8 for RSA private keys, SPKI for
 * public keys. Accepts PKCS#1, PKCS#8, SPKI and certificates as PEM (any whitespace), bare base64 (the Alipay console
 * format) or DER bytes; the structure is recognised from the DER itself, not trusted from the PEM label. Every refusal
 * is a `PayConfigError` that names the config field (`label`) and says what to pass instead, never the key bytes.
 */
import { PayConfigError } from '@payweave/core';
import { bitLength, children, derElement, derOid, derSequence, DerError, integerBytes, magnitudeHex, oidString, readDer, Tag, type DerNode } from './der';
import { decodeKeyInput, type KeyBlock, type KeyInput } from './pem';
import type { EcCurve } from './provider';
import { parseCertificateDer } from './x509';

export type { KeyInput } from './pem';

/** An RSA private key as PKCS#8 DER, with its modulus for the key-pair checks. */
export interface RsaPrivateKeyInfo {
  readonly pkcs8: Uint8Array;
  /** Modulus as lowercase hex without leading zeros. */
  readonly modulus: string;
  readonly modulusBits: number;
}
/** An RSA public key as SPKI DER. */
export interface RsaPublicKeyInfo {
  readonly spki: Uint8Array;
  /** Modulus as lowercase hex without leading zeros. */
  readonly modulus: string;
  readonly modulusBits: number;
}
/** An EC public key as SPKI DER. */
export interface EcPublicKeyInfo {
  readonly spki: Uint8Array;
  readonly curve: EcCurve;
}

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const CURVES: Record<string, EcCurve> = { '1.2.840.10045.3.1.7': 'P-256', '1.3.132.0.34': 'P-384' };
const RSA_ALGORITHM = derSequence(derOid(RSA_ENCRYPTION), derElement(Tag.NULL, new Uint8Array(0)));

type Shape =
  | { kind: 'rsa-private'; pkcs1: Uint8Array; n: Uint8Array }
  | { kind: 'rsa-public'; pkcs1: Uint8Array; n: Uint8Array }
  | { kind: 'ec-public'; spki: Uint8Array; curve: EcCurve | null }
  | { kind: 'certificate'; spki: Uint8Array }
  | { kind: 'encrypted' | 'other-private' | 'other-public' | 'unknown' };

const tags = (nodes: DerNode[]) => nodes.map((node) => node.tag).join(',');

/** Recognise a DER structure by its shape; never throws. */
function classify(der: Uint8Array): Shape {
  try {
    const top = readDer(der);
    const parts = children(top);
    const shape = tags(parts);
    if (/^2,2,2,2,2,2,2,2,2(,48)?$/.test(shape)) return { kind: 'rsa-private', pkcs1: der, n: integerBytes(parts[1] as DerNode) };
    if (shape === '2,2') return { kind: 'rsa-public', pkcs1: der, n: integerBytes(parts[0] as DerNode) };
    if (/^2,48,4/.test(shape)) {
      const algorithm = oidString(children(parts[1] as DerNode)[0] as DerNode);
      if (algorithm !== RSA_ENCRYPTION) return { kind: 'other-private' };
      const inner = classify((parts[2] as DerNode).content);
      return inner.kind === 'rsa-private' ? inner : { kind: 'unknown' };
    }
    if (shape === '48,4') return { kind: 'encrypted' }; // EncryptedPrivateKeyInfo (PKCS#8 with a password)
    if (/^2,4(,160)?(,161)?$/.test(shape)) return { kind: 'other-private' }; // SEC1 ECPrivateKey
    if (shape === '48,3') {
      const [algorithm, parameters] = children(parts[0] as DerNode);
      const oid = oidString(algorithm as DerNode);
      const key = (parts[1] as DerNode).content.subarray(1);
      if (oid === RSA_ENCRYPTION) {
        const inner = classify(key);
        return inner.kind === 'rsa-public' ? inner : { kind: 'unknown' };
      }
      if (oid === EC_PUBLIC_KEY) {
        const curve = parameters?.tag === Tag.OID ? (CURVES[oidString(parameters)] ?? null) : null;
        return { kind: 'ec-public', spki: der, curve };
      }
      return { kind: 'other-public' };
    }
    if (shape === '48,48,3') return { kind: 'certificate', spki: parseCertificateDer(der).spki };
  } catch (error) {
    if (!(error instanceof DerError)) throw error;
  }
  return { kind: 'unknown' };
}

type Want = 'rsa-private' | 'rsa-public' | 'ec-public';

const FORMATS: Record<Want, string> = {
  'rsa-private': 'an RSA private key (PEM "BEGIN PRIVATE KEY" or "BEGIN RSA PRIVATE KEY", or its base64)',
  'rsa-public': 'an RSA public key or certificate (PEM "BEGIN PUBLIC KEY", "BEGIN CERTIFICATE", or its base64)',
  'ec-public': 'an EC P-256/P-384 public key or certificate (PEM "BEGIN PUBLIC KEY" or "BEGIN CERTIFICATE")',
};

function refusal(shape: Shape, block: KeyBlock, want: Want, label: string): string {
  const must = `pass ${FORMATS[want]}`;
  if (shape.kind === 'encrypted' || block.encryptedHeader) {
    return `${label} is a password-protected private key: decrypt it first (openssl pkey -in key.pem -out plain.pem) and pass the unencrypted PEM`;
  }
  const isPrivate = shape.kind === 'rsa-private' || shape.kind === 'other-private';
  if (want !== 'rsa-private' && isPrivate) {
    return `${label} is a private key, but a public key is needed here: pass the gateway's public key or certificate (never hand out your private key)`;
  }
  if (want === 'rsa-private' && (shape.kind === 'rsa-public' || shape.kind === 'other-public' || shape.kind === 'ec-public' || shape.kind === 'certificate')) {
    return `${label} is a public key or certificate, but the private key is needed here: pass your application private key`;
  }
  if (want.startsWith('rsa') && (shape.kind === 'other-private' || shape.kind === 'other-public' || shape.kind === 'ec-public')) {
    return `${label} is not an RSA key (EC, SM2 and others are not accepted here): ${must}`;
  }
  if (want === 'ec-public' && (shape.kind === 'rsa-public' || shape.kind === 'other-public' || shape.kind === 'ec-public')) {
    return `${label} is not an EC key on P-256 or P-384: ${must}`;
  }
  const what = block.label ? `a "${block.label}" PEM block that could not be read` : 'not a key payweave can read';
  return `${label} is ${what}; ${must}`;
}

/** Decode input and return the first block whose structure is `want`, or throw a `PayConfigError` about the first. */
function resolve(input: KeyInput, label: string, want: Want): Shape {
  const blocks = decodeKeyInput(input, label);
  const shapes = blocks.map((block) => (block.encryptedHeader ? ({ kind: 'encrypted' } as const) : classify(block.der)));
  const found = shapes.find((shape, i) => {
    if (blocks[i]?.label?.includes('ENCRYPTED')) return false;
    if (want === 'rsa-private') return shape.kind === 'rsa-private';
    if (shape.kind === 'certificate') return classify(shape.spki).kind === want;
    return shape.kind === want && (want !== 'ec-public' || (shape.kind === 'ec-public' && shape.curve !== null));
  });
  if (found) return found.kind === 'certificate' ? classify(found.spki) : found;
  const firstIndex = Math.max(0, shapes.findIndex((s) => s.kind !== 'unknown'));
  const shape = shapes[firstIndex] as Shape;
  const block = blocks[firstIndex] as KeyBlock;
  const innerShape = shape.kind === 'certificate' ? classify(shape.spki) : shape;
  const encrypted = block.label?.includes('ENCRYPTED') ? ({ kind: 'encrypted' } as const) : innerShape;
  throw new PayConfigError(refusal(encrypted, block, want, label));
}

/** Parse an RSA private key (PKCS#1 or PKCS#8; PEM, base64 or DER) into PKCS#8 DER. `label` names it in errors. */
export function parseRsaPrivateKey(input: KeyInput, label: string): RsaPrivateKeyInfo {
  const shape = resolve(input, label, 'rsa-private') as Extract<Shape, { kind: 'rsa-private' }>;
  // Re-wrapped canonically (version 0, rsaEncryption with NULL parameters, no attributes): WebCrypto imports it.
  const pkcs8 = derSequence(derElement(Tag.INTEGER, Uint8Array.of(0)), RSA_ALGORITHM, derElement(Tag.OCTET_STRING, shape.pkcs1));
  return { pkcs8, modulus: magnitudeHex(shape.n), modulusBits: bitLength(shape.n) };
}

/** Parse an RSA public key (SPKI, PKCS#1 or a certificate's key; PEM, base64 or DER) into SPKI DER. */
export function parseRsaPublicKey(input: KeyInput, label: string): RsaPublicKeyInfo {
  const shape = resolve(input, label, 'rsa-public') as Extract<Shape, { kind: 'rsa-public' }>;
  const bitString = new Uint8Array(shape.pkcs1.length + 1);
  bitString.set(shape.pkcs1, 1); // leading 0: no unused bits
  const spki = derSequence(RSA_ALGORITHM, derElement(Tag.BIT_STRING, bitString));
  return { spki, modulus: magnitudeHex(shape.n), modulusBits: bitLength(shape.n) };
}

/** Parse an EC P-256/P-384 public key (SPKI or a certificate's key; PEM, base64 or DER). */
export function parseEcPublicKey(input: KeyInput, label: string): EcPublicKeyInfo {
  const shape = resolve(input, label, 'ec-public') as Extract<Shape, { kind: 'ec-public' }>;
  return { spki: shape.spki, curve: shape.curve as EcCurve };
}

/** The curve of an EC SPKI, or null when it is not an EC key on P-256/P-384 (used by the providers). */
export function ecCurveOfSpki(spki: Uint8Array): EcCurve | null {
  const shape = classify(spki);
  return shape.kind === 'ec-public' ? shape.curve : null;
}

/**
 * True when `publicKey` belongs to `privateKey` (same modulus). Channels use it to catch the classic mistake of
 * configuring the merchant's own public key where the gateway's public key is expected.
 */
export function publicKeyMatchesPrivateKey(publicKey: { readonly modulus: string }, privateKey: { readonly modulus: string }): boolean {
  return publicKey.modulus === privateKey.modulus;
}
