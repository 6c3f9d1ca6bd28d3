/**
 * Gateway time formats. Alipay `timestamp` and UnionPay `txnTime` are Beijing wall-clock time (UTC+8, no DST),
 * whatever the host's time zone: format from epoch milliseconds with a fixed offset, never with local-time APIs.
 */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

function chinaParts(epochMs: number) {
  const d = new Date(epochMs + CHINA_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
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
  const m = /^(\d{4})-?(\d{2})-?(\d{2})[ T]?(\d{2}):?(\d{2}):?(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [, y, M, d, H, mi, s] = m.map(Number) as number[];
  const utc = Date.UTC(y as number, (M as number) - 1, d, H, mi, s) - CHINA_OFFSET_MS;
  return Number.isNaN(utc) ? undefined : new Date(utc).toISOString();
}
