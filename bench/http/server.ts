/**
 * Child process of the HTTP suite: four servers side by side. Two are payweave's notification endpoint
 * (`toNodeHandler` over `createPayServer` with the UnionPay channel), one with a SQLite store in a temporary file and
 * one with the memory store, which shows the store's share of the cost. The third is a bare `node:http` handler that
 * reads the body, hashes a prebuilt string to sign and does one RSA verify of its hex, the least any correct endpoint
 * must do. The fourth is that bare handler plus one durable write: it appends the body to a SQLite table (WAL,
 * synchronous NORMAL, as the store opens it) before answering, the least an endpoint that records what it
 * acknowledged must do. The parent process is the load generator.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPayServer, memoryStore, toNodeHandler, type PaymentStore, type StoredCharge } from '@payweave/server';
import { unionpay } from '@payweave/server/unionpay';
import { sqliteStore } from '@payweave/store-sqlite';
import { BASE_CONFIG } from '../../packages/server/src/channels/unionpay/__fixtures__/harness';

/** What the parent sends first. */
export interface ServerSetup {
  orderNos: string[];
  amount: number;
  /** The prebuilt string to sign of one notification: the bare handler hashes it and verifies, as UnionPay requires. */
  baseline: { content: string; signature: string; certificatePem: string };
}

function send(message: unknown): void {
  process.send?.(message);
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function drain(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function pendingCharge(orderNo: string, amount: number): StoredCharge {
  return {
    id: `ch_${orderNo}`,
    orderNo,
    channel: 'unionpay_wap',
    provider: 'unionpay',
    amount,
    currency: 'CNY',
    subject: 'bench',
    status: 'pending',
    amountRefunded: 0,
    createdAt: new Date().toISOString(),
    livemode: false,
    credential: { channel: 'unionpay_wap', method: 'POST', url: 'https://gateway.test.95516.com/gateway/api/frontTransReq.do', fields: {} },
  };
}

/** A payweave endpoint over `store`, with the charges of `setup` pending in it; counts onEvent runs. */
async function payweaveServer(store: PaymentStore, setup: ServerSetup) {
  const counter = { delivered: 0 };
  const pay = createPayServer({
    channels: [unionpay(BASE_CONFIG)],
    store,
    http: { request: () => Promise.reject(new Error('bench: no network')) },
    onEvent: () => {
      counter.delivered++;
    },
  });
  await pay.ready();
  for (const orderNo of setup.orderNos) await store.insertCharge(pendingCharge(orderNo, setup.amount));
  return { server: createServer(toNodeHandler(pay, 'unionpay')), counter };
}

async function start(setup: ServerSetup): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'payweave-bench-'));
  const store = sqliteStore({ filename: join(directory, 'bench.sqlite') });
  const sqlite = await payweaveServer(store, setup);
  const memory = await payweaveServer(memoryStore(), setup);

  const content = Buffer.from(setup.baseline.content, 'utf8');
  const signature = Buffer.from(setup.baseline.signature, 'base64');
  const publicKey = createPublicKey(setup.baseline.certificatePem);
  const bare = createServer((request, response) => {
    void drain(request).then(() => {
      const hexDigest = Buffer.from(createHash('sha256').update(content).digest('hex'), 'latin1');
      const ok = verify('sha256', hexDigest, publicKey, signature);
      response.writeHead(ok ? 200 : 400, { 'content-type': 'text/plain; charset=utf-8' }).end(ok ? 'ok' : 'fail');
    });
  });
  // The same pragmas as the store's: a second store's database, with a table of its own.
  const recordStore = sqliteStore({ filename: join(directory, 'bare.sqlite') });
  recordStore.database.exec('CREATE TABLE bare_notifications (body TEXT NOT NULL)');
  const append = recordStore.database.prepare('INSERT INTO bare_notifications (body) VALUES (?)');
  const bareRecording = createServer((request, response) => {
    void drain(request).then((body) => {
      const hexDigest = Buffer.from(createHash('sha256').update(content).digest('hex'), 'latin1');
      const ok = verify('sha256', hexDigest, publicKey, signature);
      if (ok) append.run(body.toString('utf8'));
      response.writeHead(ok ? 200 : 400, { 'content-type': 'text/plain; charset=utf-8' }).end(ok ? 'ok' : 'fail');
    });
  });
  const ports = { payweave: await listen(sqlite.server), memory: await listen(memory.server), bare: await listen(bare), bareRecording: await listen(bareRecording) };

  process.on('message', (message: { type: string }) => {
    if (message.type === 'stats') send({ type: 'stats', delivered: sqlite.counter.delivered, deliveredInMemory: memory.counter.delivered });
    if (message.type === 'stop') {
      store.close();
      recordStore.close();
      rmSync(directory, { recursive: true, force: true });
      process.exit(0);
    }
  });
  send({ type: 'ready', ports });
}

process.once('message', (setup: ServerSetup) => {
  start(setup).catch((error: unknown) => {
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    process.exitCode = 1;
    process.disconnect?.();
  });
});
