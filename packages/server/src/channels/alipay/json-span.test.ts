import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as V from './__fixtures__/vectors';
import { scanTopLevel } from './json-span';

const spanOf = (text: string, key: string) => {
  const span = scanTopLevel(text)?.get(key);
  return span ? text.slice(span.start, span.end) : undefined;
};

describe('scanTopLevel', () => {
  it('A5: cuts out exactly the signed span', () => {
    expect(spanOf(V.A5_RESPONSE, 'alipay_open_file_upload_response')).toBe(V.A5_SIGNED_SPAN);
  });

  it('keeps escapes such as \\/ byte for byte', () => {
    const inner = '{"code":"10000","msg":"Success","image_url":"http:\\/\\/oalipay-dl-django.alicdn.com\\/rest\\/1.0\\/image?fileIds=Zp1&zoom=original"}';
    expect(spanOf(`{"alipay_offline_material_image_upload_response":${inner},"sign":"P8xr"}`, 'alipay_offline_material_image_upload_response')).toBe(inner);
  });

  it('tolerates whitespace and newlines around members', () => {
    const inner = '{ "code" : "10000",\n "msg":"Success" }';
    const body = `{\n  "x_response" :\n ${inner} ,\n "sign" : "abc"\n}\n`;
    expect(spanOf(body, 'x_response')).toBe(inner);
    expect(spanOf(body, 'sign')).toBe('"abc"');
  });

  it('is not fooled by a "sign" member inside the response, or by braces in strings', () => {
    const inner = '{"code":"10000","sign":"inner","note":"} \\" {","list":[{"a":1},[2,3.5e-1,true,null]]}';
    const text = `{"a_response":${inner},"sign":"outer"}`;
    expect(spanOf(text, 'a_response')).toBe(inner);
    expect(spanOf(text, 'sign')).toBe('"outer"');
  });

  it('refuses duplicate top-level keys, trailing garbage and invalid JSON', () => {
    for (const text of ['{"a":1,"a":2}', '{"a":1} x', '{"a":}', '{"a":"\\x"}', '[1]', '', '{"a":1,}', '{"a":"\u0001"}', '{"a":01}']) {
      expect(scanTopLevel(text)).toBeNull();
    }
  });

  it('refuses absurd nesting without a stack overflow', () => {
    expect(scanTopLevel(`{"a":${'['.repeat(100_000)}}`)).toBeNull();
  });

  it('agrees with JSON.parse on random JSON objects', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.constantFrom(0, 2), (object, indent) => {
        const text = JSON.stringify(object, null, indent);
        const spans = scanTopLevel(text);
        expect(spans).not.toBeNull();
        for (const [key, value] of Object.entries(object)) {
          const span = spans!.get(key)!;
          expect(JSON.parse(text.slice(span.start, span.end))).toEqual(JSON.parse(JSON.stringify(value)));
        }
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const result = scanTopLevel(text);
        if (result !== null) expect(() => JSON.parse(text)).not.toThrow();
      }),
    );
  });
});
