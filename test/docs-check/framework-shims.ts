/**
 * Minimal type declarations for the web frameworks the docs show but the repository does not install. Each is a
 * faithful subset of the framework's own types (only what the recipes use), so a recipe still gets its callback
 * parameters typed and every payweave call in it checked. They are written next to the snippets only when the real
 * module does not resolve to type declarations; with the framework installed, its own types are used.
 * Kept as strings, not as .d.ts files: an ambient `declare module 'express'` in the repository's typecheck would
 * override a real installation.
 */
export const FRAMEWORK_SHIMS: Readonly<Record<string, string>> = {
  express: `
declare module 'express' {
  import type { IncomingMessage, Server, ServerResponse } from 'node:http';
  interface Request extends IncomingMessage { body?: unknown; params: Record<string, string>; }
  interface Response extends ServerResponse {
    status(code: number): Response;
    set(headers: Record<string, string>): Response;
    send(body?: unknown): Response;
    json(body: unknown): Response;
  }
  type NextFunction = (error?: unknown) => void;
  type RequestHandler = (req: Request, res: Response, next: NextFunction) => unknown;
  interface Application {
    (req: IncomingMessage, res: ServerResponse): void;
    use(...handlers: Array<RequestHandler | string>): Application;
    get(path: string, ...handlers: RequestHandler[]): Application;
    post(path: string, ...handlers: RequestHandler[]): Application;
    all(path: string, ...handlers: RequestHandler[]): Application;
    listen(port: number, callback?: () => void): Server;
  }
  interface BodyParserOptions { type?: string | string[]; limit?: string | number; }
  interface Express {
    (): Application;
    json(options?: BodyParserOptions): RequestHandler;
    urlencoded(options?: BodyParserOptions & { extended?: boolean }): RequestHandler;
    raw(options?: BodyParserOptions): RequestHandler;
    text(options?: BodyParserOptions): RequestHandler;
  }
  const express: Express;
  export default express;
  export type { Application, NextFunction, Request, RequestHandler, Response };
}
`,
  fastify: `
declare module 'fastify' {
  import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
  interface FastifyRequest { body: unknown; headers: IncomingHttpHeaders; method: string; url: string; raw: IncomingMessage; }
  interface FastifyReply {
    code(statusCode: number): FastifyReply;
    headers(values: Record<string, string>): FastifyReply;
    send(payload?: unknown): FastifyReply;
    raw: ServerResponse;
  }
  type RouteHandler = (request: FastifyRequest, reply: FastifyReply) => unknown;
  type ContentTypeParser = (request: FastifyRequest, body: Buffer, done: (error: Error | null, body?: unknown) => void) => void;
  interface FastifyInstance {
    get(path: string, handler: RouteHandler): FastifyInstance;
    post(path: string, handler: RouteHandler): FastifyInstance;
    register(plugin: (instance: FastifyInstance) => Promise<void> | void): FastifyInstance;
    addContentTypeParser(contentType: string | string[] | RegExp, options: { parseAs: 'buffer'; bodyLimit?: number }, parser: ContentTypeParser): void;
    removeAllContentTypeParsers(): void;
    listen(options: { port: number; host?: string }): Promise<string>;
  }
  export default function Fastify(options?: { logger?: boolean; bodyLimit?: number }): FastifyInstance;
  export type { FastifyInstance, FastifyReply, FastifyRequest };
}
`,
  koa: `
declare module 'koa' {
  import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
  interface Context {
    req: IncomingMessage;
    res: ServerResponse;
    method: string;
    path: string;
    url: string;
    headers: IncomingHttpHeaders;
    respond?: boolean;
    status: number;
    body: unknown;
    set(field: Record<string, string>): void;
  }
  type Next = () => Promise<void>;
  type Middleware = (ctx: Context, next: Next) => unknown;
  class Koa {
    use(middleware: Middleware): this;
    listen(port: number, callback?: () => void): Server;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
  export default Koa;
  export type { Context, Middleware, Next };
}
`,
  hono: `
declare module 'hono' {
  interface HonoRequest { raw: Request; url: string; method: string; param(name: string): string | undefined; }
  interface Context { req: HonoRequest; json(body: unknown, status?: number): Response; }
  type Handler = (c: Context) => Response | Promise<Response>;
  class Hono {
    get(path: string, handler: Handler): this;
    post(path: string, handler: Handler): this;
    all(path: string, handler: Handler): this;
    route(path: string, app: Hono): this;
    fetch: (request: Request) => Response | Promise<Response>;
  }
  export { Hono };
  export type { Context, Handler };
}
`,
};
