import { describe, expect, it } from 'vitest';
import { chinaCompact, chinaDateTime, chinaRfc3339, parseChinaTime } from './time';

describe('China time formats', () => {
  // 2024-01-02T03:04:05Z is 11:04:05 in Beijing.
  const epoch = Date.UTC(2024, 0, 2, 3, 4, 5);
  it('formats UTC+8 regardless of the host time zone', () => {
    expect(chinaDateTime(epoch)).toBe('2024-01-02 11:04:05');
    expect(chinaCompact(epoch)).toBe('20240102110405');
    expect(chinaRfc3339(epoch)).toBe('2024-01-02T11:04:05+08:00');
    // crossing midnight: 2024-12-31T20:00:00Z is 2025-01-01 04:00 in Beijing
    expect(chinaDateTime(Date.UTC(2024, 11, 31, 20, 0, 0))).toBe('2025-01-01 04:00:00');
  });
  it('parses Beijing times back to UTC', () => {
    expect(parseChinaTime('2024-01-02 11:04:05')).toBe('2024-01-02T03:04:05.000Z');
    expect(parseChinaTime('20240102110405')).toBe('2024-01-02T03:04:05.000Z');
    expect(parseChinaTime('yesterday')).toBeUndefined();
    expect(parseChinaTime(undefined)).toBeUndefined();
  });
});
