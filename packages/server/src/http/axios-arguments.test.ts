/** Regression tests from the issue-2 robustness suite: createAxiosHttpClient with hostile arguments and answers. */
import { PayConfigError, PayConnectionError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import { createAxiosHttpClient } from './axios';
import { assertGatewayUrl } from './url-policy';

/** Shaped like an AxiosInstance (isAxiosInstance is duck-typed); answers without any network. */
const fakeAxios = (request: () => Promise<unknown>) => Object.assign(() => undefined, { defaults: {}, interceptors: {}, request });
const call = { method: 'GET', url: 'https://openapi.alipay.com/gateway.do' } as const;

describe('createAxiosHttpClient', () => {
  it('refuses a non-axios instance and malformed options at construction', () => {
    expect(() => createAxiosHttpClient({} as never)).toThrow(PayConfigError);
    expect(() => createAxiosHttpClient(fakeAxios(async () => undefined) as never, null as never)).toThrow(PayConfigError);
    expect(() => createAxiosHttpClient(fakeAxios(async () => undefined) as never, { timeoutMs: NaN })).toThrow(/timeoutMs/);
    expect(() => createAxiosHttpClient(fakeAxios(async () => undefined) as never, { tlsAgent: 5 as never })).toThrow(/tlsAgent/);
  });

  it('refuses a request that is not an object, and a URL that is not a string', async () => {
    const client = createAxiosHttpClient(fakeAxios(async () => undefined) as never);
    await expect(client.request(null as never)).rejects.toBeInstanceOf(PayConfigError);
    await expect(client.request({ method: 'GET', url: 5 } as never)).rejects.toMatchObject({ code: 'GATEWAY_URL_INVALID' });
    expect(() => assertGatewayUrl(Symbol('x') as never)).toThrow(PayConfigError);
  });

  it('an interceptor that returns something other than a response is a PayConfigError', async () => {
    await expect(createAxiosHttpClient(fakeAxios(async () => 'x') as never).request(call)).rejects.toMatchObject({ code: 'HTTP_BODY_TRANSFORMED' });
  });

  it('drops header values no HTTP stack produces, and survives an error whose code is not a string', async () => {
    const answer = { status: 200, data: new Uint8Array(0), headers: { ok: 'v', many: ['a', 'b'], weird: Symbol('s'), object: {} } };
    const response = await createAxiosHttpClient(fakeAxios(async () => answer) as never).request(call);
    expect(response.headers).toEqual({ ok: 'v', many: 'a, b' });
    const error = await createAxiosHttpClient(fakeAxios(() => Promise.reject({ code: Symbol('c') })) as never).request(call).catch((e: unknown) => e);
    expect(PayConnectionError.isInstance(error)).toBe(true);
  });
});
