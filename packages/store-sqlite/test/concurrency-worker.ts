/**
 * One merchant server process for the multi-process exactly-once test: the fake channel, the SQLite store on the
 * shared file, a notification endpoint and a refresh endpoint. onEvent appends a row per run (no dedupe of its own),
 * so the test counts exactly how many times fulfilment ran.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPayServer, toNodeHandler } from '@payweave/server';
import { fakeChannel } from '@payweave/server/testing';
import { sqliteStore } from '@payweave/store-sqlite';

const store = sqliteStore({ filename: process.env.PW_SQLITE_FILE as string });
const recordRun = store.database.prepare('INSERT INTO fulfilments (order_no, event_id, pid) VALUES (?, ?, ?)');
const channel = fakeChannel();
channel.queryCharge = async (charge) => ({ status: 'succeeded', amount: charge.amount, channelTradeNo: `T${charge.orderNo}`, raw: {} });

const pay = createPayServer({
  channels: [channel],
  store,
  deliveryLeaseMs: 2000,
  logger: { warn: () => {} },
  onEvent: async (event) => {
    // A little asynchronous work, so that deliveries of other notifications interleave with this one.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
    recordRun.run(event.orderNo, event.id, process.pid);
  },
});
const notify = toNodeHandler(pay, 'alipay');

const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/notify') return notify(req, res);
  const match = /^\/refresh\/(.+)$/.exec(req.url ?? '');
  if (req.method === 'GET' && match) {
    pay.charges
      .retrieve(decodeURIComponent(match[1] as string), { refresh: true })
      .then((charge) => res.writeHead(200).end(charge.status))
      .catch((error: Error) => res.writeHead(500).end(error.message));
    return;
  }
  res.writeHead(404).end();
});
server.listen(0, '127.0.0.1', () => console.log(`ready ${(server.address() as AddressInfo).port}`));
