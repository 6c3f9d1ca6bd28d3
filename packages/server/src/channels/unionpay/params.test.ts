import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { U4_MESSAGE } from './__fixtures__/vectors';
import { encodeForm, parseFormBody, parseResponseText } from './params';

describe('parseResponseText (brace-aware, raw values)', () => {
  it('keeps & and = inside {...} in one value and leaves values undecoded', () => {
    const text = 'a=1&reserved={token=62&trId=6200{x=y}}&cert=-----BEGIN CERTIFICATE-----\r\nMII+/=\r\n-----END&z=%41';
    expect(parseResponseText(text)).toEqual({
      a: '1',
      reserved: '{token=62&trId=6200{x=y}}',
      cert: '-----BEGIN CERTIFICATE-----\r\nMII+/=\r\n-----END',
      z: '%41',
    });
  });

  it.each([['a=1&b'], ['=1'], ['a={1&b=2'], ['a=1}&b=2'], ['a=1&a=2'], ['']])('refuses %j', (text) => {
    expect(parseResponseText(text)).toBeNull();
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '=', '&', '{', '}', '%', 'x', '\n') }), (text) => {
        const out = parseResponseText(text);
        expect(out === null || typeof out === 'object').toBe(true);
      }),
    );
  });
});

describe('parseFormBody (notifications)', () => {
  it('decodes U4 once: + is a space, %0D%0A line breaks, braces kept', () => {
    const fields = parseFormBody(U4_MESSAGE) as Record<string, string>;
    expect(Object.keys(fields)).toHaveLength(18);
    expect(fields.signPubKeyCert?.startsWith('-----BEGIN CERTIFICATE-----\r\nMIIEOjCC')).toBe(true);
    expect(fields.tokenPayData).toBe('{token=6235240000020757577&trId=62000000001&tokenType=01&tokenBegin=20171030223632&tokenEnd=20221029223632&tokenLevel=10}');
  });

  it.each([['a=%E0%A4%A'], ['a=1&a=2'], [''], ['   ']])('refuses %j', (text) => {
    expect(parseFormBody(text)).toBeNull();
  });

  it('round-trips encodeForm and never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.string()), (fields) => {
        expect(parseFormBody(encodeForm(fields))).toEqual(Object.keys(fields).length ? { ...fields } : null);
      }),
    );
    fc.assert(fc.property(fc.string(), (text) => void parseFormBody(text)));
  });

  it('reads any text exactly as splitting on & and decoding each side does', () => {
    // The one-pass parser against the plain reading of the format (split, first '=', '+' -> ' ', percent-decoding).
    const reference = (text: string): Record<string, string> | null => {
      const out: Record<string, string> = {};
      for (const part of text.trim().split('&')) {
        if (part === '') continue;
        const eq = part.indexOf('=');
        let key: string;
        let value: string;
        try {
          key = decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
          value = decodeURIComponent((eq < 0 ? '' : part.slice(eq + 1)).replace(/\+/g, ' '));
        } catch {
          return null;
        }
        if (key === '' || Object.prototype.hasOwnProperty.call(out, key)) return null;
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return Object.keys(out).length > 0 ? out : null;
    };
    const unit = fc.constantFrom('a', 'b', '=', '&', '%', '+', '2', 'B', 'E', '9', ' ', '\n', 'é');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        expect(parseFormBody(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
    for (const text of ['a=%2B%2f%3D%25%41%7F%00', 'a=%C3%A9+%E4%B8%AD', 'a=%', 'a=%4', 'a=%G1', 'a=x%80', 'a=%2B%C3', '%61=%62']) {
      expect(parseFormBody(text)).toEqual(reference(text));
    }
    const long = `cert=${'%2B'.repeat(300)}&a=1`;
    expect(parseFormBody(long)).toEqual(reference(long));
    expect(parseFormBody(long)).toEqual(reference(long)); // the second time from the remembered decoding
  });

  it('keeps a `__proto__` field as plain data in both parsers', () => {
    for (const fields of [parseFormBody('__proto__=x&a=1'), parseResponseText('__proto__=x&a=1')]) {
      expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(fields, '__proto__')?.value).toBe('x');
      expect(Object.keys(fields ?? {})).toEqual(['__proto__', 'a']);
    }
    expect(parseFormBody('__proto__=x&__proto__=y')).toBeNull();
  });
});
