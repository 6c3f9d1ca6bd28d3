import fc from 'fast-check';
import { PayValidationError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import { W2_FIELDS, W2_SIGN_MD5, W2_XML, W3_NOTIFICATION_XML } from '../__fixtures__/v2-vectors';
import { buildV2Xml, MAX_V2_XML_BYTES, parseV2Xml } from './xml';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(PayValidationError.isInstance(error)).toBe(true);
    return (error as PayValidationError).code;
  }
  return undefined;
}

describe('APIv2 XML', () => {
  it('W2: serialises the unifiedorder request as the plugin does, minus the empty attach element', () => {
    expect(buildV2Xml({ ...W2_FIELDS, sign: W2_SIGN_MD5 })).toBe(W2_XML.replace('<attach/>', ''));
  });

  it('W3: parses a notification to flat fields, CDATA or not', () => {
    const fields = parseV2Xml(W3_NOTIFICATION_XML);
    expect(fields.total_fee).toBe('888');
    expect(fields.transaction_id).toBe('1004400740201409030005092168');
    expect(parseV2Xml('<xml><a><![CDATA[x&amp;<y>]]></a><b>p&amp;q&#x41;&#66;</b><c></c></xml>')).toEqual({ a: 'x&amp;<y>', b: 'p&qAB', c: '' });
    expect(parseV2Xml('<?xml version="1.0" encoding="UTF-8"?>\n<xml>\n  <a>1</a>\n</xml>\n')).toEqual({ a: '1' });
  });

  it('round-trips values with markup characters through CDATA', () => {
    const fields = { a: '<b>&"\'', c: 'x]]>y', d: '中文' };
    expect(parseV2Xml(buildV2Xml(fields))).toEqual(fields);
  });

  it('refuses XXE and entity expansion before parsing', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><a>&xxe;</a></xml>';
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><xml><a>&lol9;</a></xml>`;
    expect(code(() => parseV2Xml(xxe))).toBe('XML_FORBIDDEN');
    expect(code(() => parseV2Xml(laughs))).toBe('XML_FORBIDDEN');
    expect(code(() => parseV2Xml('<!doctype xml><xml/>'))).toBe('XML_FORBIDDEN');
    expect(code(() => parseV2Xml('<xml><a>&xxe;</a></xml>'))).toBe('XML_INVALID');
    // Names of Object.prototype members are undeclared entities too, not text.
    for (const name of ['toString', 'valueOf', '__proto__']) expect(code(() => parseV2Xml(`<xml><a>&${name};</a></xml>`))).toBe('XML_INVALID');
  });

  it('refuses oversize bodies, duplicates, nesting, other roots and junk', () => {
    expect(code(() => parseV2Xml(`<xml><a>${'x'.repeat(MAX_V2_XML_BYTES)}</a></xml>`))).toBe('XML_TOO_LARGE');
    expect(code(() => parseV2Xml('<xml><a>1</a><a>2</a></xml>'))).toBe('XML_INVALID');
    expect(code(() => parseV2Xml('<xml><a><b>1</b></a></xml>'))).toBe('XML_INVALID');
    expect(code(() => parseV2Xml('<root><a>1</a></root>'))).toBe('XML_INVALID');
    expect(code(() => parseV2Xml('<xml><a>1</xml>'))).toBe('XML_INVALID');
    expect(code(() => parseV2Xml('<xml><__proto__>1</__proto__></xml>'))).toBe('XML_INVALID');
    expect(code(() => parseV2Xml('{"a":1}'))).toBe('XML_INVALID');
    expect(code(() => parseV2Xml(new Uint8Array([0x3c, 0xff, 0xfe])))).toBe('XML_INVALID');
  });

  it('fuzzed input gives a PayValidationError or flat string fields, never a crash', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `<xml>${s}</xml>`), fc.string().map((s) => `<xml><a>${s}</a></xml>`)), (input) => {
        try {
          const fields = parseV2Xml(input);
          for (const value of Object.values(fields)) expect(typeof value).toBe('string');
        } catch (error) {
          expect(PayValidationError.isInstance(error)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
