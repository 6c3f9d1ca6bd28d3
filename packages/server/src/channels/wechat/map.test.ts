import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTime } from './map';

/** What isoTime returned for RFC 3339 text before it formatted the time by hand (the reference). */
function reference(text: string): string | undefined {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));

describe('isoTime', () => {
  it('turns the v3 RFC 3339 times into ISO UTC', () => {
    expect(isoTime('2024-01-02T10:00:00+08:00')).toBe('2024-01-02T02:00:00.000Z');
    expect(isoTime('2024-01-01T07:30:05.5-00:30')).toBe('2024-01-01T08:00:05.500Z');
    expect(isoTime('2024-03-01T00:00:00.123456+08:00')).toBe('2024-02-29T16:00:00.123Z');
    expect(isoTime('0999-12-31T23:59:59Z')).toBe('0999-12-31T23:59:59.000Z');
    expect(isoTime('2024-13-01T00:00:00Z')).toBeUndefined();
    expect(isoTime('20240102100000')).toBe('2024-01-02T02:00:00.000Z');
  });

  it('gives what Date.parse and toISOString give for any RFC 3339 text, rolled-over and invalid parts included', () => {
    const text = fc
      .record({
        y: fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
        M: two(14),
        d: two(33),
        H: two(25),
        m: two(61),
        s: two(61),
        fraction: fc.oneof(fc.constant(''), fc.stringMatching(/^\.\d{1,7}$/)),
        zone: fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), two(25), two(61)).map(([sign, h, m]) => `${sign}${h}:${m}`)),
      })
      .map((p) => `${p.y}-${p.M}-${p.d}T${p.H}:${p.m}:${p.s}${p.fraction}${p.zone}`);
    fc.assert(fc.property(text, (t) => isoTime(t) === reference(t)), { numRuns: 3000 });
    // The form WeChat sends, with every day of the month (rolled over where the month is shorter), hour and zone.
    const sent = fc
      .record({ y: fc.integer({ min: 1000, max: 9999 }), M: two(12), d: two(31), H: two(23), m: two(59), s: two(59), zone: fc.constantFrom('+08:00', '-00:30', '+23:59', 'Z') })
      .map((p) => `${p.y}-${p.M}-${p.d}T${p.H}:${p.m}:${p.s}${p.zone}`);
    fc.assert(fc.property(sent, (t) => isoTime(t) === reference(t)), { numRuns: 3000 });
    for (const t of ['2024-02-30T10:00:00+08:00', '2023-02-29T00:00:00Z', '2024-01-01T24:00:00Z', '2024-01-01T10:00:00+24:00']) {
      expect(isoTime(t)).toBe(reference(t));
    }
  });
});
