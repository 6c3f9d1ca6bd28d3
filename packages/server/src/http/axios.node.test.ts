import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PayConfigError, PayConnectionError, PayUnsupportedError } from '@payweave/core';
import { createAxiosHttpClient } from './axios';

const rawJson = '{"a":"\\/x","b":1.50}';
const mock = setupServer(
  http.post('https://gateway.example/echo', async ({ request }) =>
    new HttpResponse(rawJson, { status: 200, headers: { 'Content-Type': 'application/json', 'X-Trace': request.headers.get('x-sign') ?? '' } }),
  ),
  http.get('https://gateway.example/error', () => new HttpResponse('bad', { status: 500 })),
  http.get('https://gateway.example/redirect', () => new HttpResponse(null, { status: 302, headers: { Location: 'https://evil.example/' } })),
  http.get('http://sandbox.payweave.test/ok', () => HttpResponse.text('sandbox')),
);
beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mock.close());

describe('createAxiosHttpClient', () => {
  const client = createAxiosHttpClient();

  it('returns raw bytes and lower-cased headers without parsing JSON', async () => {
    const response = await client.request({ method: 'POST', url: 'https://gateway.example/echo', headers: { 'X-Sign': 'abc' }, body: 'k=v' });
    expect(response.status).toBe(200);
    expect(response.text).toBe(rawJson);
    expect(new TextDecoder().decode(response.bytes)).toBe(rawJson);
    expect(response.headers['x-trace']).toBe('abc');
    expect(response.headers['content-type']).toMatch(/application\/json/);
  });

  it('resolves for error statuses and does not follow redirects', async () => {
    expect((await client.request({ method: 'GET', url: 'https://gateway.example/error' })).status).toBe(500);
    expect((await client.request({ method: 'GET', url: 'https://gateway.example/redirect' })).status).toBe(302);
  });

  it('refuses plain http except for loopback and .test sandbox hosts', async () => {
    await expect(client.request({ method: 'GET', url: 'http://gateway.example/x' })).rejects.toBeInstanceOf(PayConfigError);
    await expect(client.request({ method: 'GET', url: 'not a url' })).rejects.toMatchObject({ code: 'GATEWAY_URL_INVALID' });
    expect((await client.request({ method: 'GET', url: 'http://sandbox.payweave.test/ok' })).text).toBe('sandbox');
  });

  it('maps timeouts and unreachable hosts to PayConnectionError', async () => {
    mock.close();
    const slow = createServer(() => {});
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const port = (slow.address() as AddressInfo).port;
      const timeout = await client.request({ method: 'GET', url: `http://127.0.0.1:${port}/`, timeoutMs: 100 }).catch((e: unknown) => e);
      expect(PayConnectionError.isInstance(timeout)).toBe(true);
      expect((timeout as PayConnectionError).code).toBe('TIMEOUT');
      expect((timeout as PayConnectionError).isRetryable).toBe(true);
      const refused = await client.request({ method: 'GET', url: 'http://127.0.0.1:1/' }).catch((e: unknown) => e);
      expect(PayConnectionError.isInstance(refused)).toBe(true);
      expect((refused as Error).message).toMatch(/could not reach http:\/\/127\.0\.0\.1:1\//);
    } finally {
      slow.close();
      mock.listen({ onUnhandledRequest: 'error' });
    }
  });

  it('needs a TLS agent factory for mutual TLS', async () => {
    await expect(client.request({ method: 'GET', url: 'https://gateway.example/error', tls: { cert: 'x', key: 'y' } })).rejects.toBeInstanceOf(PayUnsupportedError);
  });

  it('uses the merchant axios instance and its interceptors', async () => {
    const instance = axios.create();
    const seen: string[] = [];
    instance.interceptors.request.use((config) => {
      seen.push(String(config.url));
      return config;
    });
    await createAxiosHttpClient(instance).request({ method: 'GET', url: 'https://gateway.example/error' });
    expect(seen).toEqual(['https://gateway.example/error']);
  });
});
