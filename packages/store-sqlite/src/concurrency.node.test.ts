/**
 * Exactly-once with group commit under real concurrency: 4 Node processes share one SQLite file and receive 1,000
 * notifications for 100 orders (each delivered 10 times, shuffled, 32 at a time, mixed with refresh queries). Like a
 * gateway, the driver redelivers every notification that was not acknowledged with `success` until all are. Then
 * every order must be paid, its fulfilment must have run exactly once, and no event may be left undelivered.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPayServer } from '@payweave/server';
import { fakeChannel, fakeNotificationBody } from '@payweave/server/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteStore } from './index';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const worker = fileURLToPath(new URL('../test/concurrency-worker.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'payweave-sqlite-concurrency-'));
const running: ChildProcess[] = [];

function startWorker(file: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker], { cwd: root, env: { ...process.env, PW_SQLITE_FILE: file }, stdio: ['ignore', 'pipe', 'pipe'] });
    running.push(child);
    let output = '';
    const timer = setTimeout(() => reject(new Error(`worker did not start: ${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`worker exited ${code}: ${output}`)));
  });
}

const shuffle = <T>(items: T[]): T[] => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
};

async function deliver(port: number, body: string): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/notify`, { method: 'POST', body, signal: AbortSignal.timeout(15_000) });
    return response.status === 200 && (await response.text()) === 'success';
  } catch {
    return false; // the gateway will redeliver
  }
}

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('exactly-once across 4 processes sharing one SQLite file', () => {
  it('1,000 shuffled notifications for 100 orders, mixed with refreshes: one fulfilment per order', async () => {
    const file = join(dir, 'shared.sqlite');
    const orders = Array.from({ length: 100 }, (_, i) => `SQLC${String(i).padStart(4, '0')}`);
    const setup = sqliteStore({ filename: file });
    setup.database.exec('CREATE TABLE fulfilments (order_no TEXT NOT NULL, event_id TEXT NOT NULL, pid INTEGER NOT NULL)');
    const pay = createPayServer({ channels: [fakeChannel()], store: setup, logger: { warn: () => {} } });
    for (const orderNo of orders) await pay.charges.create({ channel: 'alipay_qr', orderNo, amount: 1999, subject: 'concurrency' });

    const workers = await Promise.all(Array.from({ length: 4 }, () => startWorker(file)));
    const bodies = new Map(orders.map((orderNo) => [orderNo, fakeNotificationBody({ orderNo, amount: 1999 })]));
    let queue = shuffle(orders.flatMap((orderNo) => Array.from({ length: 10 }, () => orderNo)));
    const refreshes = shuffle(orders.flatMap((orderNo) => [orderNo, orderNo]));
    for (let round = 0; queue.length > 0 && round < 60; round++) {
      const unacked: string[] = [];
      let cursor = 0;
      const lane = async () => {
        while (cursor < queue.length) {
          const orderNo = queue[cursor++] as string;
          const target = workers[Math.floor(Math.random() * workers.length)]!;
          if (round === 0 && Math.random() < 0.2 && refreshes.length) void fetch(`http://127.0.0.1:${target.port}/refresh/${refreshes.pop()}`).catch(() => {});
          if (!(await deliver(target.port, bodies.get(orderNo) as string))) unacked.push(orderNo);
        }
      };
      await Promise.all(Array.from({ length: 32 }, lane));
      queue = unacked;
      if (queue.length) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(queue).toEqual([]);

    const runs = setup.database.prepare('SELECT order_no, count(*) AS runs FROM fulfilments GROUP BY order_no').all() as { order_no: string; runs: number }[];
    expect(runs.filter((row) => row.runs !== 1)).toEqual([]);
    expect(runs).toHaveLength(orders.length);
    expect(setup.database.prepare("SELECT count(*) AS n FROM payweave_charges WHERE status = 'succeeded'").get()).toEqual({ n: orders.length });
    expect(await setup.listUndeliveredEvents('9999-01-01T00:00:00.000Z', 1000)).toEqual([]);
    setup.close();
  }, 240_000);
});
