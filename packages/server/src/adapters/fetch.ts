/** Fetch-API adapter: `toFetchHandler(pay, 'wechat')` is a `(Request) => Promise<Response>` notification endpoint. */
import type { Provider } from '@payweave/core';
import type { PayServer } from '../pay-server';

/** A notification endpoint for Fetch-API runtimes (edge functions, Deno, Bun, Hono, Next.js route handlers). */
export function toFetchHandler(pay: PayServer, provider: Provider): (request: Request) => Promise<Response> {
  return async (request) => {
    const body = new Uint8Array(await request.arrayBuffer());
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const result = await pay.notifications.handle(provider, { body, headers, method: request.method, url: request.url });
    return new Response(result.ack.body, { status: result.ack.status, headers: result.ack.headers });
  };
}
