/**
 * Portable byte/text helpers (no Buffer: these run on edge runtimes too).
 */

const encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8');
const strictUtf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** Texts up to this long are tried as ASCII first: a code-by-code copy costs less than a TextEncoder call for them. */
const SHORT_TEXT = 64;

export function utf8(text: string): Uint8Array {
  if (typeof text === 'string' && text.length <= SHORT_TEXT) {
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code > 0x7f) return encoder.encode(text);
      bytes[i] = code;
    }
    return bytes;
  }
  return encoder.encode(text);
}

/** 0-15 for the character code of an ASCII hex digit (either case), -1 for anything else (NaN included). */
export function hexDigitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/** Decode UTF-8; invalid sequences become U+FFFD. */
export function fromUtf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}

/** Decode UTF-8, or return null when the bytes are not valid UTF-8. */
export function fromUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return strictUtf8Decoder.decode(bytes);
  } catch {
    return null;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i] as number];
  return out;
}

/** Parse hex (either case); returns null for odd length or a non-hex character. */
export function fromHex(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_LOOKUP = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) table[B64.charCodeAt(i)] = i;
  table['-'.charCodeAt(0)] = 62; // base64url
  table['_'.charCodeAt(0)] = 63;
  return table;
})();

const HAS_WHITESPACE = /\s/;
const ALL_WHITESPACE = /\s/g;

/** Standard base64 with `=` padding. */
export function toBase64(bytes: Uint8Array): string {
  // The platform's btoa over a binary string: about 2.5x faster than a per-character loop for a 256-byte signature.
  // Chunked, because `String.fromCharCode.apply` takes its arguments on the stack.
  let binary = '';
  for (let i = 0; i < bytes.length; i += BINARY_CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + BINARY_CHUNK) as unknown as number[]);
  }
  return btoa(binary);
}

const BINARY_CHUNK = 0x2000;

/** base64url without padding (JWS). */
export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The 6-bit value of the base64 / base64url character at `index`, or -1. */
function sextet(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code < 128 ? (B64_LOOKUP[code] as number) : -1;
}

/**
 * Decode base64 or base64url. Whitespace is ignored; padding is optional. Returns null for any other character or an
 * impossible length, so callers turn bad input into a typed error instead of garbage bytes.
 */
export function fromBase64(text: string): Uint8Array | null {
  // Standard base64 (signatures, ciphertexts): the platform's native decoder, several times faster than any loop here.
  // It throws for what it refuses (odd padding, stray characters), and those inputs take the loop below; base64url
  // (JWS) goes there directly, since a thrown DOMException costs more than the loop. Where it accepts, its bytes are
  // the loop's bytes (a differential test checks it).
  const binary = text.includes('-') || text.includes('_') ? undefined : nativeDecode(text);
  return binary === undefined ? decodeBase64Loop(text) : binaryBytes(binary, new Uint8Array(binary.length));
}

/** Copy a binary string (one byte per character, what `atob` returns) into `out`. */
function binaryBytes(binary: string, out: Uint8Array): Uint8Array {
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * `fromBase64` for what a gateway sends in the clear (signatures, ciphertexts), into a slice of a shared slab.
 * On V8 a typed array over 64 bytes gets its own off-heap backing store: allocating one for a 256-byte signature
 * measured about 0.6 us, as much as decoding it. A slice of an 8 KB slab costs a view, as Node's own Buffer pool does.
 * Slices never overlap and a slab is never reused, but a slice exposes the whole slab through `.buffer`: keys,
 * plaintexts and anything secret take `fromBase64`, which gives each its own memory.
 */
export function fromPublicBase64(text: string): Uint8Array | null {
  if (text.length > MAX_SLICE_BASE64) return fromBase64(text);
  const binary = text.includes('-') || text.includes('_') ? undefined : nativeDecode(text);
  if (binary === undefined) return decodeBase64Loop(text);
  const slice = sliceOfSlab(binary.length);
  // Node's native latin1 write, where the runtime has one: 0.19 us for a signature and 0.25 us for a 750-byte
  // ciphertext, against 0.70 and 1.50 us for the charCodeAt loop (bench/scratch measurement, Node 20).
  if (slabWriter?.write(binary, slice.byteOffset, binary.length, 'latin1') === binary.length) return slice;
  return binaryBytes(binary, slice);
}

const SLAB_SIZE = 8192;
/** Longer base64 (over 1.5 KB of bytes) gets its own buffer, so one message never takes most of a slab. */
const MAX_SLICE_BASE64 = 2048;

/** Writes text as latin1 into memory we own: what Node's `Buffer` over an ArrayBuffer offers. */
export interface Latin1Writer {
  write(text: string, offset: number, length: number, encoding: 'latin1'): number;
}
let writerOver: ((memory: ArrayBuffer) => Latin1Writer) | undefined;

/**
 * Give `fromPublicBase64` a native latin1 writer. This module runs on edge runtimes too, so it touches no `Buffer`
 * itself: the Node crypto provider (provider.node.ts) installs Buffer's when it loads. Without one, the loop is used.
 */
export function useLatin1Writer(create: (memory: ArrayBuffer) => Latin1Writer): void {
  writerOver = create;
  slabWriter = create(slab.buffer);
}

let slab = new Uint8Array(SLAB_SIZE);
let slabWriter: Latin1Writer | undefined;
let slabUsed = 0;

function sliceOfSlab(length: number): Uint8Array {
  if (slabUsed + length > SLAB_SIZE) {
    slab = new Uint8Array(SLAB_SIZE);
    slabWriter = writerOver?.(slab.buffer);
    slabUsed = 0;
  }
  const slice = slab.subarray(slabUsed, slabUsed + length);
  slabUsed += (length + 7) & ~7; // 8-byte aligned starts, as Node's pool keeps them
  return slice;
}

function nativeDecode(text: string): string | undefined {
  try {
    return atob(text);
  } catch {
    return undefined;
  }
}

/** The portable decoder: base64 and base64url, optional padding, whitespace anywhere. */
export function decodeBase64Loop(text: string): Uint8Array | null {
  // Signatures arrive without whitespace; only PEM bodies and pasted keys need the cleaning pass.
  const clean = HAS_WHITESPACE.test(text) ? text.replace(ALL_WHITESPACE, '') : text;
  let end = clean.length;
  while (end > 0 && clean.charCodeAt(end - 1) === 61 /* = */) end--;
  if (end % 4 === 1) return null;
  const out = new Uint8Array((end * 3) >> 2);
  let o = 0;
  let i = 0;
  for (; i + 4 <= end; i += 4) {
    const a = sextet(clean, i);
    const b = sextet(clean, i + 1);
    const c = sextet(clean, i + 2);
    const d = sextet(clean, i + 3);
    if ((a | b | c | d) < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  if (i < end) {
    // 2 or 3 characters left: 1 or 2 bytes.
    const a = sextet(clean, i);
    const b = sextet(clean, i + 1);
    const c = i + 2 < end ? sextet(clean, i + 2) : 0;
    if ((a | b | c) < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6);
    out[o++] = n >> 16;
    if (i + 2 < end) out[o] = (n >> 8) & 0xff;
  }
  return out;
}

/** Constant-time comparison of two byte strings (lengths are not secret). */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

/** Constant-time comparison of two ASCII strings (hex or base64 signatures). */
export function timingSafeEqualText(a: string, b: string): boolean {
  return timingSafeEqual(utf8(a), utf8(b));
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
