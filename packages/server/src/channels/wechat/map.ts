/**
 * WeChat Pay <-> payweave core: trade and refund states, trade types, event ids, times and `attach` metadata.
 * Shared by APIv3 and APIv2 (both use the same state names and integer fen amounts).
 */
import { PayValidationError, type ChargeStatus, type ChannelId, type RefundStatus } from '@payweave/core';
import { digitsAt, isoString, parseChinaTime } from '../../internal/time';

/** Charge status for a `trade_state` (v2 and v3 share the values); unknown values stay pending. */
export function chargeStatusOf(tradeState: string | undefined): ChargeStatus {
  switch (tradeState) {
    case 'SUCCESS':
    case 'REFUND': // paid, then (partly) refunded
      return 'succeeded';
    case 'CLOSED':
    case 'REVOKED':
      return 'closed';
    case 'PAYERROR':
      return 'failed';
    default: // NOTPAY, USERPAYING, ACCEPT and values added later
      return 'pending';
  }
}

/** Refund status for a v3 `status` / v2 `refund_status`; unknown values stay pending. */
export function refundStatusOf(status: string | undefined): RefundStatus {
  switch (status) {
    case 'SUCCESS':
      return 'succeeded';
    case 'CLOSED':
    case 'REFUNDCLOSE':
    case 'ABNORMAL':
    case 'CHANGE':
      return 'failed';
    default: // PROCESSING
      return 'pending';
  }
}

/** v2 `trade_type` per channel (v3 encodes the surface in the path instead). */
export const V2_TRADE_TYPE: Partial<Record<ChannelId, string>> = {
  wechat_jsapi: 'JSAPI',
  wechat_mini: 'JSAPI',
  wechat_app: 'APP',
  wechat_h5: 'MWEB',
  wechat_native: 'NATIVE',
};

/** Dedupe key of a payment state change: the same for every redelivery (and for v2 and v3 copies of it). */
export function chargeEventId(transactionId: string, tradeState: string): string {
  return `wechat:${transactionId}:${tradeState}`;
}

/** Dedupe key of a refund state change. */
export function refundEventId(refundId: string, status: string): string {
  return `wechat:refund:${refundId}:${status}`;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** RFC 3339 (`2024-01-02T10:00:00+08:00`, v3) or `yyyyMMddHHmmss` / `yyyy-MM-dd HH:mm:ss` Beijing time (v2) to ISO UTC. */
export function isoTime(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const ms = plainRfc3339(text);
  if (ms !== undefined) return isoString(ms);
  if (RFC3339.test(text)) {
    const parsed = Date.parse(text);
    return Number.isNaN(parsed) ? undefined : isoString(parsed);
  }
  return parseChinaTime(text);
}

/** The length of `yyyy-MM-ddTHH:mm:ss+08:00`, the form of every v3 time WeChat sends, and of its `...Z` form. */
const ZONED_LENGTH = 25;
const UTC_LENGTH = 20;
const [DASH, COLON, PLUS, T, Z] = ['-', ':', '+', 'T', 'Z'].map((c) => c.charCodeAt(0)) as [number, number, number, number, number];

/**
 * Epoch milliseconds of `yyyy-MM-ddTHH:mm:ss` followed by `+hh:mm`, `-hh:mm` or `Z`, read in place (no regex, no
 * `Date.parse`), or undefined for any other text and for parts outside their everyday ranges (years before 1000,
 * hour 24, a zone of 24 h...), which `Date.parse` judges instead. Within those ranges `Date.UTC` gives what
 * `Date.parse` gives, a day past the end of the month rolling over the same way (a property test compares them).
 */
function plainRfc3339(text: string): number | undefined {
  const zoned = text.length === ZONED_LENGTH;
  if (!zoned && !(text.length === UTC_LENGTH && text.charCodeAt(19) === Z)) return undefined;
  if (text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH || text.charCodeAt(10) !== T) return undefined;
  if (text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return undefined;
  }
  let offsetMinutes = 0;
  if (zoned) {
    const signCode = text.charCodeAt(19);
    const sign = signCode === PLUS ? 1 : signCode === DASH ? -1 : 0;
    const offsetHour = digitsAt(text, 20, 2);
    const offsetMinute = digitsAt(text, 23, 2);
    if (sign === 0 || text.charCodeAt(22) !== COLON || offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return undefined;
    offsetMinutes = sign * (offsetHour * 60 + offsetMinute);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
}

/** Metadata travels in `attach` as compact JSON; WeChat caps attach at 127 (v2) / 128 (v3) characters. */
export function encodeAttach(metadata: Record<string, string> | undefined, max = 127): string | undefined {
  if (!metadata || Object.keys(metadata).length === 0) return undefined;
  const attach = JSON.stringify(metadata);
  if (attach.length > max) {
    throw new PayValidationError(`WeChat Pay carries at most ${max} characters of metadata (as JSON in attach); got ${attach.length}`, [
      { path: 'metadata', message: `JSON form must be at most ${max} characters` },
    ]);
  }
  return attach;
}

/** The metadata in an `attach` we wrote, or undefined for anything else. */
export function decodeAttach(attach: string | undefined): Record<string, string> | undefined {
  if (!attach) return undefined;
  try {
    const value: unknown = JSON.parse(attach);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.every(([, v]) => typeof v === 'string') ? (Object.fromEntries(entries) as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}

/** Amount check for a gateway integer-fen field: a non-negative safe integer, or undefined when absent. */
export function fen(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}
