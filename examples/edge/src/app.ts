/**
 * payweave on a Fetch-API runtime (Vercel/Netlify edge functions, Cloudflare Workers, Deno, Bun): one
 * `(Request) => Promise<Response>` handler serving
 *   POST /api/orders                      {productId} -> {orderNo}   (the shop's own order)
 *   POST /api/pay/charges, GET /api/pay/charges/:orderNo             createChargeRoutes
 *   POST /api/pay/notify/:provider                                    toFetchHandler: signed notifications
 * Portable: no Node API, WebCrypto through the web entry of @payweave/server (runtimes pick it by their export
 * condition: worker, workerd, edge-light), axios on its fetch adapter.
 */
import axios from 'axios';
import { createChargeRoutes, createPayServer, memoryStore, toFetchHandler, type PayChannel, type PayServer, type PaymentStore } from '@payweave/server';

export interface EdgeAppOptions {
  channels: PayChannel[];
  /** Base notify URL the gateways can reach, e.g. `https://shop.example/api/pay/notify`. */
  notifyUrl: string;
  /**
   * A store that works on your runtime (the SQLite and PostgreSQL stores need Node). The default, in memory, is
   * for this demo only: an edge isolate forgets it between requests.
   */
  store?: PaymentStore;
  /** How to reach the gateways (default: the runtime's `fetch`); tests route it to the sandbox. */
  fetch?: typeof fetch;
}

/** Products in fen; the amount of a charge always comes from here, never from the browser. */
export const PRODUCTS: Readonly<Record<string, { subject: string; amount: number }>> = {
  longjing: { subject: 'Longjing green tea, 50 g', amount: 1999 },
  teacup: { subject: 'Celadon teacup', amount: 5600 },
};

/** The edge handler and the payweave server behind it. */
export function createEdgeApp(options: EdgeAppOptions): { pay: PayServer; fetch(request: Request): Promise<Response> } {
  const orders = new Map<string, { productId: string }>();
  const pay = createPayServer({
    channels: options.channels,
    store: options.store ?? memoryStore(),
    notifyUrl: options.notifyUrl,
    // axios' fetch adapter: the default (Node http) adapter does not exist on edge runtimes.
    http: axios.create({ adapter: 'fetch', ...(options.fetch ? { env: { fetch: options.fetch } } : {}) }),
    logger: { warn: () => undefined },
    onEvent: (event) => {
      if (event.type === 'charge.succeeded') console.log(`[edge] ${event.orderNo} paid through ${event.provider}`);
    },
  });
  const chargeRoutes = createChargeRoutes(pay, {
    resolveOrder: (orderNo) => {
      const product = PRODUCTS[orders.get(orderNo)?.productId ?? ''];
      return product ? { ...product, clientIp: '127.0.0.1' } : null;
    },
  });
  const notify = new Map(options.channels.map((channel) => [channel.provider as string, toFetchHandler(pay, channel.provider)]));

  return {
    pay,
    async fetch(request) {
      const path = new URL(request.url).pathname;
      if (path.startsWith('/api/pay/charges')) return chargeRoutes(request);
      const provider = /^\/api\/pay\/notify\/([a-z]+)$/.exec(path)?.[1];
      if (provider && request.method === 'POST') return notify.get(provider)?.(request) ?? new Response('unknown provider', { status: 404 });
      if (path === '/api/orders' && request.method === 'POST') {
        const { productId } = (await request.json().catch(() => ({}))) as { productId?: string };
        if (!productId || !PRODUCTS[productId]) return Response.json({ error: { code: 'PRODUCT_NOT_FOUND' } }, { status: 404 });
        const orderNo = newOrderNo();
        orders.set(orderNo, { productId });
        return Response.json({ orderNo }, { status: 201 });
      }
      return new Response('not found', { status: 404 });
    },
  };
}

/** Letters and digits only, 20 characters: every gateway's order-number rules accept it. */
function newOrderNo(): string {
  const random = crypto.getRandomValues(new Uint32Array(1))[0] as number;
  return `E${Date.now()}${String(random % 1_000_000).padStart(6, '0')}`;
}
