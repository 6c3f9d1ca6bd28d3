/**
 * X.509 certificate reading (RFC 5280) on the portable DER reader, plus signature verification of a certificate by
 * its issuer through the `CryptoProvider`. What the channels build on: UnionPay (chain to middle/root, CN owner),
 * Alipay certificate mode (issuer DN + decimal serial for the SN), Apple JWS (x5c chain, marker OIDs).
 */
import { PayConfigError, PaySignatureError } from '@payweave/core';
import { bitStringBytes, children, DerError, expectTag, integerBytes, oidString, readDer, Tag, type DerNode } from './der';
import { decodeKeyInput, type KeyInput } from './pem';

/** One attribute of a distinguished name, in encoding order (`C` first for most CAs). */
export interface NameAttribute {
  /** Dotted OID, e.g. `2.5.4.3`. */
  readonly type: string;
  /** Short name when known (`CN`, `O`, `OU`, `C`, `ST`, `L`, `emailAddress` ...), otherwise the OID. */
  readonly name: string;
  readonly value: string;
}

/** One certificate extension. */
export interface CertificateExtension {
  readonly oid: string;
  readonly critical: boolean;
  /** The DER inside the extnValue OCTET STRING. */
  readonly value: Uint8Array;
}

/** A parsed certificate. Nothing here is trusted until the chain is verified. */
export interface Certificate {
  readonly der: Uint8Array;
  /** The signed part (tbsCertificate), exactly as encoded. */
  readonly tbs: Uint8Array;
  readonly version: number;
  /** Serial as uppercase hex without sign padding (`F5765756002FDD77`: the WeChat Pay serial format). */
  readonly serialHex: string;
  /** Serial in decimal (`68759663125`: UnionPay certId; Alipay SN input). */
  readonly serialDecimal: string;
  readonly issuer: readonly NameAttribute[];
  readonly subject: readonly NameAttribute[];
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** SubjectPublicKeyInfo DER (feed to `importRsaPublicKey` / `importEcPublicKey`). */
  readonly spki: Uint8Array;
  /** OID of the outer signatureAlgorithm, e.g. `1.2.840.113549.1.1.11` (sha256WithRSAEncryption). */
  readonly signatureAlgorithm: string;
  /** Signature bytes (DER `SEQUENCE{r,s}` for ECDSA, raw for RSA). */
  readonly signature: Uint8Array;
  readonly extensions: readonly CertificateExtension[];
  readonly extensionOids: readonly string[];
  /** basicConstraints cA flag (false when the extension is absent). */
  readonly isCa: boolean;
}

const NAME_SHORT: Record<string, string> = {
  '2.5.4.3': 'CN', '2.5.4.4': 'SN', '2.5.4.5': 'serialNumber', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST',
  '2.5.4.9': 'street', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.12': 'title', '2.5.4.42': 'GN',
  '1.2.840.113549.1.9.1': 'emailAddress', '0.9.2342.19200300.100.1.25': 'DC', '0.9.2342.19200300.100.1.1': 'UID',
};

const BASIC_CONSTRAINTS = '2.5.29.19';

const toHexString = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Text of a DirectoryString / IA5String / PrintableString attribute value. */
function decodeDirectoryString(node: DerNode): string {
  const bytes = node.content;
  switch (node.tag) {
    case Tag.BMP_STRING: {
      let text = '';
      for (let i = 0; i + 1 < bytes.length; i += 2) text += String.fromCharCode(((bytes[i] as number) << 8) | (bytes[i + 1] as number));
      return text;
    }
    case Tag.UNIVERSAL_STRING: {
      let text = '';
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let i = 0; i + 3 < bytes.length; i += 4) text += String.fromCodePoint(view.getUint32(i));
      return text;
    }
    case Tag.T61_STRING: // Teletex: treated as Latin-1, as OpenSSL does
      return String.fromCharCode(...bytes);
    default: // UTF8String, PrintableString, IA5String, NumericString, VisibleString: ASCII is a subset of UTF-8
      return new TextDecoder('utf-8').decode(bytes);
  }
}

function readName(node: DerNode): NameAttribute[] {
  const out: NameAttribute[] = [];
  for (const rdn of children(expectTag(node, Tag.SEQUENCE, 'a Name'))) {
    for (const attribute of children(expectTag(rdn, Tag.SET, 'a RelativeDistinguishedName'))) {
      const [type, value] = children(expectTag(attribute, Tag.SEQUENCE, 'an AttributeTypeAndValue'));
      const oid = oidString(expectTag(type, Tag.OID, 'an attribute type'));
      if (!value) throw new DerError('attribute without value');
      out.push({ type: oid, name: NAME_SHORT[oid] ?? oid, value: decodeDirectoryString(value) });
    }
  }
  return out;
}

function readTime(node: DerNode | undefined): Date {
  const text = String.fromCharCode(...(node?.content ?? []));
  let match: RegExpMatchArray | null;
  let year: number;
  if (node?.tag === Tag.UTC_TIME && (match = text.match(/^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/))) {
    const yy = Number(match[1]);
    year = yy >= 50 ? 1900 + yy : 2000 + yy; // RFC 5280 4.1.2.5.1
  } else if (node?.tag === Tag.GENERALIZED_TIME && (match = text.match(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/))) {
    year = Number(match[1]);
  } else {
    throw new DerError('bad certificate validity time');
  }
  const [, , mo, d, h, mi, s] = match.map(Number) as number[];
  return new Date(Date.UTC(year, (mo as number) - 1, d, h, mi, s));
}

function readExtensions(node: DerNode | undefined): CertificateExtension[] {
  if (!node) return [];
  const [sequence] = children(node);
  return children(expectTag(sequence, Tag.SEQUENCE, 'Extensions')).map((extension) => {
    const parts = children(extension);
    const oid = oidString(expectTag(parts[0], Tag.OID, 'an extension OID'));
    const critical = parts[1]?.tag === Tag.BOOLEAN ? parts[1].content[0] !== 0 : false;
    const value = expectTag(parts[parts.length - 1], Tag.OCTET_STRING, 'an extension value').content;
    return { oid, critical, value };
  });
}

function readIsCa(extensions: CertificateExtension[]): boolean {
  const constraints = extensions.find((e) => e.oid === BASIC_CONSTRAINTS);
  if (!constraints) return false;
  const [first] = children(readDer(constraints.value));
  return first?.tag === Tag.BOOLEAN && first.content[0] !== 0;
}

/** Parse one certificate from DER; throws `DerError` when it is not a well-formed X.509 certificate. */
export function parseCertificateDer(der: Uint8Array): Certificate {
  const [tbsNode, algorithmNode, signatureNode] = children(expectTag(readDer(der), Tag.SEQUENCE, 'a Certificate'));
  const tbsParts = children(expectTag(tbsNode, Tag.SEQUENCE, 'a TBSCertificate'));
  const hasVersion = tbsParts[0]?.tag === 0xa0;
  const version = hasVersion ? (integerBytes(children(tbsParts[0] as DerNode)[0] as DerNode)[0] ?? 0) + 1 : 1;
  const [serialNode, innerAlgorithm, issuerNode, validityNode, subjectNode, spkiNode, ...rest] = tbsParts.slice(hasVersion ? 1 : 0);
  // RFC 5280 4.1.1.2: the signed algorithm must be the one outside the signature, or the signature means nothing.
  if (!innerAlgorithm || !algorithmNode || toHexString(innerAlgorithm.der) !== toHexString(algorithmNode.der)) {
    throw new DerError('signature algorithm inside and outside tbsCertificate differ');
  }
  const serial = integerBytes(expectTag(serialNode, Tag.INTEGER, 'a serial number'));
  const [notBefore, notAfter] = children(expectTag(validityNode, Tag.SEQUENCE, 'a Validity'));
  const extensions = readExtensions(rest.find((node) => node.tag === 0xa3));
  const serialHex = toHexString(serial).toUpperCase();
  return {
    der,
    tbs: (tbsNode as DerNode).der,
    version,
    serialHex,
    serialDecimal: BigInt(`0x${serialHex}`).toString(10),
    issuer: readName(issuerNode as DerNode),
    subject: readName(subjectNode as DerNode),
    notBefore: readTime(notBefore),
    notAfter: readTime(notAfter),
    spki: expectTag(spkiNode, Tag.SEQUENCE, 'a SubjectPublicKeyInfo').der,
    signatureAlgorithm: oidString(children(expectTag(algorithmNode, Tag.SEQUENCE, 'an AlgorithmIdentifier'))[0] as DerNode),
    signature: bitStringBytes(expectTag(signatureNode, Tag.BIT_STRING, 'a signature')),
    extensions,
    extensionOids: extensions.map((e) => e.oid),
    isCa: readIsCa(extensions),
  };
}

/**
 * Where a certificate comes from: merchant `config` (errors are `PayConfigError`) or a gateway `message` such as a
 * UnionPay `signPubKeyCert` or an Apple `x5c` entry (errors are `PaySignatureError`: the message is not trusted).
 */
export type CertificateSource = 'config' | 'message';

/**
 * Parse every certificate in `input` (PEM with one or more CERTIFICATE blocks, base64 DER as in a JWS `x5c` entry,
 * or DER bytes). `label` names the input in errors ("unionpay signPubKeyCert").
 */
export function parseCertificates(input: KeyInput, label: string, source: CertificateSource = 'config'): Certificate[] {
  const fail = (message: string, cause?: unknown) =>
    source === 'config' ? new PayConfigError(message, { cause }) : new PaySignatureError(message, { cause });
  let blocks;
  try {
    blocks = decodeKeyInput(input, label).filter((block) => block.label === null || block.label === 'CERTIFICATE');
  } catch (error) {
    throw source === 'config' ? error : fail((error as Error).message, error);
  }
  if (blocks.length === 0) throw fail(`${label} contains no CERTIFICATE block: pass the certificate PEM`);
  return blocks.map((block) => {
    try {
      return parseCertificateDer(block.der);
    } catch (error) {
      throw fail(`${label} is not a readable X.509 certificate: pass the certificate file unchanged`, error);
    }
  });
}

/** Parse the first certificate of `input`; see `parseCertificates`. */
export function parseCertificate(input: KeyInput, label: string, source: CertificateSource = 'config'): Certificate {
  return parseCertificates(input, label, source)[0] as Certificate;
}

/** Value of the first attribute with short name or OID `name` (`CN`), or undefined. */
export function nameAttribute(name: readonly NameAttribute[], attribute: string): string | undefined {
  return name.find((a) => a.name === attribute || a.type === attribute)?.value;
}

/** True when `at` lies within the certificate's validity period (inclusive, RFC 5280 4.1.2.5). */
export function isValidAt(certificate: Certificate, at: Date): boolean {
  return at.getTime() >= certificate.notBefore.getTime() && at.getTime() <= certificate.notAfter.getTime();
}

export { verifyCertificateSignature } from './x509-verify';
