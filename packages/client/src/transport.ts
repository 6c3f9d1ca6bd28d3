/**
 * How the client talks to the merchant server: the platform `fetch` by default, or the app's own AxiosInstance so
 * that its interceptors (auth headers, logging, token refresh) and baseURL apply. axios is never imported: an
 * instance is recognised by its shape.
 */
import { PayConfigError, PayError } from '@payweave/core';
import { abortedError, connectionError, serverError } from './errors';

/** The `fetch` signature the client needs (the platform's, or a polyfill's). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The request config fields the client sets on an axios request. */
export interface AxiosLikeRequestConfig {
  method: string;
  url: string;
  headers: Record<string, string>;
  data?: unknown;
  signal?: AbortSignal | undefined;
}

/** The part of an `AxiosInstance` the client uses; a real `AxiosInstance` satisfies it. */
export interface AxiosLikeInstance {
  request(config: AxiosLikeRequestConfig): Promise<{ status: number; data: unknown }>;
  defaults: object;
}

/** Extra request headers: a fixed record, or a function called before each request (fresh auth tokens). */
export type HeadersOption = Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

/** One call to the merchant server. `body` is sent as JSON. */
export interface TransportRequest {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  signal?: AbortSignal | undefined;
}

/** The server's answer: its status and its body parsed as JSON (the text when it is not JSON). */
export interface TransportResponse {
  status: number;
  data: unknown;
}

/** Sends one request; rejects only with `PayConnectionError` (unreachable) or `ABORTED`, never for an HTTP status. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** True for an axios instance (or anything shaped like one), without importing axios. */
export function isAxiosLike(http: unknown): http is AxiosLikeInstance {
  const candidate = http as Partial<AxiosLikeInstance> | undefined;
  return typeof candidate?.request === 'function' && !!candidate.defaults;
}

/** Build the transport for `http` (default: the global `fetch`, looked up per request, never at import). */
export function createTransport(http: FetchLike | AxiosLikeInstance | undefined, headers?: HeadersOption): Transport {
  return async ({ method, url, body, signal }) => {
    const axios = isAxiosLike(http) ? http : undefined;
    const fetchFn = (http ?? globalThis.fetch) as FetchLike | undefined;
    if (!axios && typeof fetchFn !== 'function') {
      throw new PayConfigError('no global fetch: pass createPayClient({ http }), a fetch function or an AxiosInstance', { code: 'CLIENT_HTTP_MISSING' });
    }
    let extra: Record<string, string> | undefined;
    try {
      extra = typeof headers === 'function' ? await headers() : headers;
    } catch (cause) {
      // The app's own hook (a token refresh...) failed: report it as such, not as whatever it threw.
      throw new PayError('the headers function of createPayClient threw: no request sent', { code: 'CLIENT_HEADERS_FAILED', isRetryable: true, cause });
    }
    const json = 'application/json';
    const requestHeaders = { accept: json, ...(body !== undefined && { 'content-type': json }), ...extra };
    let response: TransportResponse;
    try {
      response = axios
        ? // axios rejects non-2xx answers (unless the app changed validateStatus): they are answers, not failures.
          await axios.request({ method, url, headers: requestHeaders, data: body, signal }).catch((error: { response?: TransportResponse } | null) => {
            if (typeof error?.response?.status === 'number') return error.response;
            throw error;
          })
        : // JSON.stringify(undefined) is undefined: no body.
          await (fetchFn as FetchLike)(url, { method, headers: requestHeaders, body: JSON.stringify(body), signal: signal ?? null }).then(async (answer) => ({
            status: answer.status,
            data: await answer.text(),
          }));
    } catch (error) {
      const what = `${method} ${url}`;
      throw signal?.aborted ? abortedError(what, signal.reason) : connectionError(what, error);
    }
    // JSON text parsed; anything else (an object axios already parsed, an HTML error page) as it came.
    let { data } = response;
    try {
      if (typeof data === 'string') data = JSON.parse(data);
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, data };
  };
}

/** Send `request` and resolve to the body of a 2xx answer; any other answer rejects as the server's error. */
export async function requestOk(transport: Transport, request: TransportRequest): Promise<unknown> {
  const { status, data } = await transport(request);
  if (status > 199 && status < 300) return data;
  throw serverError(status, data, `${request.method} ${request.url}`);
}
