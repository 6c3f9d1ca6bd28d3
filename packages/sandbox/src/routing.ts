/**
 * Turns sandbox routes into msw handlers. A handler answers only requests to an origin the sandbox serves (its msw
 * origin and every running `listen()` URL), so the one handler list works under `setupServer` and behind the local
 * HTTP server alike, and never captures a merchant's own requests to other hosts.
 */
import { PayError, PayValidationError } from '@payweave/core';
import { http, type HttpHandler } from 'msw';
import { htmlResponse, html, jsonResponse, page } from './html';
import type { RouteArgs, RouteMethod, SandboxRoute } from './types';

/** The set of origins the sandbox answers on; `listen()` adds and removes entries. */
export type ServedOrigins = Set<string>;

const METHODS: Record<RouteMethod, typeof http.get> = {
  GET: http.get,
  POST: http.post,
  PUT: http.put,
  PATCH: http.patch,
  DELETE: http.delete,
};

/** Path params when `pathname` matches `pattern` (`/a/:id`), else undefined. Trailing slashes are ignored. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const wanted = trimSlashes(pattern);
  const actual = trimSlashes(pathname);
  if (wanted.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < wanted.length; index += 1) {
    const expected = wanted[index] as string;
    const segment = actual[index] as string;
    if (expected.startsWith(':')) {
      const value = safeDecode(segment);
      if (value === undefined || value === '') return undefined;
      params[expected.slice(1)] = value;
    } else if (expected !== segment) {
      return undefined;
    }
  }
  return params;
}

function trimSlashes(path: string): string[] {
  return path.split('/').filter((segment, index, all) => segment !== '' || (index > 0 && index < all.length - 1));
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** One msw handler for a route whose `path` is already absolute (basePath included). */
export function toMswHandler(route: SandboxRoute, origins: ServedOrigins): HttpHandler {
  return METHODS[route.method](
    ({ request }) => {
      const url = new URL(request.url);
      if (!origins.has(url.origin)) return false;
      const params = matchPath(route.path, url.pathname);
      return params ? { matches: true, params } : false;
    },
    async ({ request, params }) => {
      const url = new URL(request.url);
      const args: RouteArgs = { request, url, origin: url.origin, params: params as Record<string, string> };
      try {
        return await route.handle(args);
      } catch (error) {
        return errorResponse(error, request);
      }
    },
  );
}

/** The last handler: any other request to a served origin is a 404 from the sandbox, not an unhandled request. */
export function notFoundHandler(origins: ServedOrigins): HttpHandler {
  return http.all(
    ({ request }) => origins.has(new URL(request.url).origin),
    ({ request }) => {
      const { pathname } = new URL(request.url);
      const body = html`<main><h1>Not found</h1><p>The sandbox has no ${request.method} ${pathname}.</p><p><a href="/">Sandbox home</a></p></main>`;
      return htmlResponse(page({ title: 'Not found · payweave sandbox', body }), 404);
    },
  );
}

const STATUS_BY_CODE: Record<string, number> = {
  SANDBOX_ORDER_NOT_FOUND: 404,
  SANDBOX_ORDER_NOT_PENDING: 409,
  SANDBOX_ORDER_EXISTS: 409,
};

/**
 * An exception from an emulator becomes the same answer in both modes (msw would otherwise turn it into its own 500):
 * a payweave validation problem is a 4xx, anything else a 500 naming the error; HTML for browsers, JSON otherwise.
 */
export function errorResponse(error: unknown, request: Request): Response {
  const status = PayError.isInstance(error)
    ? ((Object.hasOwn(STATUS_BY_CODE, error.code) ? STATUS_BY_CODE[error.code] : undefined) ?? (PayValidationError.isInstance(error) ? 400 : 500))
    : 500;
  const message = error instanceof Error ? error.message : String(error);
  const code = PayError.isInstance(error) ? error.code : 'SANDBOX_INTERNAL_ERROR';
  if (!(request.headers.get('accept') ?? '').includes('text/html')) return jsonResponse({ error: { code, message } }, status);
  const body = html`<main><h1>Sandbox error ${status}</h1><p data-testid="sandbox-error" data-code="${code}">${message}</p><p><a href="/">Sandbox home</a></p></main>`;
  return htmlResponse(page({ title: `Error ${status} · payweave sandbox`, body }), status);
}
