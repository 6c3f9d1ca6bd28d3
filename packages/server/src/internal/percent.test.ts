import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentDecode } from './percent';

/** The reference: the platform's decodeURIComponent, null where it throws. */
function reference(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

describe('percentDecode', () => {
  it('agrees with decodeURIComponent on escapes of every kind, stray and truncated ones included', () => {
    const escape = fc.integer({ min: 0, max: 255 }).map((byte) => `%${byte.toString(16).padStart(2, '0')}`);
    const upper = escape.map((text) => text.toUpperCase());
    const piece = fc.oneof(escape, upper, fc.constantFrom('%', '%4', '%G1', '%e6%b5%8b', '%E8%AF%95', '+', 'a', '中', '=', '&'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(percentDecode(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('decodes a certificate and a signature as one flat result', () => {
    expect(percentDecode('-----BEGIN+CERTIFICATE-----%0D%0AMIIB%2Fw%3D%3D')).toBe('-----BEGIN+CERTIFICATE-----\r\nMIIB/w==');
    expect(percentDecode('2024-01-02 03%3A05%3A00')).toBe('2024-01-02 03:05:00');
    expect(percentDecode('%E6%B5%8B%E8%AF%95')).toBe('测试');
    expect(percentDecode('100%')).toBeNull();
    expect(percentDecode('%C3')).toBeNull();
  });
});
