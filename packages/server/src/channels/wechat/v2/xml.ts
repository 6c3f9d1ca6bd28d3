/**
 * WeChat Pay APIv2 XML: one flat `<xml>` element per message, values as text or CDATA.
 * Parsing is hardened: a DOCTYPE or ENTITY declaration is refused before the parser sees it (no XXE, no billion
 * laughs), fast-xml-parser never expands entities, bodies are size-capped, and duplicate or nested fields are
 * refused because a signature over an ambiguous message means nothing.
 * @see https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=23_5 (XXE advisory)
 */
import { PayValidationError } from '@payweave/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fromUtf8Strict } from '../../../internal/encoding';
import { ownEntry } from '../../../internal/lookup';

/** Largest v2 XML body accepted, in bytes (real messages are under 4 KB). */
export const MAX_V2_XML_BYTES = 64 * 1024;

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const FORBIDDEN_DECLARATION = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST)/i;
const CDATA = '#cdata';
const TEXT = '#text';

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  cdataPropName: CDATA,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 4,
});

function invalid(message: string, code = 'XML_INVALID'): PayValidationError {
  return new PayValidationError(message, [{ path: 'body', message }], { code, channel: 'wechat' });
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decode the five predefined XML entities and character references in plain (non-CDATA) text; nothing else. */
function decodeText(text: string): string {
  return text.replace(/&([^;&\s]{1,10});/g, (whole, name: string) => {
    const predefined = ownEntry(PREDEFINED, name);
    if (predefined !== undefined) return predefined;
    const code = /^#x([0-9a-fA-F]{1,6})$/.exec(name)?.[1] ?? /^#([0-9]{1,7})$/.exec(name)?.[1];
    if (code !== undefined) {
      const point = name.startsWith('#x') ? Number.parseInt(code, 16) : Number.parseInt(code, 10);
      if (point <= 0x10ffff && (point < 0xd800 || point > 0xdfff)) return String.fromCodePoint(point);
    }
    throw invalid(`XML text holds an undeclared entity ${whole.slice(0, 14)}`);
  });
}

function fieldValue(name: string, node: unknown): string {
  if (typeof node === 'string') return decodeText(node);
  if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    const keys = Object.keys(node);
    if (keys.length === 1 && keys[0] === CDATA) {
      const cdata = (node as Record<string, unknown>)[CDATA];
      if (typeof cdata === 'string') return cdata;
      // `]]>` inside a value is written as adjacent CDATA sections; they join back without ambiguity.
      if (Array.isArray(cdata) && cdata.every((part) => typeof part === 'string')) return cdata.join('');
    }
  }
  if (Array.isArray(node)) throw invalid(`field ${name} appears more than once`);
  throw invalid(`field ${name} is not a flat text or CDATA value`);
}

/**
 * Parse a v2 message into a null-prototype record of its fields. `root` is `xml` for messages and `root` for the
 * decrypted refund `req_info`. Throws `PayValidationError` (`XML_FORBIDDEN`, `XML_TOO_LARGE`, `XML_INVALID`).
 */
export function parseV2Xml(body: string | Uint8Array, root = 'xml'): Record<string, string> {
  const size = typeof body === 'string' ? body.length : body.byteLength;
  if (size > MAX_V2_XML_BYTES) throw invalid(`WeChat Pay v2 XML body of ${size} bytes exceeds ${MAX_V2_XML_BYTES}`, 'XML_TOO_LARGE');
  const text = typeof body === 'string' ? body : fromUtf8Strict(body);
  if (text === null) throw invalid('WeChat Pay v2 XML body is not valid UTF-8');
  if (FORBIDDEN_DECLARATION.test(text)) {
    throw invalid('WeChat Pay v2 XML with a DOCTYPE or ENTITY declaration is refused (XXE / entity expansion)', 'XML_FORBIDDEN');
  }
  if (XMLValidator.validate(text) !== true) throw invalid('WeChat Pay v2 body is not well-formed XML');
  let document: Record<string, unknown>;
  try {
    document = parser.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new PayValidationError('WeChat Pay v2 body could not be parsed as XML', [{ path: 'body', message: 'unparseable XML' }], {
      code: 'XML_INVALID',
      channel: 'wechat',
      cause: error,
    });
  }
  const rootNames = Object.keys(document);
  if (rootNames.length !== 1 || rootNames[0] !== root) throw invalid(`expected a single <${root}> root element`);
  const element = document[root];
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  if (element === '' || element === undefined) return fields;
  if (typeof element !== 'object' || element === null || Array.isArray(element)) throw invalid(`<${root}> must contain field elements`);
  for (const [name, node] of Object.entries(element as Record<string, unknown>)) {
    if (name === TEXT) {
      if (typeof node !== 'string' || node.trim() !== '') throw invalid(`<${root}> holds text outside of its fields`);
      continue;
    }
    if (name === CDATA || !FIELD_NAME.test(name)) throw invalid(`unexpected element name in <${root}>`);
    fields[name] = fieldValue(name, node);
  }
  return fields;
}

/** Characters that make the plain-text form ambiguous: such values go into CDATA. */
const NEEDS_CDATA = /[<>&'"]/;

/**
 * Serialise flat fields as `<xml>...</xml>` in the given key order, skipping empty values (an empty element is not
 * signed, so sending it would only confuse the gateway). Values with markup characters are wrapped in CDATA.
 */
export function buildV2Xml(fields: Record<string, string | undefined>): string {
  let out = '<xml>';
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === '') continue;
    if (!FIELD_NAME.test(name)) throw invalid(`cannot serialise field name ${JSON.stringify(name.slice(0, 20))}`);
    const content = NEEDS_CDATA.test(value) ? `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>` : value;
    out += `<${name}>${content}</${name}>`;
  }
  return `${out}</xml>`;
}
