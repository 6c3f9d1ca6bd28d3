import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaCompact, chinaDateTime, chinaRfc3339, isoString, parseChinaTime } from './time';

/** The straightforward reading of parseChinaTime's contract (regex, Date.UTC, toISOString), to compare against. */
function referenceParse(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})[ T]?(\d{2}):?(\d{2}):?(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [, y, M, d, H, mi, s] = m.map(Number) as number[];
  const utc = Date.UTC(y as number, (M as number) - 1, d, H, mi, s) - 8 * 3_600_000;
  return Number.isNaN(utc) ? undefined : new Date(utc).toISOString();
}

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

  it('reads compact times exactly as the general pattern does, rolled-over and malformed ones included', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '5', '9'), minLength: 14, maxLength: 14 });
    const near = fc.string({ unit: fc.constantFrom('0', '1', '9', ' ', '-', ':', 'T', 'x'), minLength: 12, maxLength: 20 });
    fc.assert(
      fc.property(fc.oneof(digits, near, fc.string()), (text) => {
        expect(parseChinaTime(text)).toBe(referenceParse(text));
      }),
      { numRuns: 2000 },
    );
    for (const text of ['20241301000000', '20240230250000', '00000101000000', '99991231235959', '0099123123595x', ' 20240102110405']) {
      expect(parseChinaTime(text)).toBe(referenceParse(text));
    }
  });
});

describe('isoString', () => {
  it('equals Date#toISOString', () => {
    const edges = [0, 1, 999, 86_399_999, 951_782_400_000, 4_107_542_400_000, 253_402_300_799_999, 253_402_300_800_000, -1, -62_198_755_200_000, 1.5];
    for (const ms of edges) expect(isoString(ms)).toBe(new Date(ms).toISOString());
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 2.6e14 }), (ms) => {
        expect(isoString(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
  });
});
