/**
 * `sandbox.listen()`: serves the sandbox's msw handlers over a real `node:http` server. Each incoming request becomes
 * a Fetch `Request` on the server's public origin and is answered by msw's `getResponse` over the same handler list
 * that `setupServer` uses, so both modes run one implementation.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PayConfigError } from '@payweave/core';
import { getResponse, type HttpHandler } from 'msw';
import { errorResponse, type ServedOrigins } from './routing';
import type { ListenOptions, SandboxServer } from './types';

interface ListenTarget {
  handlers: readonly HttpHandler[];
  origins: ServedOrigins;
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

/** Start an HTTP server for `target`; resolves once it is listening. */
export async function startServer(target: ListenTarget, options: ListenOptions = {}): Promise<SandboxServer> {
  if (typeof options !== 'object' || options === null) throw new PayConfigError('listen expects options { port?, host?, publicUrl? }');
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new PayConfigError(`listen port must be an integer from 0 to 65535; got ${typeof port === 'number' ? port : typeof port}`);
  }
  if (typeof host !== 'string') throw new PayConfigError("listen host must be a string such as '127.0.0.1' or '0.0.0.0'");
  // Checked before binding: a bad publicUrl must not leave a server listening.
  if (options.publicUrl !== undefined) publicOrigin(options.publicUrl, host, port);

  let origin = '';
  const server = createServer((req, res) => {
    serve(target, origin, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`payweave sandbox: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    const failed = (cause: NodeJS.ErrnoException) => {
      const why = typeof cause?.code === 'string' ? cause.code : 'error';
      reject(new PayConfigError(`the sandbox could not listen on ${host}:${port} (${why}): choose another port or host`, { code: 'SANDBOX_LISTEN_FAILED', cause }));
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  origin = publicOrigin(options.publicUrl, host, (server.address() as AddressInfo).port);
  target.origins.add(origin);

  let closing: Promise<void> | undefined;
  return {
    url: origin,
    close() {
      closing ??= new Promise<void>((resolve) => {
        target.origins.delete(origin);
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** The origin browsers and servers use: `publicUrl`, else the bound address (a wildcard host shows as 127.0.0.1). */
function publicOrigin(publicUrl: string | undefined, host: string, port: number): string {
  if (publicUrl !== undefined) {
    const url = typeof publicUrl === 'string' && URL.canParse(publicUrl) ? new URL(publicUrl) : undefined;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new PayConfigError('listen publicUrl must be an absolute http(s) URL, e.g. http://localhost:4010');
    return url.origin;
  }
  const shown = WILDCARD_HOSTS.has(host) ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

async function serve(target: ListenTarget, origin: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const request = await toFetchRequest(req, origin);
  let response: Response | undefined;
  try {
    response = await getResponse([...target.handlers], request);
  } catch (error) {
    response = errorResponse(error, request);
  }
  await writeResponse(response ?? new Response('not found', { status: 404 }), req.method === 'HEAD', res);
}

/** The request as msw sees it, on the server's public origin whatever Host header the client sent. */
async function toFetchRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), { method, headers, ...(hasBody ? { body: await readBody(req) } : {}) });
}

async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function writeResponse(response: Response, headOnly: boolean, res: ServerResponse): Promise<void> {
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  res.statusCode = response.status;
  res.end(headOnly ? undefined : Buffer.from(await response.arrayBuffer()));
}
