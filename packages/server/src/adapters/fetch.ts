/** Fetch-API adapter: `toFetchHandler(pay, 'wechat')` is a `(Request) => Promise<Response>` notification endpoint. */
import type { Provider } from '@payweave/core';
import type { RawNotification } from '../channels/types';
import type { PayServer } from '../pay-server';
import { assertPayServer, assertProvider } from './arguments';

/** A notification endpoint for Fetch-API runtimes (edge functions, Deno, Bun, Hono, Next.js route handlers). */
export function toFetchHandler(pay: PayServer, provider: Provider): (request: Request) => Promise<Response> {
  assertPayServer(pay, 'toFetchHandler');
  assertProvider(provider, 'toFetchHandler');
  return async (request) => {
    const result = await pay.notifications.handle(provider, await readRequest(request));
    // A 204 (WeChat Pay v3's acknowledgement) may carry no body: the Fetch standard's Response throws on one, even ''.
    const ackBody = result.ack.status === 204 || result.ack.status === 304 ? null : result.ack.body;
    return new Response(ackBody, { status: result.ack.status, headers: result.ack.headers });
  };
}

/** The raw notification in a Fetch `Request`; null when it is not a readable one (its body already consumed...). */
async function readRequest(request: Request): Promise<RawNotification | null> {
  try {
    const body = new Uint8Array(await request.arrayBuffer());
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { body, headers, method: request.method, url: request.url };
  } catch {
    return null; // handle() refuses it with the channel's own failure acknowledgement, so the gateway retries
  }
}
