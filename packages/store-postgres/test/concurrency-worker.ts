/**
 * One merchant server process for the multi-process exactly-once test: the fake channel, the shared PostgreSQL
 * store, a notification endpoint and a refresh endpoint. onEvent appends a row per run (no dedupe of its own), so
 * the test counts exactly how many times fulfilment ran. HANG_ORDER makes onEvent hang for one order, standing in
 * for a process that dies mid-fulfilment.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createPayServer, toNodeHandler } from '@payweave/server';
import { fakeChannel } from '@payweave/server/testing';
import { postgresStore } from '@payweave/store-postgres';

const url = process.env.DATABASE_URL as string;
const schema = process.env.PW_SCHEMA as string;
const hangOrder = process.env.HANG_ORDER;
const pool = new pg.Pool({ connectionString: url, max: 8 });
const store = postgresStore({ pool, schema });
const channel = fakeChannel();
channel.queryCharge = async (charge) => ({ status: 'succeeded', amount: charge.amount, channelTradeNo: `T${charge.orderNo}`, raw: {} });

const pay = createPayServer({
  channels: [channel],
  store,
  deliveryLeaseMs: Number(process.env.LEASE_MS ?? 2000),
  logger: { warn: () => {} },
  onEvent: async (event) => {
    if (event.orderNo === hangOrder) {
      console.log(`hanging ${event.orderNo}`);
      await new Promise(() => {});
    }
    await pool.query(`INSERT INTO "${schema}".fulfilments (order_no, event_id, pid) VALUES ($1, $2, $3)`, [event.orderNo, event.id, process.pid]);
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
