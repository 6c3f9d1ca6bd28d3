/**
 * `application/x-www-form-urlencoded` decoding for Alipay notifications and browser returns: each value is
 * form-decoded exactly once (decoding twice is alipay-sdk issue #45: a `%` in a value breaks the signature), and the
 * bytes are read in the charset the message names in its own `charset` field (GBK merchants get GBK bodies).
 * @see https://opendocs.alipay.com/open/270/105902 (asynchronous notification: parameters, charset)
 */
import { PayValidationError } from '@payweave/core';
import { FormFields, type FieldReader } from './form-fields';
import { hexDigitValue } from '../../internal/encoding';
import { percentDecode } from '../../internal/percent';
import { ownEntry } from '../../internal/lookup';

export { fieldsInOrder, FormFields, type FieldReader } from './form-fields';

/** Larger than any real Alipay notification (a few KB) by far; bigger bodies are refused before any work. */
export const MAX_FORM_LENGTH = 256 * 1024;

/** Charsets Alipay uses, mapped to their WHATWG Encoding labels (TextDecoder exists in Node and edge runtimes). */
const CHARSETS: Readonly<Record<string, string>> = { 'utf-8': 'utf-8', utf8: 'utf-8', gbk: 'gbk', gb2312: 'gbk', gb18030: 'gb18030' };

const PLUS = 0x2b;
const BOM = 0xfeff;
const PERCENT = 0x25;

/** A decoded form and, per field, the percent-decoded bytes in the message charset: what Alipay actually signed. */
export interface ParsedForm {
  /** Decoded fields in body order. Duplicate names are refused: a signed value and a used value could differ. */
  fields: FormFields;
  /** Null when each field's UTF-8 encoding is exactly its received bytes (a UTF-8 message read from text). */
  bytes: Map<string, { key: Uint8Array; value: Uint8Array }> | null;
  /** WHATWG label of the message charset (`utf-8`, `gbk`, `gb18030`). */
  charset: string;
  /**
   * UTF-8 text bodies only: the body and, per field (two entries each, index for index with `fields`), the offsets of
   * its `name=value` pair when those characters are exactly the decoded pair (nothing escaped), else -1 and the end.
   * The string to sign reuses runs of such pairs as slices of the body instead of rebuilding them field by field.
   */
  text: { body: string; spans: readonly number[] } | null;
}

function invalid(message: string, path = 'body'): PayValidationError {
  return new PayValidationError(message, [{ path, message }], { code: 'NOTIFICATION_MALFORMED', channel: 'alipay' });
}

/** Bytes of one form token: `+` is a space, `%XX` a byte, anything else itself (a stray `%` stays literal, as in WHATWG). */
function unescapeBytes(token: Uint8Array): Uint8Array {
  // Most tokens (keys, ids, amounts, times) have nothing to unescape: no copy for them (this is the hot path).
  if (token.indexOf(PERCENT) < 0 && token.indexOf(PLUS) < 0) return token;
  const out = new Uint8Array(token.length);
  let o = 0;
  for (let i = 0; i < token.length; i++) {
    const byte = token[i] as number;
    const high = byte === PERCENT && i + 2 < token.length ? hexDigitValue(token[i + 1] as number) : -1;
    const low = high >= 0 ? hexDigitValue(token[i + 2] as number) : -1;
    if (byte === PLUS) {
      out[o++] = 0x20;
    } else if (low >= 0) {
      out[o++] = high * 16 + low;
      i += 2;
    } else {
      out[o++] = byte;
    }
  }
  return out.subarray(0, o);
}

function splitPairs(bytes: Uint8Array): Array<[Uint8Array, Uint8Array]> {
  const pairs: Array<[Uint8Array, Uint8Array]> = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x26) continue; // '&'
    const part = bytes.subarray(start, i);
    start = i + 1;
    if (part.length === 0) continue;
    const eq = part.indexOf(0x3d); // '='
    pairs.push(eq < 0 ? [part, new Uint8Array(0)] : [part.subarray(0, eq), part.subarray(eq + 1)]);
  }
  return pairs;
}

/** The WHATWG label for a message's `charset` field (absent: UTF-8, the gateway default). */
export function charsetLabel(charset: string | undefined): string {
  if (charset === undefined || charset === '') return 'utf-8';
  const label = ownEntry(CHARSETS, charset.trim().toLowerCase());
  if (!label) throw invalid(`unsupported charset ${JSON.stringify(charset.slice(0, 20))}: Alipay sends utf-8 or GBK`, 'charset');
  return label;
}

/** Text of an ASCII-only token (the `charset` field), without the message charset. */
function asciiValue(bytes: Uint8Array): string {
  return String.fromCharCode(...unescapeBytes(bytes).subarray(0, 64));
}

/** `String.prototype.isWellFormed` (ES2024: Node 20, current edge runtimes), else the stricter any-surrogate test. */
const isWellFormed: (text: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (text) => (text as unknown as { isWellFormed(): boolean }).isWellFormed()
    : (text) => !/[\uD800-\uDFFF]/.test(text);

/**
 * `body[start, end)` of a UTF-8 text body as text; undefined when only the byte decoder can tell (stray `%`, bad
 * UTF-8, BOM). `percent`/`plus` say whether the range holds a `%` or a `+` (found by the caller's single scan).
 */
function textToken(body: string, start: number, end: number, percent: boolean, plus: boolean): string | undefined {
  let token = body.slice(start, end);
  if (plus) token = token.replaceAll('+', ' ');
  if (percent) {
    const decoded = percentDecode(token); // null for a stray '%' or bad UTF-8
    if (decoded === null) return undefined;
    token = decoded;
  }
  // TextDecoder drops a leading BOM from the text but the signed bytes keep it: leave that case to the byte path.
  return token.charCodeAt(0) === BOM ? undefined : token;
}

/** Index of the first `char` of `body` at or after `from`, or `body.length`. */
function nextIndex(body: string, char: string, from: number): number {
  const index = body.indexOf(char, from);
  return index < 0 ? body.length : index;
}

/**
 * The common case without a byte round trip: a text body of a UTF-8 message, decoded with string operations in one
 * pass. Returns undefined whenever the result could differ from the byte path (lone surrogates, a stray `%`, bytes
 * that are not UTF-8, a leading BOM, a repeated name, another or unreadable charset): the byte path then decides, or
 * throws its error.
 */
function parseUtf8Text(body: string): ParsedForm | undefined {
  if (!isWellFormed(body)) return undefined; // TextEncoder would turn lone surrogates into U+FFFD
  const fields = new FormFields();
  const spans: number[] = [];
  const { length } = body;
  // The next '=', '%' and '+' at or after the current token: each is searched once, so the pass stays linear even
  // for a body of many tokens without '='.
  let equals = -1;
  let percent = -1;
  let plus = -1;
  for (let start = 0; start < length; ) {
    const end = nextIndex(body, '&', start);
    if (end > start) {
      if (equals < start) equals = nextIndex(body, '=', start);
      if (percent < start) percent = nextIndex(body, '%', start);
      if (plus < start) plus = nextIndex(body, '+', start);
      const split = equals < end ? equals : end;
      let key: string | undefined;
      let value = '';
      if (percent >= end && plus >= end && split < end) {
        // Most pairs (ids, amounts, codes) have nothing escaped: their text is the decoded pair (a leading BOM still
        // goes to the byte path, as in textToken).
        if (body.charCodeAt(start) === BOM || body.charCodeAt(split + 1) === BOM) return undefined;
        key = body.slice(start, split);
        value = body.slice(split + 1, end);
        spans.push(start, end);
      } else {
        key = textToken(body, start, split, percent < split, plus < split);
        if (key === undefined) return undefined;
        if (split < end) {
          if (percent <= split) percent = nextIndex(body, '%', split + 1);
          if (plus <= split) plus = nextIndex(body, '+', split + 1);
          const decoded = textToken(body, split + 1, end, percent < end, plus < end);
          if (decoded === undefined) return undefined;
          value = decoded;
        }
        spans.push(-1, end);
      }
      if (!fields.add(key, value)) return undefined;
    }
    start = end + 1;
  }
  const charset = fields.get('charset');
  // `utf-8`, what Alipay sends, needs no label lookup; anything else is read as the byte path reads it.
  const otherCharset = charset !== undefined && charset !== 'utf-8';
  // eslint-disable-next-line no-control-regex
  if (otherCharset && (charset.length > 64 || /[^\x00-\x7f]/.test(charset) || charsetLabel(charset) !== 'utf-8')) return undefined;
  return { fields, bytes: null, charset: 'utf-8', text: { body, spans } };
}

/**
 * Decode a form body once, in the charset named by its `charset` field, keeping each field's bytes for verification
 * (Java's `content.getBytes(charset)`: a GBK message is signed over GBK bytes, which no portable encoder can rebuild
 * from text, so they are kept rather than re-encoded). Throws `PayValidationError` for an oversized
 * body, an unknown charset, bytes invalid in that charset, or a repeated field name.
 */
export function parseForm(body: string | Uint8Array): ParsedForm {
  if (body.length > MAX_FORM_LENGTH) throw invalid(`form body is larger than ${MAX_FORM_LENGTH} bytes: not an Alipay message`);
  const text = typeof body === 'string' ? parseUtf8Text(body) : undefined;
  if (text) return text;
  // '&', '=', '%' and '+' never occur inside a UTF-8 or GBK multi-byte character, so splitting bytes is safe.
  const pairs = splitPairs(typeof body === 'string' ? new TextEncoder().encode(body) : body);
  const charsetField = pairs.find(([key]) => asciiValue(key) === 'charset');
  const label = charsetLabel(charsetField ? asciiValue(charsetField[1]) : undefined);
  // eslint-disable-next-line no-control-regex
  if (typeof body === 'string' && label !== 'utf-8' && /[^\x00-\x7f]/.test(body)) {
    // Text a framework already decoded cannot be turned back into the GBK bytes that were signed.
    throw invalid('a GBK message with unescaped non-ASCII text must be passed as the raw body bytes (Uint8Array)');
  }
  const decoder = new TextDecoder(label, { fatal: true });
  const fields = new FormFields();
  const bytes: ParsedForm['bytes'] = new Map();
  for (const [rawKey, rawValue] of pairs) {
    const keyBytes = unescapeBytes(rawKey);
    const valueBytes = unescapeBytes(rawValue);
    let key: string;
    let value: string;
    try {
      key = decoder.decode(keyBytes);
      value = decoder.decode(valueBytes);
    } catch {
      throw invalid(`form body is not valid ${label}: pass the raw request body exactly as received`);
    }
    if (!fields.add(key, value)) throw invalid(`field ${JSON.stringify(key.slice(0, 40))} appears twice: refusing an ambiguous message`, key);
    bytes.set(key, { key: keyBytes, value: valueBytes });
  }
  return { fields, bytes, charset: label, text: null };
}

/** A required, non-empty field, or a `PayValidationError` naming it. */
export function requireField(fields: FieldReader, name: string, what: string): string {
  const value = fields.get(name);
  if (value === undefined || value === '') throw invalid(`alipay ${what} has no ${name}`, name);
  return value;
}
