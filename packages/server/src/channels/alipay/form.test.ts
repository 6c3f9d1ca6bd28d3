import fc from 'fast-check';
import { PayError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import * as V from './__fixtures__/vectors';
import { MAX_FORM_LENGTH, parseForm } from './form';
import { receivedSignBytes } from './sign';

// "测试" in GBK: B2 E2 CA D4 (GB 2312 code points 3562 and 4252).
const GBK_TEST = [0xb2, 0xe2, 0xca, 0xd4];

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

describe('parseForm', () => {
  it('A6: decodes the form body once, as string or bytes', () => {
    for (const body of [V.A6_FORM_BODY, new TextEncoder().encode(V.A6_FORM_BODY)]) {
      const { fields } = parseForm(body);
      expect(fields.get('subject')).toBe('语雀空间 500人规模');
      expect(fields.get('fund_bill_list')).toBe('[{"amount":"0.10","fundChannel":"ALIPAYACCOUNT"}]');
      expect(fields.get('gmt_create')).toBe('2019-08-15 15:56:22');
      expect(fields.get('sign')).toBe(V.A6_SIGN);
    }
  });

  it('decodes exactly once: %2541 stays %41', () => {
    expect(parseForm('a=%2541&b=1%2B1+2').fields.get('a')).toBe('%41');
    expect(parseForm('a=%2541&b=1%2B1+2').fields.get('b')).toBe('1+1 2');
  });

  it('reads GBK bodies (escaped or raw bytes) in the charset the message names', () => {
    const escaped = parseForm(`charset=GBK&subject=${GBK_TEST.map((b) => `%${b.toString(16).toUpperCase()}`).join('')}`);
    expect(escaped.fields.get('subject')).toBe('测试');
    const raw = Uint8Array.from([...ascii('subject='), ...GBK_TEST, ...ascii('&charset=gbk')]);
    expect(parseForm(raw).fields.get('subject')).toBe('测试');
  });

  it('reads UTF-8 text a framework already decoded', () => {
    expect(parseForm('subject=语雀&charset=utf-8').fields.get('subject')).toBe('语雀');
  });

  it('refuses GBK text that was already decoded (its signed bytes are lost)', () => {
    expect(() => parseForm('charset=GBK&subject=测试')).toThrow(/raw body bytes/);
  });

  it('refuses bytes that are not valid in the named charset', () => {
    expect(() => parseForm('charset=utf-8&subject=%B2%E2')).toThrow(expect.objectContaining({ code: 'NOTIFICATION_MALFORMED' }));
  });

  it('refuses repeated fields, unknown charsets and oversized bodies', () => {
    expect(() => parseForm('a=1&a=2')).toThrow(/twice/);
    expect(() => parseForm('charset=utf-16&a=1')).toThrow(/charset/);
    expect(() => parseForm(`a=${'x'.repeat(MAX_FORM_LENGTH)}`)).toThrow(/larger/);
    expect(() => parseForm(new Uint8Array(1024 * 1024))).toThrow(/larger/);
  });

  it('keeps empty values and stray percent signs', () => {
    const { fields } = parseForm('a=&b&c=100%&&d=%zz');
    expect([...fields]).toEqual([['a', ''], ['b', ''], ['c', '100%'], ['d', '%zz']]);
  });

  it('gives typed errors, never crashes, on random bytes and strings', () => {
    const body = fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }));
    fc.assert(
      fc.property(body, (input) => {
        try {
          parseForm(input);
        } catch (error) {
          expect(PayError.isInstance(error)).toBe(true);
        }
      }),
    );
  });

  it('text and byte bodies give the same fields and signed bytes, including the edge cases of the text shortcut', () => {
    const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    // Expected signed bytes as hex, written from the byte rules (not from this code).
    const cases: Array<[string, Record<string, string>, string]> = [
      // A leading BOM is dropped from the text but stays in the signed bytes.
      ['b=%EF%BB%BFx&a=1', { a: '1', b: 'x' }, '613d3126623defbbbf78'],
      ['b=\uFEFFx&a=1', { a: '1', b: 'x' }, '613d3126623defbbbf78'],
      // A stray `%` stays literal (decodeURIComponent would throw on it).
      ['a=100%&b=%zz+1', { a: '100%', b: '%zz 1' }, '613d3130302526623d257a7a2031'],
      // Charset named in any case, `+` as space, escapes of non-ASCII text.
      ['charset=UTF-8&s=%E6%B5%8B+t', { charset: 'UTF-8', s: '测 t' }, '636861727365743d5554462d3826733de6b58b2074'],
    ];
    for (const [body, expected, signedHex] of cases) {
      for (const input of [body, new TextEncoder().encode(body)]) {
        const form = parseForm(input);
        expect(Object.fromEntries(form.fields)).toEqual(expected);
        expect(hex(receivedSignBytes(form, 'with-sign-type'))).toBe(signedHex);
      }
    }
  });

  it('reads a text body with a lone surrogate like its UTF-8 encoding (U+FFFD)', () => {
    expect(parseForm('a=x\uD800').fields.get('a')).toBe('x\uFFFD');
  });

  it('reads a well-formed surrogate pair (text or escaped) like its bytes', () => {
    for (const body of ['b=\u{1F600}+x&a=%F0%9F%98%80', new TextEncoder().encode('b=\u{1F600}+x&a=%F0%9F%98%80')]) {
      const form = parseForm(body);
      expect(Object.fromEntries(form.fields)).toEqual({ a: '\u{1F600}', b: '\u{1F600} x' });
      expect(Array.from(receivedSignBytes(form, 'with-sign-type'))).toEqual([...new TextEncoder().encode('a=\u{1F600}&b=\u{1F600} x')]);
    }
  });

  it('decodes tokens with and without escapes, keys included, wherever the next "=", "%" or "+" is', () => {
    const { fields } = parseForm('k%31=v+1&plain&k+2=%3D%26&x=a=b&y=');
    expect([...fields]).toEqual([['k1', 'v 1'], ['plain', ''], ['k 2', '=&'], ['x', 'a=b'], ['y', '']]);
  });

  it('keeps field names that are Object.prototype members as plain data, and never reads the prototype', () => {
    const form = parseForm('toString=1&__proto__=2&constructor=3');
    expect(form.fields.get('toString')).toBe('1');
    expect(form.fields.record).toEqual(Object.fromEntries([['toString', '1'], ['__proto__', '2'], ['constructor', '3']]));
    expect(Object.getPrototypeOf(form.fields.record)).toBe(Object.prototype);
    expect(parseForm('a=1').fields.get('toString')).toBeUndefined();
    expect(parseForm('a=1').fields.has('constructor')).toBe(false);
    expect(() => parseForm('toString=1&toString=2')).toThrow(/twice/);
  });
});
