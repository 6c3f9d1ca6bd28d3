/**
 * A merchant-supplied `HttpClient` held to the HttpClient contract: a transport failure that is not a PayError
 * (fetch's `TypeError: fetch failed`) becomes a retryable `PayConnectionError`, and an answer that is not an
 * `HttpResponse` a `PayConfigError`, instead of a TypeError deep inside a channel.
 */
import { PayConfigError, PayConnectionError, PayError } from '@payweave/core';
import { fromUtf8, utf8 } from '../internal/encoding';
import type { HttpClient, HttpResponse } from './client';

/** Where a request went, without its query string (Alipay GET URLs carry the signature there). */
function target(url: unknown): string {
  try {
    const parsed = new URL(String(url));
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return 'the gateway';
  }
}

/** The response, with `bytes` or `text` derived from the other when a client gave only one; null when unusable. */
function normalise(response: unknown): HttpResponse | null {
  const candidate = response as Partial<HttpResponse> | null;
  if (typeof candidate !== 'object' || candidate === null || !Number.isInteger(candidate.status)) return null;
  const headers = candidate.headers ?? {};
  if (typeof headers !== 'object' || headers === null) return null;
  const bytes = candidate.bytes instanceof Uint8Array ? candidate.bytes : typeof candidate.text === 'string' ? utf8(candidate.text) : null;
  if (!bytes) return null;
  const text = typeof candidate.text === 'string' ? candidate.text : fromUtf8(bytes);
  return { status: candidate.status as number, headers, bytes, text };
}

/** Wrap `client` so that it fails only with payweave errors. */
export function guardHttpClient(client: HttpClient): HttpClient {
  return {
    async request(request) {
      let response: unknown;
      try {
        response = await client.request(request);
      } catch (error) {
        if (PayError.isInstance(error)) throw error;
        throw new PayConnectionError(`the http client failed calling ${target(request.url)}; check connectivity and the gateway URL`, { cause: error });
      }
      const usable = normalise(response);
      if (!usable) {
        throw new PayConfigError(`the http client answered ${target(request.url)} with something other than { status, headers, bytes, text }: fix the custom HttpClient`, {
          code: 'HTTP_CLIENT_INVALID',
        });
      }
      return usable;
    },
  };
}
