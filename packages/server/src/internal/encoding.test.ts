import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { decodeBase64Loop, fromBase64, fromHex, fromPublicBase64, hexDigitValue, utf8, toBase64, toBase64Url, toHex, timingSafeEqualText } from './encoding';

describe('encoding', () => {
  it('matches RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy']];
    for (const [plain, encoded] of vectors) {
      const bytes = new TextEncoder().encode(plain);
      expect(toBase64(bytes)).toBe(encoded);
      expect(fromBase64(encoded)).toEqual(bytes);
    }
    expect(toBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(fromBase64('-_8')).toEqual(new Uint8Array([0xfb, 0xff]));
    expect(toHex(new Uint8Array([0, 15, 255]))).toBe('000fff');
  });

  it('round-trips random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
        expect(fromBase64(toBase64Url(bytes))).toEqual(bytes);
        expect(fromHex(toHex(bytes))).toEqual(bytes);
      }),
    );
  });

  it('agrees with the platform atob on arbitrary text (whitespace, padding, stray characters)', () => {
    // Reference: whitespace ignored, trailing padding optional, anything else outside the alphabet refused.
    const reference = (text: string): Uint8Array | null => {
      const clean = text.replace(/\s/g, '').replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
      if (clean.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(clean)) return null;
      const binary = atob(clean + '='.repeat((4 - (clean.length % 4)) % 4));
      return Uint8Array.from(binary, (char) => char.charCodeAt(0));
    };
    const alphabet = fc.constantFrom(...'ABZaz09+/-_= \n\t$.é'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(fromBase64(text)).toEqual(reference(text));
        // The native fast path and the portable loop agree wherever the native one accepts.
        expect(decodeBase64Loop(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(300), (bytes, at) => {
        const encoded = toBase64(bytes);
        const spaced = `${encoded.slice(0, at)}\r\n ${encoded.slice(at)}`;
        expect(fromBase64(spaced)).toEqual(bytes);
        expect(decodeBase64Loop(spaced)).toEqual(bytes);
      }),
    );
  });

  it('fromPublicBase64 decodes as fromBase64 does, into slices that never overlap', () => {
    const alphabet = fc.constantFrom(...'ABZaz09+/-_= \n$'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(fromPublicBase64(text)).toEqual(fromBase64(text));
      }),
      { numRuns: 1000 },
    );
    // Enough signatures to fill several slabs: every earlier result keeps its bytes, whatever came after it.
    const inputs = Array.from({ length: 100 }, (_, i) => Uint8Array.from({ length: 256 + (i % 7) }, (_, j) => (i * 31 + j) & 0xff));
    const decoded = inputs.map((bytes) => fromPublicBase64(toBase64(bytes)));
    decoded.forEach((bytes, i) => expect(bytes).toEqual(inputs[i]));
    // Long input gets a buffer of its own.
    const long = fromPublicBase64(toBase64(new Uint8Array(4096).fill(7)))!;
    expect(long.byteOffset === 0 && long.buffer.byteLength === 4096).toBe(true);
  });

  it('fromPublicBase64 gives the same bytes with and without a native latin1 writer', async () => {
    vi.resetModules();
    const portable = await import('./encoding'); // a fresh module: no writer installed
    const bytesOf = fc.uint8Array({ maxLength: 1600 });
    fc.assert(fc.property(bytesOf, (bytes) => {
      expect(portable.fromPublicBase64(toBase64(bytes))).toEqual(bytes);
    }), { numRuns: 200 });
    let writes = 0;
    portable.useLatin1Writer((memory) => {
      const view = new Uint8Array(memory);
      return {
        write(text, offset, length) {
          writes++;
          for (let i = 0; i < length; i++) view[offset + i] = text.charCodeAt(i);
          return length;
        },
      };
    });
    fc.assert(fc.property(bytesOf, (bytes) => {
      expect(portable.fromPublicBase64(toBase64(bytes))).toEqual(bytes);
    }), { numRuns: 200 });
    expect(writes).toBeGreaterThan(100);
    vi.resetModules();
  });

  it('utf8 gives TextEncoder\'s bytes for short and long texts, ASCII or not (lone surrogates as U+FFFD)', () => {
    const encoder = new TextEncoder();
    const samples = fc.oneof(fc.string({ maxLength: 70 }), fc.string({ unit: 'grapheme', maxLength: 70 }), fc.string({ unit: 'binary', maxLength: 70 }));
    fc.assert(
      fc.property(samples, (text) => {
        expect(utf8(text)).toEqual(encoder.encode(text));
      }),
      { numRuns: 2000 },
    );
    for (const text of ['a'.repeat(64), 'a'.repeat(65), `${'a'.repeat(63)}é`, '\uD800', 'transaction']) expect(utf8(text)).toEqual(encoder.encode(text));
  });

  it('hexDigitValue reads exactly 0-9, a-f and A-F', () => {
    for (let code = 0; code < 0x180; code++) {
      const char = String.fromCharCode(code);
      expect(hexDigitValue(code)).toBe(/^[0-9a-fA-F]$/.test(char) ? Number.parseInt(char, 16) : -1);
    }
    expect(hexDigitValue(Number.NaN)).toBe(-1);
  });

  it('refuses malformed input instead of guessing', () => {
    expect(fromBase64('ab=c')).toBeNull();
    expect(fromBase64('abc\u0100')).toBeNull();
    expect(fromBase64('a')).toBeNull();
    expect(fromBase64('ab$c')).toBeNull();
    expect(fromBase64('中文')).toBeNull();
    expect(fromHex('abc')).toBeNull();
    expect(fromHex('zz')).toBeNull();
    expect(timingSafeEqualText('abc', 'abd')).toBe(false);
    expect(timingSafeEqualText('abc', 'abc')).toBe(true);
  });
});
