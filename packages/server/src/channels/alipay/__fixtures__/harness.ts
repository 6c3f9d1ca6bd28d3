/**
 * Test harness (not shipped): a channel context with a fixed clock, and a fake gateway.do that checks the merchant's
 * signature with its own independent string-to-sign and answers with replies signed by the TEST "Alipay" key.
 */
import { parseRsaPrivateKey, parseRsaPublicKey } from '../../../crypto/keys';
import type { CryptoProvider, RsaPrivateKeyHandle } from '../../../crypto/provider';
import type { HttpClient, HttpRequest, HttpResponse } from '../../../http/client';
import { fromBase64, toBase64, utf8 } from '../../../internal/encoding';
import { testCrypto } from '../../../testing/crypto';
import type { ChannelContext } from '../../types';
import { FAKE_ALIPAY_PRIVATE_KEY } from './fake-gateway-key';
import { APP_PUBLIC_KEY } from './keys';

/** 2024-01-02 03:04:05 in Beijing (UTC+8), the timestamp of vectors A1-A3. */
export const VECTOR_TIME_MS = Date.UTC(2024, 0, 1, 19, 4, 5);

/** Sign `content` with the TEST "Alipay" key (RSA2). */
export async function signAsAlipay(crypto: CryptoProvider, content: string | Uint8Array, hash: 'SHA-256' | 'SHA-1' = 'SHA-256'): Promise<string> {
  const key: RsaPrivateKeyHandle = await crypto.importRsaPrivateKey(parseRsaPrivateKey(FAKE_ALIPAY_PRIVATE_KEY, 'fake').pkcs8);
  return toBase64(await crypto.rsaSign(hash, key, typeof content === 'string' ? utf8(content) : content));
}

/** A form body signed like a trade notification: sorted, without sign and sign_type (rsaCheckV1). */
export async function signedNotificationBody(crypto: CryptoProvider, fields: Record<string, string>): Promise<string> {
  const content = Object.keys(fields)
    .filter((key) => key !== 'sign' && key !== 'sign_type')
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('&');
  const sign = await signAsAlipay(crypto, content);
  return new URLSearchParams({ ...fields, sign_type: 'RSA2', sign }).toString();
}

/** One call the fake gateway received, after its signature was checked. */
export interface ReceivedCall {
  method: string;
  params: Record<string, string>;
  biz: Record<string, unknown>;
}

/** What a handler answers: a reply object (signed), or a complete raw body. */
export type FakeAnswer = { reply: Record<string, unknown>; unsigned?: boolean; extra?: string } | { rawBody: string; status?: number };

/** A fake gateway.do. Requests whose signature does not verify with the K1 app public key fail the test. */
export async function fakeGateway(handler: (call: ReceivedCall) => FakeAnswer | Promise<FakeAnswer>): Promise<{ http: HttpClient; calls: ReceivedCall[] }> {
  const crypto = await testCrypto();
  const appKey = await crypto.importRsaPublicKey(parseRsaPublicKey(APP_PUBLIC_KEY, 'app').spki);
  const calls: ReceivedCall[] = [];
  const http: HttpClient = {
    async request(request: HttpRequest): Promise<HttpResponse> {
      const url = new URL(request.url);
      const params: Record<string, string> = Object.fromEntries(url.searchParams);
      for (const [key, value] of new URLSearchParams(String(request.body ?? ''))) params[key] = value;
      const content = Object.keys(params)
        .filter((key) => key !== 'sign' && params[key] !== '')
        .sort()
        .map((key) => `${key}=${params[key]}`)
        .join('&');
      const ok = await crypto.rsaVerify('SHA-256', appKey, utf8(content), fromBase64(params.sign ?? '') ?? new Uint8Array());
      if (!ok) throw new Error(`fake gateway: request signature does not verify over ${content}`);
      const call = { method: params.method ?? '', params, biz: params.biz_content ? (JSON.parse(params.biz_content) as Record<string, unknown>) : {} };
      calls.push(call);
      const answer = await handler(call);
      let text: string;
      if ('rawBody' in answer) text = answer.rawBody;
      else {
        const json = JSON.stringify(answer.reply);
        const key = `${call.method.replace(/\./g, '_')}_response`;
        text = answer.unsigned ? `{"${key}":${json}}` : `{"${key}":${json},"sign":"${await signAsAlipay(crypto, json)}"${answer.extra ?? ''}}`;
      }
      return { status: 'rawBody' in answer ? (answer.status ?? 200) : 200, headers: { 'content-type': 'application/json' }, bytes: utf8(text), text };
    },
  };
  return { http, calls };
}

/** A channel context around `http`, with the vector clock. */
export async function testContext(http: HttpClient, overrides: Partial<ChannelContext> = {}): Promise<ChannelContext> {
  return {
    crypto: await testCrypto(),
    http,
    clock: () => VECTOR_TIME_MS,
    nonce: () => 'n'.repeat(32),
    notifyUrl: 'https://example.com/alipay/notify',
    warn: () => undefined,
    ...overrides,
  };
}
