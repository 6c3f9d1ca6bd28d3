/** Node `http` adapter: reads the raw body itself, so it works behind any framework that has not consumed it. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Provider } from '@payweave/core';
import type { Acknowledgement } from '../channels/types';
import { MAX_NOTIFICATION_BYTES } from '../notifications/raw';
import type { PayServer } from '../pay-server';
import { assertPayServer, assertProvider } from './arguments';

type RawBodyRequest = IncomingMessage & { rawBody?: unknown; body?: unknown };

/** Why reading failed when the body was too large (413), as opposed to a request that is not a readable stream (400). */
const BODY_TOO_LARGE = new Error('notification body too large');

function readBody(request: RawBodyRequest): Promise<Uint8Array> {
  // A framework that kept the raw bytes (express.raw, a rawBody property) already consumed the stream.
  if (request.rawBody instanceof Uint8Array) return Promise.resolve(request.rawBody);
  if (request.body instanceof Uint8Array) return Promise.resolve(request.body);
  if (typeof request.body === 'string') return Promise.resolve(new TextEncoder().encode(request.body));
  // A body parser left an object (refused below), or the stream was read already: waiting for 'end' would hang.
  if (request.body !== undefined || request.readableEnded) return Promise.resolve(new Uint8Array());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_NOTIFICATION_BYTES) {
        request.destroy();
        reject(BODY_TOO_LARGE);
        return;
      }
      chunks.push(chunk);
    });
    // Copied into a Uint8Array of its own: a small Buffer may be a view of Node's shared pool.
    request.on('end', () => {
      const body = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        body.set(chunk, offset);
        offset += chunk.length;
      }
      resolve(body);
    });
    request.on('error', reject);
  });
}

/**
 * Write the acknowledgement. With a Content-Length, Node joins head and body into one buffer; without one it uses
 * chunked encoding (size line, body, CRLF, last chunk: five buffers for a two-byte `ok`).
 */
function sendAck(res: ServerResponse, ack: Acknowledgement): void {
  const bodiless = ack.status === 204 || ack.status === 304;
  const headers = bodiless || Object.keys(ack.headers).some((name) => name.toLowerCase() === 'content-length') ? ack.headers : { ...ack.headers, 'content-length': String(Buffer.byteLength(ack.body)) };
  res.writeHead(ack.status, headers).end(bodiless ? undefined : ack.body);
}

/** A `(req, res)` notification endpoint for `node:http`, Express, Koa (`ctx.req`/`ctx.res`) and similar. */
export function toNodeHandler(pay: PayServer, provider: Provider): (req: IncomingMessage, res: ServerResponse) => void {
  assertPayServer(pay, 'toNodeHandler');
  assertProvider(provider, 'toNodeHandler');
  return (req, res) => {
    void (async () => {
      let body: Uint8Array;
      try {
        body = await readBody(req as RawBodyRequest);
      } catch (error) {
        const tooLarge = error === BODY_TOO_LARGE;
        res.writeHead(tooLarge ? 413 : 400, { 'content-type': 'text/plain' }).end(tooLarge ? 'body too large' : 'unreadable request body');
        return;
      }
      const typed = req as RawBodyRequest;
      if (typed.body !== undefined && !(typed.body instanceof Uint8Array) && typeof typed.body !== 'string' && typed.rawBody === undefined) {
        // A JSON/urlencoded body parser consumed the bytes: the signature can no longer be checked.
        const result = await pay.notifications.handle(provider, { body: typed.body as never, headers: req.headers, method: req.method, url: req.url });
        sendAck(res, result.ack);
        return;
      }
      const result = await pay.notifications.handle(provider, { body, headers: req.headers, method: req.method, url: req.url });
      sendAck(res, result.ack);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  };
}
