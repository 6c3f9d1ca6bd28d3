/**
 * The WeChat Pay APIv2 wire protocol as the gateway side speaks it (independent of the server SDK): flat `<xml>`
 * messages, MD5 / HMAC-SHA256 signatures with the APIv2 key, and the AES-256-ECB `req_info` of refund notifications.
 * @see https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=4_3
 */
import { SANDBOX_API_KEY } from './keys';
import { md5Hex } from './md5';

/** A flat APIv2 message. */
export type V2Message = Record<string, string>;

const encoder = new TextEncoder();
const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** Parse `<xml><k>v</k>...</xml>` (text or CDATA); refuses DOCTYPE like WeChat's hardened parser. */
export function parseXml(text: string): V2Message {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new Error('DOCTYPE is not allowed');
  const fields: V2Message = {};
  const body = /<xml>([\s\S]*)<\/xml>/.exec(text)?.[1];
  if (body === undefined) throw new Error('not an <xml> message');
  for (const match of body.matchAll(/<(\w+)>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/\1>/g)) {
    fields[match[1] as string] = match[2] ?? (match[3] as string).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  }
  return fields;
}

/** Serialise with every value in CDATA, as WeChat's own replies are. */
export function toXml(fields: V2Message): string {
  return `<xml>${Object.entries(fields)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `<${k}><![CDATA[${v}]]></${k}>`)
    .join('')}</xml>`;
}

/** `sign` of a message: MD5 or HMAC-SHA256 over the sorted non-empty fields plus `&key=`. */
export async function signV2(fields: V2Message, signType: string, key = SANDBOX_API_KEY): Promise<string> {
  const text = `${Object.keys(fields)
    .filter((k) => k !== 'sign' && fields[k] !== '' && fields[k] !== undefined)
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join('&')}&key=${key}`;
  if (signType !== 'HMAC-SHA256') return md5Hex(encoder.encode(text)).toUpperCase();
  const hmacKey = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await crypto.subtle.sign('HMAC', hmacKey, encoder.encode(text))).toUpperCase();
}

/** A signed reply: `return_code` SUCCESS plus `fields`, signed with the request's sign type. */
export async function signedReply(fields: V2Message, signType: string): Promise<Response> {
  const message: V2Message = { return_code: 'SUCCESS', return_msg: 'OK', nonce_str: crypto.randomUUID().replace(/-/g, ''), ...fields };
  message.sign = await signV2(message, signType);
  return new Response(toXml(message), { status: 200, headers: { 'Content-Type': 'text/xml; charset=utf-8' } });
}

/** A communication error (unsigned, as WeChat sends them). */
export function failReply(message: string): Response {
  return new Response(toXml({ return_code: 'FAIL', return_msg: message }), { status: 200, headers: { 'Content-Type': 'text/xml; charset=utf-8' } });
}

/**
 * AES-256-ECB with PKCS#7 under md5(APIv2 key) as ASCII, base64: the refund notification `req_info`. WebCrypto has
 * no ECB; a one-block AES-CBC with a zero IV encrypts exactly one ECB block (its extra padding block is dropped).
 */
export async function encryptReqInfo(plaintext: string, apiKey = SANDBOX_API_KEY): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(md5Hex(encoder.encode(apiKey))), 'AES-CBC', false, ['encrypt']);
  const data = encoder.encode(plaintext);
  const padding = 16 - (data.length % 16);
  const padded = new Uint8Array(data.length + padding).fill(padding);
  padded.set(data);
  const out = new Uint8Array(padded.length);
  for (let offset = 0; offset < padded.length; offset += 16) {
    const block = await crypto.subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(16) }, key, padded.subarray(offset, offset + 16));
    out.set(new Uint8Array(block).subarray(0, 16), offset);
  }
  return btoa(String.fromCharCode(...out));
}
