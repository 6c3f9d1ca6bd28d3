/**
 * Gateway time formats. Alipay `timestamp` and UnionPay `txnTime` are Beijing wall-clock time (UTC+8, no DST),
 * whatever the host's time zone: format from epoch milliseconds with a fixed offset, never with local-time APIs.
 */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Two digits (every value formatted here is 0-99). */
const pad = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

function chinaParts(epochMs: number) {
  const d = new Date(epochMs + CHINA_OFFSET_MS);
  return {
    y: String(d.getUTCFullYear()),
    M: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    H: pad(d.getUTCHours()),
    m: pad(d.getUTCMinutes()),
    s: pad(d.getUTCSeconds()),
  };
}

/** `yyyy-MM-dd HH:mm:ss` in UTC+8 (Alipay `timestamp`). */
export function chinaDateTime(epochMs: number): string {
  const p = chinaParts(epochMs);
  return `${p.y}-${p.M}-${p.d} ${p.H}:${p.m}:${p.s}`;
}

/** `yyyyMMddHHmmss` in UTC+8 (UnionPay `txnTime`, WeChat v2 `time_expire`). */
export function chinaCompact(epochMs: number): string {
  const p = chinaParts(epochMs);
  return `${p.y}${p.M}${p.d}${p.H}${p.m}${p.s}`;
}

/** RFC 3339 with a +08:00 offset (WeChat v3 `time_expire`). */
export function chinaRfc3339(epochMs: number): string {
  const p = chinaParts(epochMs);
  return `${p.y}-${p.M}-${p.d}T${p.H}:${p.m}:${p.s}+08:00`;
}

/**
 * Parse a Beijing wall-clock time (`yyyy-MM-dd HH:mm:ss` or `yyyyMMddHHmmss`) to an ISO 8601 UTC string,
 * or undefined when the text is not such a time.
 */
export function parseChinaTime(text: string | undefined): string | undefined {
  if (!text) return undefined;
  if (text.length === COMPACT_LENGTH) {
    // `yyyyMMddHHmmss` (UnionPay txnTime, on every notification): read the digits in place, no regex or arrays.
    const y = digitsAt(text, 0, 4);
    const M = digitsAt(text, 4, 2);
    const d = digitsAt(text, 6, 2);
    const H = digitsAt(text, 8, 2);
    const mi = digitsAt(text, 10, 2);
    const s = digitsAt(text, 12, 2);
    if (y >= 0 && M >= 0 && d >= 0 && H >= 0 && mi >= 0 && s >= 0) return isoFromChinaParts(y, M, d, H, mi, s);
  }
  const m = /^(\d{4})-?(\d{2})-?(\d{2})[ T]?(\d{2}):?(\d{2}):?(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [, y, M, d, H, mi, s] = m.map(Number) as number[];
  return isoFromChinaParts(y as number, M as number, d as number, H as number, mi as number, s as number);
}

const COMPACT_LENGTH = 14;

/** The decimal value of `length` ASCII digits of `text` from `start`, or -1 when one of them is not a digit. */
export function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48; // '0'
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** ISO 8601 UTC of a Beijing wall-clock time given as numbers (month 1-12); out-of-range parts roll over as in Date.UTC. */
function isoFromChinaParts(y: number, M: number, d: number, H: number, mi: number, s: number): string | undefined {
  const utc = Date.UTC(y, M - 1, d, H, mi, s) - CHINA_OFFSET_MS;
  return Number.isNaN(utc) ? undefined : isoString(utc);
}

const DAY_MS = 86_400_000;
/** 10000-01-01T00:00:00Z: from there on, `toISOString` writes a six-digit signed year. */
const FOUR_DIGIT_YEAR_END_MS = 253_402_300_800_000;

/**
 * `new Date(ms).toISOString()`, computed (`toISOString` is a runtime call of about 0.5 us, paid on every notification
 * that carries a time). Civil date from days since the epoch, after H. Hinnant's `civil_from_days`
 * (https://howardhinnant.github.io/date_algorithms.html). Years outside 1970-9999 take `toISOString` itself.
 */
export function isoString(ms: number): string {
  if (!(ms >= 0 && ms < FOUR_DIGIT_YEAR_END_MS) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY_MS);
  const inDay = ms - days * DAY_MS;
  const shifted = days + 719_468; // days since 0000-03-01
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  const day = dayOfYear - Math.floor((153 * marchMonth + 2) / 5) + 1;
  const month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const millis = inDay % 1000;
  const seconds = Math.floor(inDay / 1000);
  const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  return `${year}-${pad(month)}-${pad(day)}T${time}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}
