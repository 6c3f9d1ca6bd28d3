/**
 * Strict decoding of an App Store compact JWS (RFC 7515): `base64url(header).base64url(payload).base64url(sig)`,
 * header `{"alg":"ES256","x5c":[leaf, intermediate, root]}` with standard-base64 DER certificates, signature the
 * 64-byte IEEE P1363 `r || s`. Everything is refused before any cryptography when it does not have that shape.
 * @see https://developer.apple.com/documentation/appstoreserverapi/jwsdecodedheader
 */
import { fromBase64, fromUtf8Strict, utf8 } from '../../internal/encoding';
import { MAX_HEADER_LENGTH, MAX_JWS_LENGTH } from './constants';
import { jwsError } from './errors';

/** A JWS split and decoded, not yet verified. */
export interface DecodedJws {
  /** The exact x5c strings (the chain-cache key). */
  x5c: readonly [string, string, string];
  payload: Record<string, unknown>;
  /** ASCII `header.payload`, the bytes the signature covers. */
  signingInput: Uint8Array;
  /** 64-byte `r || s`. */
  signature: Uint8Array;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** True when the bits a segment's last character carries beyond its final byte are zero (canonical encoding). */
function hasZeroTrailingBits(segment: string): boolean {
  const rest = segment.length % 4;
  if (rest === 0) return true;
  if (rest === 1) return false;
  const last = BASE64URL_ALPHABET.indexOf(segment.charAt(segment.length - 1));
  return (last & (rest === 2 ? 0x0f : 0x03)) === 0;
}

function decodeSegment(segment: string, what: string): Uint8Array {
  // Canonical base64url without padding only: '+', '/', '=', whitespace or non-zero trailing bits mean the token
  // was altered in transit (and would let two strings carry one signature). Checked on the text, without re-encoding.
  const bytes = BASE64URL.test(segment) && hasZeroTrailingBits(segment) ? fromBase64(segment) : null;
  if (!bytes) throw jwsError('JWS_MALFORMED', `the JWS ${what} is not canonical base64url`);
  return bytes;
}

function decodeJsonObject(segment: string, what: string): Record<string, unknown> {
  const text = fromUtf8Strict(decodeSegment(segment, what));
  let value: unknown;
  try {
    value = text === null ? undefined : JSON.parse(text);
  } catch (error) {
    throw jwsError('JWS_MALFORMED', `the JWS ${what} is not JSON`, error);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw jwsError('JWS_MALFORMED', `the JWS ${what} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

function readX5c(header: Record<string, unknown>): readonly [string, string, string] {
  const x5c = header.x5c;
  if (x5c === undefined) throw jwsError('INVALID_CERTIFICATE', 'the JWS header has no x5c certificate chain');
  if (!Array.isArray(x5c) || !x5c.every((entry) => typeof entry === 'string' && entry.length > 0)) {
    throw jwsError('INVALID_CERTIFICATE', 'the JWS x5c header is not a list of base64 certificates');
  }
  if (x5c.length !== 3) {
    throw jwsError('INVALID_CHAIN_LENGTH', `the JWS x5c chain has ${x5c.length} certificates; App Store JWS carry exactly 3`);
  }
  return [x5c[0], x5c[1], x5c[2]] as [string, string, string];
}

/** Decoded headers by their exact base64url text: App Store JWS share a handful of headers (one per signing chain). */
const headerCache = new Map<string, readonly [string, string, string]>();
const HEADER_CACHE_SIZE = 16;
let lastHeader: { part: string; x5c: readonly [string, string, string] } | undefined;

/** The x5c of a header segment; only headers that passed every check are cached, so errors are unchanged. */
function readHeader(headerPart: string): readonly [string, string, string] {
  // The last header first: comparing strings is cheaper than hashing a fresh one for the map lookup.
  if (lastHeader?.part === headerPart) return lastHeader.x5c;
  const cached = headerCache.get(headerPart);
  if (cached) {
    lastHeader = { part: headerPart, x5c: cached };
    return cached;
  }
  const header = decodeJsonObject(headerPart, 'header');
  // Only ES256: `none`, HS256 (key confusion) and every other algorithm are refused before anything else.
  if (header.alg !== 'ES256') {
    throw jwsError('JWS_ALGORITHM_UNSUPPORTED', `JWS alg ${JSON.stringify(header.alg)} refused; App Store JWS use ES256`);
  }
  if (header.crit !== undefined) throw jwsError('JWS_MALFORMED', 'the JWS header has critical extensions this verifier does not know');
  const x5c = Object.freeze(readX5c(header));
  if (headerCache.size >= HEADER_CACHE_SIZE) headerCache.delete(headerCache.keys().next().value as string);
  headerCache.set(headerPart, x5c);
  lastHeader = { part: headerPart, x5c };
  return x5c;
}

/** Split and decode `jws`; throws `PaySignatureError` (JWS_MALFORMED, JWS_ALGORITHM_UNSUPPORTED, x5c codes). */
export function decodeJws(jws: unknown): DecodedJws {
  if (typeof jws !== 'string') throw jwsError('JWS_MALFORMED', 'expected the signed JWS string StoreKit returned');
  if (jws.length > MAX_JWS_LENGTH) throw jwsError('JWS_MALFORMED', `the JWS is longer than ${MAX_JWS_LENGTH} characters`);
  const parts = jws.split('.');
  if (parts.length !== 3) throw jwsError('JWS_MALFORMED', `a compact JWS has 3 dot-separated parts, got ${parts.length}`);
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  if (headerPart.length > MAX_HEADER_LENGTH) throw jwsError('JWS_MALFORMED', 'the JWS header is too large');
  const x5c = readHeader(headerPart);
  const payload = decodeJsonObject(payloadPart, 'payload');
  const signature = decodeSegment(signaturePart, 'signature');
  if (signature.length !== 64) throw jwsError('SIGNATURE_INVALID', 'an ES256 JWS signature is 64 bytes (r || s)');
  // The signing input is the JWS text before the second dot: a slice, not a re-join of the parts.
  return { x5c, payload, signingInput: utf8(jws.slice(0, headerPart.length + 1 + payloadPart.length)), signature };
}
