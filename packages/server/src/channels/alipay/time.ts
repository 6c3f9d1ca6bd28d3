/**
 * Beijing time (UTC+8, no daylight saving) for Alipay's `timestamp` parameter and `gmt_*` fields.
 * Computed from epoch milliseconds with plain arithmetic so the host time zone never leaks in (alipay-sdk formats
 * with the process-local zone: under TZ=UTC it signs a time eight hours off).
 * @see https://opendocs.alipay.com/common/02kf5q (common request parameters: timestamp "yyyy-MM-dd HH:mm:ss", GMT+8)
 */
import { PayValidationError } from '@payweave/core';
import { chinaDateTime } from '../../internal/time';

const BEIJING_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,3})?$/; // gmt_refund carries milliseconds

/** `yyyy-MM-dd HH:mm:ss` in UTC+8 for an epoch-millisecond instant (the shared fixed-offset formatter). */
export function formatBeijingTime(epochMs: number): string {
  return chinaDateTime(epochMs);
}

/** `yyyy-MM-dd HH:mm:ss[.SSS]` Beijing time to ISO 8601 with its offset (`2024-01-02T03:04:05+08:00`); throws if malformed. */
export function beijingTimeToIso(value: string): string {
  if (!BEIJING_TIME.test(value)) {
    throw new PayValidationError(`expected an Alipay time like "2024-01-02 03:04:05"; got ${JSON.stringify(value.slice(0, 40))}`, [
      { path: 'time', message: 'expected yyyy-MM-dd HH:mm:ss' },
    ]);
  }
  return `${value.slice(0, 10)}T${value.slice(11)}+08:00`; // the date, 'T' for the space, then the time as received
}

/** ISO 8601 instant (any offset) to `yyyy-MM-dd HH:mm:ss` Beijing time, for `time_expire`. */
export function isoToBeijingTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) {
    throw new PayValidationError(`expected an ISO 8601 date-time; got ${JSON.stringify(iso.slice(0, 40))}`, [
      { path: 'expiresAt', message: 'expected an ISO 8601 date-time' },
    ]);
  }
  return formatBeijingTime(ms);
}
