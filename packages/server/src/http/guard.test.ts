import { PayConfigError, PayConnectionError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import type { HttpClient } from './client';
import { guardHttpClient } from './guard';

const request = { method: 'GET', url: 'https://openapi.alipay.com/gateway.do?sign=SECRET_SIGNATURE' } as const;
const answering = (answer: () => unknown): HttpClient => ({ request: async () => answer() as never });

describe('guardHttpClient', () => {
  it("turns a custom client's TypeError (fetch failed) into a retryable PayConnectionError without the query string", async () => {
    const error = await guardHttpClient(answering(() => { throw new TypeError('fetch failed'); })).request(request).catch((e: unknown) => e);
    expect(PayConnectionError.isInstance(error)).toBe(true);
    expect((error as PayConnectionError).isRetryable).toBe(true);
    expect((error as Error).message).toContain('https://openapi.alipay.com/gateway.do');
    expect((error as Error).message).not.toContain('SECRET_SIGNATURE');
  });

  it('refuses an answer that is not an HttpResponse', async () => {
    for (const answer of ['not a response', null, { status: '200', text: '' }, { status: 200, headers: 5, text: '' }, { status: 200 }]) {
      await expect(guardHttpClient(answering(() => answer)).request(request)).rejects.toSatisfy((e: unknown) => PayConfigError.isInstance(e) && (e as PayConfigError).code === 'HTTP_CLIENT_INVALID');
    }
  });

  it('derives bytes from text (and text from bytes) for clients that give one', async () => {
    const fromText = await guardHttpClient(answering(() => ({ status: 200, headers: {}, text: 'ok' }))).request(request);
    expect([...fromText.bytes]).toEqual([111, 107]);
    const fromBytes = await guardHttpClient(answering(() => ({ status: 200, bytes: Uint8Array.of(111, 107) }))).request(request);
    expect(fromBytes.text).toBe('ok');
    expect(fromBytes.headers).toEqual({});
  });
});
