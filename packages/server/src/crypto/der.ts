/**
 * A small portable DER (ASN.1 Distinguished Encoding Rules, ITU-T X.690) reader and writer: just enough to tell key
 * formats apart, wrap PKCS#1 keys into PKCS#8/SPKI and read X.509 certificates. No Buffer; bytes are `Uint8Array`.
 */

/** Thrown for malformed DER; callers turn it into a typed payweave error that names the offending input. */
export class DerError extends Error {
  override readonly name = 'DerError';
}

/** Universal tags used by keys and certificates. */
export const Tag = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  T61_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** One decoded TLV. `der` is the whole element (tag, length and content), `content` its value bytes. */
export interface DerNode {
  readonly tag: number;
  readonly der: Uint8Array;
  readonly content: Uint8Array;
}

/** Read the TLV that starts at `offset`; returns the node and the offset just past it. */
function readAt(bytes: Uint8Array, offset: number): { node: DerNode; end: number } {
  if (offset + 2 > bytes.length) throw new DerError('truncated DER element');
  const tag = bytes[offset] as number;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte DER tags are not supported');
  let length = bytes[offset + 1] as number;
  let headerLength = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    // 0x80 is BER's indefinite length, which DER forbids; more than 4 length bytes cannot be a key or certificate.
    if (count === 0 || count > 4) throw new DerError('unsupported DER length encoding');
    if (offset + 2 + count > bytes.length) throw new DerError('truncated DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[offset + 2 + i] as number);
    headerLength += count;
  }
  const end = offset + headerLength + length;
  if (end > bytes.length) throw new DerError('DER element longer than its input');
  return {
    node: { tag, der: bytes.subarray(offset, end), content: bytes.subarray(offset + headerLength, end) },
    end,
  };
}

/** Decode `bytes` as exactly one DER element (trailing bytes are an error). */
export function readDer(bytes: Uint8Array): DerNode {
  const { node, end } = readAt(bytes, 0);
  if (end !== bytes.length) throw new DerError('trailing bytes after the DER element');
  return node;
}

/** The elements inside a constructed node (SEQUENCE, SET, or an explicit context tag). */
export function children(node: DerNode): DerNode[] {
  if ((node.tag & 0x20) === 0) throw new DerError('expected a constructed DER element');
  const out: DerNode[] = [];
  let offset = 0;
  while (offset < node.content.length) {
    const next = readAt(node.content, offset);
    out.push(next.node);
    offset = next.end;
  }
  return out;
}

/** Throw unless `node` exists and carries `tag`; returns it, typed as present. */
export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node || node.tag !== tag) throw new DerError(`expected ${what}`);
  return node;
}

/** An INTEGER's unsigned magnitude, without the sign-padding zero bytes. */
export function integerBytes(node: DerNode): Uint8Array {
  expectTag(node, Tag.INTEGER, 'an INTEGER');
  let start = 0;
  while (start < node.content.length - 1 && node.content[start] === 0) start++;
  return node.content.subarray(start);
}

/** The bits of a BIT STRING whose unused-bit count is 0 (keys and signatures always are). */
export function bitStringBytes(node: DerNode): Uint8Array {
  expectTag(node, Tag.BIT_STRING, 'a BIT STRING');
  if (node.content[0] !== 0) throw new DerError('BIT STRING with unused bits');
  return node.content.subarray(1);
}

/** Dotted-decimal form of an OBJECT IDENTIFIER. */
export function oidString(node: DerNode): string {
  expectTag(node, Tag.OID, 'an OBJECT IDENTIFIER');
  const parts: number[] = [];
  let value = 0;
  for (const byte of node.content) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      if (parts.length === 0) parts.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else parts.push(value);
      value = 0;
    }
  }
  if (parts.length === 0 || (node.content[node.content.length - 1] as number) & 0x80) throw new DerError('bad OID');
  return parts.join('.');
}

/** Encode a TLV from a tag and content. */
export function derElement(tag: number, content: Uint8Array): Uint8Array {
  const length = content.length;
  let header: number[];
  if (length < 0x80) header = [tag, length];
  else {
    const lengthBytes: number[] = [];
    for (let n = length; n > 0; n = Math.floor(n / 256)) lengthBytes.unshift(n % 256);
    header = [tag, 0x80 | lengthBytes.length, ...lengthBytes];
  }
  const out = new Uint8Array(header.length + length);
  out.set(header, 0);
  out.set(content, header.length);
  return out;
}

/** Encode a constructed SEQUENCE of already-encoded elements. */
export function derSequence(...elements: Uint8Array[]): Uint8Array {
  const total = elements.reduce((n, e) => n + e.length, 0);
  const content = new Uint8Array(total);
  let offset = 0;
  for (const element of elements) {
    content.set(element, offset);
    offset += element.length;
  }
  return derElement(Tag.SEQUENCE, content);
}

/** Encode a dotted-decimal OBJECT IDENTIFIER. */
export function derOid(oid: string): Uint8Array {
  const arcs = oid.split('.').map(Number);
  const values = [(arcs[0] as number) * 40 + (arcs[1] as number), ...arcs.slice(2)];
  const bytes: number[] = [];
  for (const value of values) {
    const chunk: number[] = [value % 128];
    for (let n = Math.floor(value / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift((n % 128) | 0x80);
    bytes.push(...chunk);
  }
  return derElement(Tag.OID, Uint8Array.from(bytes));
}

/** Lowercase hex of an unsigned magnitude, without leading zero digits ("0" for zero). */
export function magnitudeHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex.replace(/^0+(?=.)/, '');
}

/** Bit length of an unsigned magnitude (2048 for a 2048-bit RSA modulus). */
export function bitLength(bytes: Uint8Array): number {
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  if (start === bytes.length) return 0;
  return (bytes.length - start - 1) * 8 + (32 - Math.clz32(bytes[start] as number));
}
