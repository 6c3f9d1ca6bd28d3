import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayValidationError } from './errors';
import { fromYuan, toYuan } from './money';

const MAX = 10 ** 12;

describe('toYuan / fromYuan', () => {
  it('converts the documented examples', () => {
    expect(toYuan(1999)).toBe('19.99');
    expect(toYuan(0)).toBe('0.00');
    expect(toYuan(1)).toBe('0.01');
    expect(toYuan(10)).toBe('0.10');
    expect(toYuan(100)).toBe('1.00');
    expect(toYuan(MAX)).toBe('10000000000.00');
    expect(fromYuan('19.99')).toBe(1999);
    expect(fromYuan('0.01')).toBe(1);
    expect(fromYuan('19.9')).toBe(1990);
    expect(fromYuan('19')).toBe(1900);
    expect(fromYuan('0')).toBe(0);
    // the classic float trap: 0.1 + 0.2, 1.15 * 100 = 114.99999999999999
    expect(fromYuan('1.15')).toBe(115);
    expect(fromYuan('0.29')).toBe(29);
  });

  it('agrees with integer division for every amount up to 10^12 fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX }), (fen) => {
        const expected = `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
        expect(toYuan(fen)).toBe(expected);
        expect(fromYuan(expected)).toBe(fen);
      }),
      { numRuns: 20_000 },
    );
  });

  it('parses yuan strings with 0-2 decimals exactly (BigInt reference)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 99 }), (whole, decimals, frac) => {
        const fraction = decimals === 0 ? '' : decimals === 1 ? String(frac % 10) : String(frac).padStart(2, '0');
        const text = decimals === 0 ? `${whole}` : `${whole}.${fraction}`;
        const expected = whole * 100n + BigInt(fraction.padEnd(2, '0') || '0');
        expect(BigInt(fromYuan(text))).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([1.5, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '100', null, undefined])('toYuan rejects %s with a typed error', (value) => {
    expect(() => toYuan(value as number)).toThrow(PayValidationError);
    try {
      toYuan(value as number);
    } catch (error) {
      expect(PayValidationError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/minor units/);
    }
  });

  it.each(['19.999', '1e3', ' 1', '1 ', '-1', '+1', '01.00', '.5', '5.', '', '１', '0x10', '9999999999999999999'])('fromYuan rejects %j', (value) => {
    expect(() => fromYuan(value)).toThrow(PayValidationError);
  });

  it('fromYuan rejects non-strings', () => {
    expect(() => fromYuan(19.99 as unknown as string)).toThrow(/yuan amount/);
  });
});
