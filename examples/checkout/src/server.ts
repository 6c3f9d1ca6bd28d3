/**
 * The merchant server of the checkout example, on `node:http` (no framework: payweave's charge routes are a Fetch
 * handler and its notification endpoints a Node handler, so nothing else is needed):
 *   GET  /                              products and payment-method picker
 *   POST /api/orders                    {productId} -> {orderNo}: the shop's own order
 *   POST /api/pay/charges, GET /api/pay/charges/:orderNo   createChargeRoutes (what @payweave/client calls)
 *   POST /api/pay/notify/:provider      toNodeHandler: the gateways' signed notifications
 *   GET|POST /orders/:orderNo/return    the browser back from the cashier (pay.returns.verify)
 *   GET  /orders/:orderNo               order page: the server's status, polled with client.waitForResult
 */
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChargeRoutes, createPayServer, toNodeHandler, type PayServer } from '@payweave/server';
import { sqliteStore } from '@payweave/store-sqlite';
import { browserModules, readInside } from './browser-modules';
import { createOrderBook, PRODUCTS } from './catalog';
import type { Env } from './env';
import { sendFetchResponse, toFetchRequest, readBody } from './fetch-bridge';
import { setUpGateways, type GatewaySetup } from './gateways';
import { checkoutPage, orderPage, type OfferedSurface } from './pages';
import { describeHint, verifyReturn } from './returns';
import { SURFACES } from './surfaces';

export interface CheckoutOptions {
  /** Real keys and settings (default `process.env`); see README. */
  env?: Env;
  /** Default 3000; 0 picks a free port. */
  port?: number;
  host?: string;
  /** The URL gateways and browsers reach this server at (notifications need it). Default `http://<host>:<port>`. */
  publicUrl?: string;
  /** The sandbox for providers without real keys (default `PAYWEAVE_SANDBOX_URL`). */
  sandboxUrl?: string;
  /** Where the SQLite store lives (default `CHECKOUT_DATA_DIR` or a folder in the OS temp dir). */
  dataDir?: string;
  log?: (line: string) => void;
}

export interface CheckoutServer {
  url: string;
  pay: PayServer;
  gateways: GatewaySetup;
  surfaces: OfferedSurface[];
  close(): Promise<void>;
}

const PUBLIC_DIR = fileURLToPath(new URL('../public', import.meta.url));

/** Start the checkout server; resolves once it listens. */
export async function startCheckoutServer(options: CheckoutOptions = {}): Promise<CheckoutServer> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const modules = browserModules();
  const gateways = await setUpGateways(env, options.sandboxUrl ?? env.PAYWEAVE_SANDBOX_URL);
  const modeOf = new Map(gateways.providers.map((entry) => [entry.provider, entry.mode]));
  const supported = new Set(gateways.providers.flatMap((entry) => entry.channel.channels));
  const surfaces: OfferedSurface[] = SURFACES.filter((surface) => supported.has(surface.channel) && modules.launchers.has(surface.launcher)).map(
    (surface) => ({ ...surface, mode: modeOf.get(surface.provider) ?? 'sandbox' }),
  );

  const dataDir = options.dataDir ?? env.CHECKOUT_DATA_DIR ?? join(tmpdir(), 'payweave-checkout');
  mkdirSync(dataDir, { recursive: true });
  const store = sqliteStore({ filename: join(dataDir, 'payweave.sqlite') });
  const orders = createOrderBook();
  const host = options.host ?? env.CHECKOUT_HOST ?? '127.0.0.1';
  let publicUrl = options.publicUrl ?? env.CHECKOUT_PUBLIC_URL;
  let started = false;
  const server = createServer((req, res) => {
    if (!started) return text(res, 503, 'starting');
    route(req, res).catch((error: unknown) => {
      log(`[checkout] ${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) text(res, 500, 'internal error');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? Number(env.CHECKOUT_PORT ?? 3000), host, () => resolve());
  });
  const reachableHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  publicUrl = (publicUrl ?? `http://${reachableHost}:${(server.address() as AddressInfo).port}`).replace(/\/+$/, '');

  const pay = createPayServer({
    channels: gateways.providers.map((entry) => entry.channel),
    store,
    notifyUrl: `${publicUrl}/api/pay/notify`,
    // The fulfilment hook: runs once per real state change, whichever of notification or query saw it first.
    onEvent: (event) => {
      if (event.type === 'charge.succeeded' && event.orderNo && orders.fulfil(event.orderNo)) log(`[checkout] ${event.orderNo} paid (${event.provider}): shipped`);
    },
  });
  await pay.ready().catch(async (error: unknown) => {
    await new Promise((resolve) => server.close(resolve));
    store.close();
    throw error;
  });
  const chargeRoutes = createChargeRoutes(pay, {
    // Amount and subject come from the shop's order, never from the browser. (A real shop also checks that the
    // order belongs to the signed-in buyer, here and for GET /api/pay/charges/:orderNo.)
    resolveOrder: (orderNo) => {
      const order = orders.get(orderNo);
      return order ? { amount: order.product.price, subject: order.product.name, clientIp: order.clientIp } : null;
    },
    onError: (error) => log(`[checkout] charge route: ${error instanceof Error ? error.message : String(error)}`),
  });
  const notifyHandlers = new Map(gateways.providers.map((entry) => [entry.provider as string, toNodeHandler(pay, entry.provider)]));
  const jsapi = surfaces.find((surface) => surface.channel === 'wechat_jsapi');
  const sandboxUrl = gateways.sandboxUrl;
  started = true;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', publicUrl);
    const path = url.pathname;
    const method = req.method ?? 'GET';
    let match: RegExpExecArray | null;

    if (path.startsWith('/api/pay/charges')) return sendFetchResponse(res, await chargeRoutes(await toFetchRequest(req, publicUrl as string)));
    if ((match = /^\/api\/pay\/notify\/([a-z]+)$/.exec(path)) && method === 'POST') {
      const handler = notifyHandlers.get(match[1] as string);
      return handler ? handler(req, res) : text(res, 404, 'unknown provider');
    }
    if (path === '/api/orders' && method === 'POST') {
      const input = JSON.parse(new TextDecoder().decode(await readBody(req)) || '{}') as { productId?: string };
      const order = orders.create(String(input.productId ?? ''), clientIpOf(req));
      return order ? json(res, 201, { orderNo: order.orderNo }) : json(res, 404, { error: { code: 'PRODUCT_NOT_FOUND', message: 'unknown productId' } });
    }
    if ((match = /^\/api\/orders\/([A-Za-z0-9]+)$/.exec(path))) {
      const order = orders.get(match[1] as string);
      return order ? json(res, 200, { orderNo: order.orderNo, fulfilledAt: order.fulfilledAt ?? null }) : json(res, 404, { error: { code: 'ORDER_NOT_FOUND' } });
    }
    if ((match = /^\/orders\/([A-Za-z0-9]+)\/return$/.exec(path))) {
      const query = await verifyReturn(pay, match[1] as string, req);
      return redirect(res, `/orders/${match[1]}${query ? `?${query}` : ''}`);
    }
    if ((match = /^\/orders\/([A-Za-z0-9]+)$/.exec(path))) {
      const orderNo = match[1] as string;
      const charge = await pay.charges.retrieve(orderNo).catch(() => undefined);
      const surface = surfaces.find((candidate) => candidate.channel === charge?.channel);
      const cashierUrl = surface?.qr && surface.mode === 'sandbox' && sandboxUrl ? `${sandboxUrl}/${surface.provider}/cashier/${encodeURIComponent(orderNo)}` : undefined;
      const hint = describeHint(url.searchParams, surface?.provider ?? url.searchParams.get('provider') ?? undefined);
      const order = orders.get(orderNo);
      return html(res, orderPage({ orderNo, importMap: modules.importMap, ...(order && { order }), ...(charge && { charge }), ...(surface && { surface }), ...(hint && { hint }), ...(cashierUrl && { cashierUrl }) }));
    }
    if (path === '/') {
      return html(
        res,
        checkoutPage({
          products: PRODUCTS,
          surfaces,
          notes: gateways.notes,
          importMap: modules.importMap,
          ...(jsapi?.mode === 'sandbox' && sandboxUrl ? { jsapiBridgeUrl: `${sandboxUrl}/wechat/jsapi-bridge.js` } : {}),
          ...(jsapi ? { openId: env.WECHAT_OPENID ?? 'oSandboxPayer0000000000000001' } : {}),
        }),
      );
    }
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    if (path === '/health') return json(res, 200, { ok: true, providers: Object.fromEntries(modeOf) });
    const file = path.startsWith('/modules/') ? modules.serve(path) : path.startsWith('/app/') ? readInside(PUBLIC_DIR, path.slice('/app/'.length)) : undefined;
    if (file) {
      res.writeHead(200, { 'content-type': file.contentType, 'cache-control': 'no-cache' });
      res.end(file.body);
      return;
    }
    text(res, 404, 'not found');
  }

  let closing: Promise<void> | undefined;
  return {
    url: publicUrl,
    pay,
    gateways,
    surfaces,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          store.close();
          resolve();
        });
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** The buyer's IP as WeChat and UnionPay want it (IPv4-mapped IPv6 written as IPv4). */
function clientIpOf(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
}

function html(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(body);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location });
  res.end();
}
