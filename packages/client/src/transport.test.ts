import axios, { type AxiosInstance } from 'axios';
import { PayConfigError, PayConnectionError } from '@payweave/core';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { fakeFetch } from './__fixtures__/fake-fetch';
import type { PayClientOptions } from './client';
import { createTransport, isAxiosLike } from './transport';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetch transport', () => {
  it('sends JSON with accept/content-type and the extra headers, and parses the JSON answer', async () => {
    const { fetch, calls } = fakeFetch({ status: 201, json: { ok: true } });
    const transport = createTransport(fetch, { authorization: 'Bearer t0k' });
    const response = await transport({ method: 'POST', url: '/api/pay/charges', body: { orderNo: 'A1' } });
    expect(response).toEqual({ status: 201, data: { ok: true } });
    expect(calls[0]).toMatchObject({
      url: '/api/pay/charges',
      method: 'POST',
      body: { orderNo: 'A1' },
      headers: { accept: 'application/json', 'content-type': 'application/json', authorization: 'Bearer t0k' },
    });
  });

  it('calls a headers function before each request and sends no content-type without a body', async () => {
    let token = 0;
    const { fetch, calls } = fakeFetch({ json: {} });
    const transport = createTransport(fetch, async () => ({ authorization: `Bearer ${++token}` }));
    await transport({ method: 'GET', url: '/a' });
    await transport({ method: 'GET', url: '/b' });
    expect(calls.map((call) => call.headers)).toEqual([
      { accept: 'application/json', authorization: 'Bearer 1' },
      { accept: 'application/json', authorization: 'Bearer 2' },
    ]);
    expect(calls[0]?.body).toBeUndefined();
  });

  it('returns a non-JSON body as text (an HTML error page)', async () => {
    const { fetch } = fakeFetch({ status: 502, text: '<html>Bad Gateway</html>' });
    await expect(createTransport(fetch)({ method: 'GET', url: '/x' })).resolves.toEqual({ status: 502, data: '<html>Bad Gateway</html>' });
  });

  it('turns a network failure into a retryable PayConnectionError naming the request', async () => {
    const { fetch } = fakeFetch({ throws: new TypeError('Failed to fetch') });
    const error = await createTransport(fetch)({ method: 'POST', url: '/api/pay/charges', body: {} }).catch((e: unknown) => e);
    expect(PayConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'CONNECTION_FAILED', isRetryable: true });
    expect((error as Error).message).toContain('POST /api/pay/charges failed (Failed to fetch)');
  });

  it('reports ABORTED, not a connection failure, when the request signal was aborted', async () => {
    const { fetch } = fakeFetch({ throws: new DOMException('The operation was aborted.', 'AbortError') });
    const controller = new AbortController();
    controller.abort();
    const error = await createTransport(fetch)({ method: 'GET', url: '/x', signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ABORTED' });
    expect(PayConnectionError.isInstance(error)).toBe(false);
  });

  it('uses the global fetch at call time, and says what to pass when there is none', async () => {
    const { fetch, calls } = fakeFetch({ json: { ok: 1 } });
    const transport = createTransport(undefined);
    vi.stubGlobal('fetch', fetch);
    await transport({ method: 'GET', url: '/late' });
    expect(calls[0]?.url).toBe('/late');
    vi.stubGlobal('fetch', undefined);
    const error = await transport({ method: 'GET', url: '/none' }).catch((e: unknown) => e);
    expect(PayConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('pass createPayClient({ http })');
  });
});

describe('axios transport (duck-typed)', () => {
  it('recognises an instance by request() + defaults, and not a plain fetch', () => {
    expect(isAxiosLike({ request: () => undefined, defaults: {} })).toBe(true);
    expect(isAxiosLike(axios.create())).toBe(true);
    expect(isAxiosLike(fakeFetch().fetch)).toBe(false);
    expect(isAxiosLike(undefined)).toBe(false);
  });

  it('sends the config through instance.request and maps a rejected non-2xx answer to its status', async () => {
    const request = vi
      .fn()
      .mockResolvedValueOnce({ status: 200, data: { id: 1 } })
      .mockRejectedValueOnce(Object.assign(new Error('Request failed with status code 404'), { response: { status: 404, data: '{"error":{"code":"X"}}' } }));
    const transport = createTransport({ request, defaults: {} }, { 'x-shop': 's1' });
    await expect(transport({ method: 'POST', url: '/api/pay/charges', body: { orderNo: 'A1' } })).resolves.toEqual({ status: 200, data: { id: 1 } });
    expect(request.mock.calls[0]?.[0]).toEqual({
      method: 'POST',
      url: '/api/pay/charges',
      data: { orderNo: 'A1' },
      headers: { accept: 'application/json', 'content-type': 'application/json', 'x-shop': 's1' },
      signal: undefined,
    });
    await expect(transport({ method: 'GET', url: '/api/pay/charges/A1' })).resolves.toEqual({ status: 404, data: { error: { code: 'X' } } });
  });

  it('turns an axios network error (no response) into a PayConnectionError', async () => {
    const request = vi.fn().mockRejectedValue(Object.assign(new Error('Network Error'), { code: 'ERR_NETWORK' }));
    const error = await createTransport({ request, defaults: {} })({ method: 'GET', url: '/x' }).catch((e: unknown) => e);
    expect(PayConnectionError.isInstance(error)).toBe(true);
  });

  it("runs through a real AxiosInstance: the app's baseURL and interceptors apply", async () => {
    const seen: { url?: string; baseURL?: string; authorization?: unknown; data?: unknown }[] = [];
    const instance = axios.create({
      baseURL: 'https://shop.example',
      // An adapter instead of the network: the request reaches it after the app's interceptors ran.
      adapter: async (config) => {
        seen.push({ url: config.url, baseURL: config.baseURL, authorization: config.headers.get('authorization'), data: config.data });
        const status = config.method === 'post' ? 201 : 503;
        return { status, statusText: '', headers: {}, config, data: status === 201 ? '{"ok":true}' : 'busy' };
      },
    });
    instance.interceptors.request.use((config) => {
      config.headers.set('authorization', 'Bearer from-interceptor');
      return config;
    });
    const transport = createTransport(instance);
    await expect(transport({ method: 'POST', url: '/api/pay/charges', body: { orderNo: 'A1' } })).resolves.toEqual({ status: 201, data: { ok: true } });
    await expect(transport({ method: 'GET', url: '/api/pay/charges/A1' })).resolves.toEqual({ status: 503, data: 'busy' });
    expect(seen[0]).toEqual({ url: '/api/pay/charges', baseURL: 'https://shop.example', authorization: 'Bearer from-interceptor', data: '{"orderNo":"A1"}' });
  });

  it('accepts an AxiosInstance and a fetch function as `http` (types)', () => {
    expectTypeOf<AxiosInstance>().toExtend<NonNullable<PayClientOptions['http']>>();
    expectTypeOf<typeof fetch>().toExtend<NonNullable<PayClientOptions['http']>>();
  });
});
