import { describe, expect, it } from 'vitest';
import { beijingTimeToIso, formatBeijingTime, isoToBeijingTime } from './time';

describe('Beijing time', () => {
  it('formats an instant in UTC+8 whatever the host zone (vector A1 timestamp)', () => {
    expect(formatBeijingTime(Date.UTC(2024, 0, 1, 19, 4, 5))).toBe('2024-01-02 03:04:05');
    expect(formatBeijingTime(Date.UTC(2023, 11, 31, 16, 0, 0, 999))).toBe('2024-01-01 00:00:00');
  });

  it('reads gateway times as +08:00, with or without milliseconds', () => {
    expect(beijingTimeToIso('2019-08-15 15:56:24')).toBe('2019-08-15T15:56:24+08:00');
    expect(beijingTimeToIso('2015-04-28 15:45:57.320')).toBe('2015-04-28T15:45:57.320+08:00');
    expect(() => beijingTimeToIso('2019-08-15T15:56:24Z')).toThrow(/Alipay time/);
  });

  it('turns an ISO expiry with any offset into Beijing time', () => {
    expect(isoToBeijingTime('2024-01-02T00:30:00Z')).toBe('2024-01-02 08:30:00');
    expect(isoToBeijingTime('2024-01-02T08:30:00+08:00')).toBe('2024-01-02 08:30:00');
    expect(() => isoToBeijingTime('tomorrow')).toThrow(/ISO 8601/);
  });
});
