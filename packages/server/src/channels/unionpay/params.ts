/**
 * UnionPay message encodings.
 *
 * Requests go out form-urlencoded. Synchronous responses come back as `k=v&k=v` with values NOT url-encoded:
 * certificate PEMs carry raw newlines and composite values such as `{token=...&trId=...}` carry `&` and `=`, so the
 * split is brace-aware (as in the official SDK's response parser). Notifications arrive form-urlencoded: decoded once.
 */

import { percentDecode } from '../../internal/percent';

/** A flat UnionPay message. */
export type Fields = Record<string, string>;

/** Encode request fields as `application/x-www-form-urlencoded`. */
export function encodeForm(fields: Fields): string {
  return new URLSearchParams(Object.entries(fields)).toString();
}

function addField(out: Fields, key: string, value: string): boolean {
  if (key === '' || Object.prototype.hasOwnProperty.call(out, key)) return false; // a repeated key is ambiguous
  // A plain object built directly (no null-prototype copy): `__proto__` must stay a data field, not the prototype.
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
  return true;
}

/**
 * Parse a synchronous response body. `&` inside `{...}` does not separate fields. Returns null when the text is not
 * such a message (unbalanced braces, a part without `=`, a repeated key).
 */
export function parseResponseText(text: string): Fields | null {
  const out: Fields = {};
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth < 0) return null;
    } else if (i === text.length || (ch === '&' && depth === 0)) {
      const part = text.slice(start, i);
      start = i + 1;
      if (part === '' && i === text.length && Object.keys(out).length > 0) continue; // trailing '&'
      const eq = part.indexOf('=');
      if (eq <= 0 || !addField(out, part.slice(0, eq), part.slice(eq + 1))) return null;
    }
  }
  return depth === 0 ? out : null;
}

/** Tokens at least this long (the signPubKeyCert PEM, about 2 KB) are remembered: the same one comes every time. */
const REMEMBERED_LENGTH = 512;
let remembered: { raw: string; decoded: string } | undefined;

/** Decode a token that holds a `%` escape or a `+`; null for a malformed escape. */
function formDecode(raw: string, hasPlus: boolean): string | null {
  // Comparing the certificate with the last one costs far less than decoding it again (and returning the same string
  // lets the verifier's certificate cache reuse its hash).
  if (remembered !== undefined && remembered.raw === raw) return remembered.decoded;
  const decoded = percentDecode(hasPlus ? raw.replace(/\+/g, ' ') : raw);
  if (decoded !== null && raw.length >= REMEMBERED_LENGTH) remembered = { raw, decoded };
  return decoded;
}

/**
 * The first index of `char` in `text` at or after `from`, given `previous`, the answer for an earlier `from` (or -1
 * before the first search). Searching again only when `from` has passed it keeps a whole scan linear in the body
 * length; "none" is `text.length`, which no later search can pass.
 */
function nextIndexOf(text: string, char: string, from: number, previous: number): number {
  if (previous >= from) return previous;
  const found = text.indexOf(char, from);
  return found < 0 ? text.length : found;
}

/**
 * Parse a form-urlencoded notification body; null when malformed (bad `%` escape, repeated key, no fields).
 * One pass over the body with native `indexOf`: no split array, and tokens without `%` or `+` (keys, codes, amounts,
 * times) are sliced as they are, with no decoding call.
 */
export function parseFormBody(text: string): Fields | null {
  const body = text.trim();
  const end = body.length;
  const out: Fields = {};
  let count = 0;
  let equals = -1;
  let percent = -1;
  let plus = -1;
  for (let start = 0; start < end; ) {
    let amp = body.indexOf('&', start);
    if (amp < 0) amp = end;
    if (amp > start) {
      equals = nextIndexOf(body, '=', start, equals);
      const keyEnd = equals < amp ? equals : amp;
      const valueStart = equals < amp ? equals + 1 : amp;
      percent = nextIndexOf(body, '%', start, percent);
      plus = nextIndexOf(body, '+', start, plus);
      const key = token(body, start, keyEnd, percent, plus);
      percent = nextIndexOf(body, '%', valueStart, percent);
      plus = nextIndexOf(body, '+', valueStart, plus);
      const value = token(body, valueStart, amp, percent, plus);
      if (key === null || value === null || !addField(out, key, value)) return null;
      count++;
    }
    start = amp + 1;
  }
  return count > 0 ? out : null;
}

/** The decoded text of `body[from, to)`, given the next `%` and `+` at or after `from`. */
function token(body: string, from: number, to: number, percent: number, plus: number): string | null {
  const raw = body.slice(from, to);
  return percent < to || plus < to ? formDecode(raw, plus < to) : raw;
}
