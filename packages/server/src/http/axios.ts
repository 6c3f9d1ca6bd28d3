/**
 * The default `HttpClient`, on axios. Accepts the merchant's own `AxiosInstance` (proxies, logging interceptors,
 * mutual-TLS agents) and never lets axios parse or transform bodies: channels verify the exact bytes received.
 */
import { PayConfigError, PayConnectionError, PayUnsupportedError } from '@payweave/core';
import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios';
import { fromUtf8 } from '../internal/encoding';
import type { ClientTls, HttpClient, HttpRequest, HttpResponse } from './client';
import { assertGatewayUrl } from './url-policy';

export interface AxiosHttpClientOptions {
  /** Default timeout per request (ms). Gateways document 5-10 s; 15 s leaves room for slow networks. */
  timeoutMs?: number;
  /** Largest response body accepted (bytes). */
  maxResponseBytes?: number;
  /**
   * Turns client TLS material into an axios `httpsAgent` (Node only; wired by the Node entry). Without it a request
   * that needs mutual TLS fails with `PayUnsupportedError`.
   */
  tlsAgent?: (tls: ClientTls) => unknown;
}

/** True when `value` looks like an axios instance (duck-typed: axios may be another copy than ours). */
export function isAxiosInstance(value: unknown): value is AxiosInstance {
  return (
    typeof value === 'function' &&
    typeof (value as AxiosInstance).request === 'function' &&
    typeof (value as AxiosInstance).defaults === 'object' &&
    typeof (value as AxiosInstance).interceptors === 'object'
  );
}

/** Wrap an axios instance (default: a fresh one) as an `HttpClient`. */
export function createAxiosHttpClient(instance: AxiosInstance = axios.create(), options: AxiosHttpClientOptions = {}): HttpClient {
  checkArguments(instance, options);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxResponseBytes ?? 10 * 1024 * 1024;
  const agents = new Map<ClientTls, unknown>();

  return {
    async request(request: HttpRequest): Promise<HttpResponse> {
      if (typeof request !== 'object' || request === null) {
        throw new PayConfigError('HttpClient.request expects { method, url, headers?, body? }', { code: 'HTTP_REQUEST_INVALID' });
      }
      const url = assertGatewayUrl(request.url);
      const config: AxiosRequestConfig = {
        method: request.method,
        url: url.toString(),
        headers: request.headers ?? {},
        data: request.body,
        timeout: request.timeoutMs ?? timeoutMs,
        signal: request.signal,
        responseType: 'arraybuffer',
        transformRequest: [(data: unknown) => data],
        transformResponse: [(data: unknown) => data],
        validateStatus: () => true,
        maxRedirects: 0,
        maxContentLength: maxBytes,
        maxBodyLength: maxBytes,
        decompress: true,
      };
      if (request.tls) {
        if (!options.tlsAgent) {
          throw new PayUnsupportedError('this request needs client TLS (mutual TLS), which only the Node entry of @payweave/server supports', {
            code: 'MUTUAL_TLS_UNSUPPORTED',
          });
        }
        let agent = agents.get(request.tls);
        if (!agent) {
          agent = options.tlsAgent(request.tls);
          agents.set(request.tls, agent);
        }
        config.httpsAgent = agent;
      }
      let response;
      try {
        response = await instance.request<ArrayBuffer>(config);
      } catch (error) {
        throw toConnectionError(error, url);
      }
      if (typeof response !== 'object' || response === null || !Number.isInteger(response.status)) {
        throw new PayConfigError('the axios instance returned something other than an axios response: check its response interceptors', { code: 'HTTP_BODY_TRANSFORMED' });
      }
      const bytes = toBytes(response.data);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers ?? {})) {
        const text = headerText(value);
        if (text !== undefined) headers[name.toLowerCase()] = text;
      }
      return { status: response.status, headers, bytes, text: fromUtf8(bytes) };
    },
  };
}

/** Refuse what axios cannot use, at construction rather than on the first payment. */
function checkArguments(instance: unknown, options: unknown): void {
  if (!isAxiosInstance(instance)) {
    throw new PayConfigError('createAxiosHttpClient expects an AxiosInstance (axios.create()) or nothing', { code: 'CONFIG_INVALID' });
  }
  if (typeof options !== 'object' || options === null) {
    throw new PayConfigError('createAxiosHttpClient options must be an object: { timeoutMs?, maxResponseBytes?, tlsAgent? }', { code: 'CONFIG_INVALID' });
  }
  const { timeoutMs, maxResponseBytes, tlsAgent } = options as AxiosHttpClientOptions;
  for (const [name, value] of [['timeoutMs', timeoutMs], ['maxResponseBytes', maxResponseBytes]] as const) {
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)) {
      throw new PayConfigError(`createAxiosHttpClient ${name} must be a positive number`, { code: 'CONFIG_INVALID' });
    }
  }
  if (tlsAgent !== undefined && typeof tlsAgent !== 'function') {
    throw new PayConfigError('createAxiosHttpClient tlsAgent must be a function', { code: 'CONFIG_INVALID' });
  }
}

/** A header value as text; values no HTTP stack produces (objects, symbols) are dropped. */
function headerText(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.filter((item) => typeof item === 'string').join(', ');
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (data === undefined || data === null) return new Uint8Array(0);
  throw new PayConfigError('the axios instance transformed the response body; payweave needs the raw bytes (remove response transforms for payment gateways)', {
    code: 'HTTP_BODY_TRANSFORMED',
  });
}

function toConnectionError(error: unknown, url: URL): PayConnectionError {
  const raw = (error as { code?: unknown } | null | undefined)?.code;
  const code = typeof raw === 'string' ? raw : undefined;
  const where = `${url.protocol}//${url.host}${url.pathname}`;
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
    return new PayConnectionError(`timed out calling ${where}; the request may or may not have reached the gateway: query before retrying`, { code: 'TIMEOUT', cause: error });
  }
  if (code === 'ERR_CANCELED') {
    return new PayConnectionError(`request to ${where} was aborted`, { code: 'ABORTED', cause: error });
  }
  if (code === 'ERR_BAD_RESPONSE' || code === 'ERR_FR_MAX_BODY_LENGTH_EXCEEDED') {
    return new PayConnectionError(`the response from ${where} was too large or malformed`, { code: 'BAD_RESPONSE', cause: error, isRetryable: false });
  }
  return new PayConnectionError(`could not reach ${where} (${code ?? 'network error'}); check connectivity and the gateway URL`, { cause: error });
}
