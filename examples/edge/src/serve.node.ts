/**
 * Run the edge app locally on Node, against a running sandbox. This file is the only Node-specific part: on a real
 * edge runtime, export `app.fetch` as the handler instead (`export default { fetch: app.fetch }` on Workers and Bun,
 * `export const POST = app.fetch` in a Next.js route handler).
 *   npx payweave-sandbox --port 4010 &
 *   npx tsx --tsconfig examples/edge/tsconfig.json examples/edge/src/serve.node.ts
 */
import { createServer } from 'node:http';
import { alipay } from '@payweave/server/alipay';
import { unionpay } from '@payweave/server/unionpay';
import { wechat } from '@payweave/server/wechat';
import { createSandbox } from '@payweave/sandbox';
import { createEdgeApp } from './app';

const port = Number(process.env.EDGE_PORT ?? 8787);
const origin = `http://127.0.0.1:${port}`;
const sandboxUrl = process.env.PAYWEAVE_SANDBOX_URL ?? 'http://127.0.0.1:4010';
const configs = createSandbox().channelConfigs(sandboxUrl);
const app = createEdgeApp({ channels: [alipay(configs.alipay), wechat(configs.wechat), unionpay(configs.unionpay)], notifyUrl: `${origin}/api/pay/notify` });

// The whole Node adapter: IncomingMessage -> Request, Response -> ServerResponse.
const server = createServer((req, res) => {
  void (async () => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of req) chunks.push(chunk as Uint8Array);
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks);
    const response = await app.fetch(new Request(new URL(req.url ?? '/', origin), { method: req.method, headers: req.headers as Record<string, string>, ...(body ? { body } : {}) }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  })().catch((error: unknown) => {
    res.writeHead(500).end(error instanceof Error ? error.message : 'internal error');
  });
});

server.listen(port, '127.0.0.1', () => console.log(`payweave edge example listening on ${origin} (gateways: sandbox at ${sandboxUrl})`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
