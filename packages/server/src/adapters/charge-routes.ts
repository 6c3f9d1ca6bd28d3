/**
 * `createChargeRoutes`: the merchant endpoints `@payweave/client` talks to, as one Fetch-API handler.
 *   POST {base}/charges            {orderNo, channel, payer?, returnUrl?} -> Charge
 *   GET  {base}/charges/:orderNo   -> Charge (re-queries the gateway for a pending charge, rate-limited)
 * Amount and subject always come from `resolveOrder` on the server, never from the client.
 */
import { type Charge, type ChannelId, PayConfigError, PayError, PayValidationError, isChannelId } from '@payweave/core';
import type { PayServer } from '../pay-server';
import { assertPayServer } from './arguments';
import { errorResponse, json } from './http-errors';

/** What the merchant's own order system says about an order. */
export interface ResolvedOrder {
  amount: number;
  subject: string;
  body?: string;
  metadata?: Record<string, string>;
  expiresAt?: string;
  clientIp?: string;
}

export interface ChargeRoutesOptions {
  /** Look the order up in your system; return null when it does not exist or does not belong to the caller. */
  resolveOrder(orderNo: string, request: Request): ResolvedOrder | null | undefined | Promise<ResolvedOrder | null | undefined>;
  /** Payer IP for channels that need it, when resolveOrder does not give one (default: none; behind a proxy read your trusted header). */
  clientIp?(request: Request): string | undefined;
  /** Re-query the gateway on GET for a pending charge at most this often per order (ms, default 5000). */
  refreshIntervalMs?: number;
  onError?(error: unknown): void;
}

const CLIENT_FIELDS = new Set(['orderNo', 'channel', 'payer', 'returnUrl']);

export function createChargeRoutes(pay: PayServer, options: ChargeRoutesOptions): (request: Request) => Promise<Response> {
  assertPayServer(pay, 'createChargeRoutes');
  if (typeof options?.resolveOrder !== 'function') {
    throw new PayValidationError('createChargeRoutes needs resolveOrder(orderNo, request) returning { amount, subject } from your order system', [
      { path: 'resolveOrder', message: 'expected a function' },
    ]);
  }
  for (const hook of ['clientIp', 'onError'] as const) {
    if (options[hook] !== undefined && typeof options[hook] !== 'function') {
      throw new PayValidationError(`createChargeRoutes: ${hook} must be a function (or left out)`, [{ path: hook, message: 'expected a function' }]);
    }
  }
  const interval = options.refreshIntervalMs ?? 5000;
  if (typeof interval !== 'number' || !(interval >= 0)) {
    throw new PayValidationError('createChargeRoutes: refreshIntervalMs must be a number of milliseconds >= 0', [{ path: 'refreshIntervalMs', message: 'expected a number >= 0' }]);
  }
  const lastRefresh = new Map<string, number>();

  const create = async (request: Request): Promise<Charge> => {
    let payload: unknown;
    try {
      payload = await request.json();
    } catch {
      throw new PayValidationError('expected a JSON body {orderNo, channel, payer?, returnUrl?}', [{ path: '(root)', message: 'invalid JSON' }]);
    }
    if (typeof payload !== 'object' || payload === null) throw new PayValidationError('expected a JSON object', [{ path: '(root)', message: 'expected an object' }]);
    const extra = Object.keys(payload).filter((key) => !CLIENT_FIELDS.has(key));
    if (extra.length > 0) {
      throw new PayValidationError(`unexpected fields from the client: ${extra.join(', ')} (amount and subject come from your server's resolveOrder)`, extra.map((path) => ({ path, message: 'not accepted from the client' })));
    }
    const { orderNo, channel, payer, returnUrl } = payload as { orderNo?: unknown; channel?: unknown; payer?: unknown; returnUrl?: unknown };
    if (typeof orderNo !== 'string' || !orderNo) throw new PayValidationError('orderNo is required', [{ path: 'orderNo', message: 'expected a string' }]);
    if (!isChannelId(channel)) throw new PayValidationError(`unknown channel ${JSON.stringify(channel)}`, [{ path: 'channel', message: 'expected a channel id' }]);
    const order = await options.resolveOrder(orderNo, request);
    if (!order) throw new PayError(`order ${orderNo} does not exist`, { code: 'ORDER_NOT_FOUND' });
    const clientIp = order.clientIp ?? options.clientIp?.(request);
    return pay.charges.create({
      channel: channel as ChannelId,
      orderNo,
      amount: order.amount,
      subject: order.subject,
      ...(order.body !== undefined ? { body: order.body } : {}),
      ...(order.metadata ? { metadata: order.metadata } : {}),
      ...(order.expiresAt ? { expiresAt: order.expiresAt } : {}),
      ...(clientIp ? { clientIp } : {}),
      ...(payer !== undefined ? { payer } : {}),
      ...(returnUrl !== undefined ? { returnUrl } : {}),
    } as never);
  };

  // The merchant's hook only observes: when it throws, or returns a promise that rejects, the request still gets its
  // answer and nothing surfaces as an unhandled rejection.
  const reportError = (error: unknown): void => {
    try {
      const returned = options.onError?.(error) as unknown;
      if (typeof (returned as PromiseLike<unknown> | null)?.then === 'function') Promise.resolve(returned).catch(() => undefined);
    } catch {
      // Ignored on purpose: see above.
    }
  };

  const retrieve = async (orderNo: string): Promise<Charge> => {
    const charge = await pay.charges.retrieve(orderNo);
    if (charge.status !== 'pending') return charge;
    const now = Date.now();
    if (now - (lastRefresh.get(orderNo) ?? 0) < interval) return charge;
    lastRefresh.set(orderNo, now);
    if (lastRefresh.size > 10_000) lastRefresh.delete(lastRefresh.keys().next().value as string);
    try {
      return await pay.charges.retrieve(orderNo, { refresh: true });
    } catch (error) {
      reportError(error); // the stored state is still the truth we have; the next poll retries
      return charge;
    }
  };

  return async (request) => {
    try {
      if (typeof request?.url !== 'string' || typeof request.method !== 'string' || typeof request.json !== 'function') {
        throw new PayConfigError('createChargeRoutes returns a Fetch API handler: pass it a Request (with Express or Koa, convert the request or use a Fetch adapter)', {
          code: 'CONFIG_INVALID',
        });
      }
      const path = new URL(request.url).pathname;
      const match = /\/charges(?:\/([^/]+))?\/?$/.exec(path);
      if (!match) return json(404, { error: { type: 'PayError', code: 'ROUTE_NOT_FOUND', message: 'expected POST .../charges or GET .../charges/:orderNo' } });
      if (request.method === 'POST' && match[1] === undefined) return json(201, await create(request));
      if (request.method === 'GET' && match[1] !== undefined) return json(200, await retrieve(decodeOrderNo(match[1])));
      return json(405, { error: { type: 'PayError', code: 'METHOD_NOT_ALLOWED', message: 'expected POST .../charges or GET .../charges/:orderNo' } });
    } catch (error) {
      reportError(error);
      return errorResponse(error);
    }
  };
}

/** The order number in a GET path; a malformed escape (`%E0%A4%A`) is the client's mistake, a 400. */
function decodeOrderNo(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new PayValidationError('the order number in the URL is not valid percent-encoding', [{ path: 'orderNo', message: 'malformed URL escape' }]);
  }
}
