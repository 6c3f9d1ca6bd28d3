/**
 * UnionPay message encodings.
 *
 * Requests go out form-urlencoded. Synchronous responses come back as `k=v&k=v` with values NOT url-encoded:
 * certificate PEMs carry raw newlines and composite values such as `{token=...&trId=...}` carry `&` and `=`, so the
 * split is brace-aware (as in the official SDK's response parser). Notifications arrive form-urlencoded: decoded once.
 */

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

function formDecode(text: string): string | null {
  // Most tokens (keys, codes, amounts, times) have nothing to decode: no regex, no decodeURIComponent for them.
  if (text.indexOf('%') < 0 && text.indexOf('+') < 0) return text;
  // Comparing the certificate with the last one costs far less than decoding it again (and returning the same string
  // lets the verifier's certificate cache reuse its hash).
  if (remembered !== undefined && remembered.raw === text) return remembered.decoded;
  let decoded: string;
  try {
    decoded = decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
  if (text.length >= REMEMBERED_LENGTH) remembered = { raw: text, decoded };
  return decoded;
}

/** Parse a form-urlencoded notification body; null when malformed (bad `%` escape, repeated key, no fields). */
export function parseFormBody(text: string): Fields | null {
  const out: Fields = {};
  const trimmed = text.trim();
  if (trimmed === '') return null;
  for (const part of trimmed.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = formDecode(eq < 0 ? part : part.slice(0, eq));
    const value = formDecode(eq < 0 ? '' : part.slice(eq + 1));
    if (key === null || value === null || !addField(out, key, value)) return null;
  }
  return Object.keys(out).length > 0 ? out : null;
}
