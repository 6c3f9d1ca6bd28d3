/** Node `http` adapter: reads the raw body itself, so it works behind any framework that has not consumed it. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Provider } from '@payweave/core';
import { MAX_NOTIFICATION_BYTES } from '../notifications/raw';
import type { PayServer } from '../pay-server';

type RawBodyRequest = IncomingMessage & { rawBody?: unknown; body?: unknown };

function readBody(request: RawBodyRequest): Promise<Uint8Array> {
  // A framework that kept the raw bytes (express.raw, a rawBody property) already consumed the stream.
  if (request.rawBody instanceof Uint8Array) return Promise.resolve(request.rawBody);
  if (request.body instanceof Uint8Array) return Promise.resolve(request.body);
  if (typeof request.body === 'string') return Promise.resolve(new TextEncoder().encode(request.body));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_NOTIFICATION_BYTES) {
        request.destroy();
        reject(new Error('notification body too large'));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    request.on('error', reject);
  });
}

/** A `(req, res)` notification endpoint for `node:http`, Express, Koa (`ctx.req`/`ctx.res`) and similar. */
export function toNodeHandler(pay: PayServer, provider: Provider): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      let body: Uint8Array;
      try {
        body = await readBody(req as RawBodyRequest);
      } catch {
        res.writeHead(413, { 'content-type': 'text/plain' }).end('body too large');
        return;
      }
      const typed = req as RawBodyRequest;
      if (typed.body !== undefined && !(typed.body instanceof Uint8Array) && typeof typed.body !== 'string' && typed.rawBody === undefined) {
        // A JSON/urlencoded body parser consumed the bytes: the signature can no longer be checked.
        const result = await pay.notifications.handle(provider, { body: typed.body as never, headers: req.headers, method: req.method, url: req.url });
        res.writeHead(result.ack.status, result.ack.headers).end(result.ack.body);
        return;
      }
      const result = await pay.notifications.handle(provider, { body, headers: req.headers, method: req.method, url: req.url });
      res.writeHead(result.ack.status, result.ack.headers).end(result.ack.body);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  };
}
