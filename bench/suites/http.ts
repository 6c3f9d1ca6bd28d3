/**
 * Notification handling over HTTP: payweave's `toNodeHandler` (read body, parse, verify, cross-check against the stored
 * charge, compare-and-set in SQLite, run onEvent once, acknowledge) against a bare `node:http` handler that reads the
 * body, hashes the prebuilt string to sign and does one RSA verify. Beside them: the same endpoint over the memory
 * store, and the bare handler plus one durable SQLite INSERT (the reference for what durability alone costs). All
 * servers live in one child process; this process is the load generator, with the same keep-alive client and
 * concurrency for all. Every payweave request is a first delivery of a fresh notification for its own pending charge,
 * so the figure is the real work, not the duplicate shortcut.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternate, summarize } from '../harness';
import { reason } from '../throughput';
import { judged, opsPerSecond, unavailable, type Suite } from '../types';
import type { ServerSetup } from '../http/server';
import { consumeNotificationFields } from './unionpay';

const CONCURRENCY = 8;
const AMOUNT = 1999;
const NAME = 'toNodeHandler + UnionPay + sqliteStore (first delivery)';
/** The same endpoint over the memory store: no budget, it shows how much of the gap is the store. */
const MEMORY_NAME = 'toNodeHandler + UnionPay + memoryStore (first delivery)';
/** A reference point, not payweave: the bare handler plus one autocommitted INSERT of the body in SQLite. */
const RECORDING_NAME = 'bare handler + one durable SQLite INSERT of the body';
const BUDGET = { op: '>=' as const, value: 0.6, unit: 'x' as const };
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');

function post(agent: Agent, port: number, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/notify/unionpay', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Send `bodies` with CONCURRENCY requests in flight; every answer must be 200 `ok`. Returns requests per second. */
async function blast(agent: Agent, port: number, bodies: readonly string[]): Promise<number> {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) {
        const answer = await post(agent, port, bodies[next++]!);
        if (answer.status !== 200 || answer.text !== 'ok') throw new Error(`port ${port} answered ${answer.status} ${answer.text.slice(0, 80)}`);
      }
    }),
  );
  return bodies.length / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Successive batches of `bodies`, each body sent once: every request is a first delivery. */
function firstDeliveries(bodies: readonly string[], batch: number): { next(): string[]; sent(): number } {
  let at = 0;
  return { next: () => bodies.slice(at, (at += batch)), sent: () => at };
}

function waitFor<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string; message?: string }) => {
      if (message.type === type) {
        child.off('message', onMessage);
        resolve(message as T);
      } else if (message.type === 'error') reject(new Error(`bench server: ${message.message}`));
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`bench server exited with code ${code}`)));
  });
}

export const httpSuite: Suite = {
  id: 'http',
  title: 'Notification handling over HTTP with SQLite',
  metric: 'requests/s vs baseline, higher is better',
  baseline: 'bare node:http handler: read body + SHA-256 + one RSA verify',
  checkedInCi: false,
  async run(settings) {
    let fixtures;
    try {
      fixtures = {
        gateway: await import('../../packages/server/src/channels/unionpay/__fixtures__/sign-as-gateway'),
        chain: await import('../../packages/server/src/channels/unionpay/__fixtures__/sandbox-chain'),
        harness: await import('../../packages/server/src/channels/unionpay/__fixtures__/harness'),
        params: await import('../../packages/server/src/channels/unionpay/params'),
        store: await import('@payweave/store-sqlite'),
      };
    } catch (error) {
      const note = `n/a (channel or store not available: ${reason(error)})`;
      return { rows: [...unavailable([NAME], note, 'case', BUDGET), ...unavailable([MEMORY_NAME], note, 'case'), ...unavailable([RECORDING_NAME], note, 'ref')] };
    }
    const { crypto } = await (await import('../context')).benchContext();
    const batch = settings.httpBatch;
    const orderNos = Array.from({ length: (settings.rounds + 1) * batch }, (_, i) => `BENCH${String(i).padStart(8, '0')}`);

    // Sign every notification up front (the gateway's work, not ours), a few at a time on the thread pool.
    const bodies: string[] = [];
    for (let i = 0; i < orderNos.length; i += 32) {
      const signed = await Promise.all(orderNos.slice(i, i + 32).map((no) => fixtures.gateway.signAsGateway(consumeNotificationFields(fixtures.harness.MER_ID, no), undefined, undefined, crypto)));
      bodies.push(...signed.map((fields) => fixtures.params.encodeForm(fields)));
    }
    const first = fixtures.params.parseFormBody(bodies[0]!)!;
    const content = Object.keys(first).filter((key) => key !== 'signature').sort().map((key) => `${key}=${first[key]}`).join('&');
    const setup: ServerSetup = {
      orderNos,
      amount: AMOUNT,
      baseline: { content, signature: first.signature!, certificatePem: fixtures.chain.SANDBOX_GATEWAY_CERT_PEM },
    };

    const child = fork(join(here, '..', 'http', 'server.ts'), [], { cwd: repoRoot, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    try {
      const ready = waitFor<{ ports: { payweave: number; memory: number; bare: number; bareRecording: number } }>(child, 'ready');
      child.send(setup);
      const { ports } = await ready;
      // Each payweave server has its own store with every charge pending: both take each body once, as a first delivery.
      const sqliteBodies = firstDeliveries(bodies, batch);
      const memoryBodies = firstDeliveries(bodies, batch);
      const bareBodies = bodies.slice(0, batch);
      await blast(agent, ports.bare, bareBodies); // warm-up, every server
      await blast(agent, ports.payweave, sqliteBodies.next());
      await blast(agent, ports.memory, memoryBodies.next());
      await blast(agent, ports.bareRecording, bareBodies);
      const [bare, payweave, memory, recording] = await alternate(settings.rounds, [
        () => blast(agent, ports.bare, bareBodies),
        () => blast(agent, ports.payweave, sqliteBodies.next()),
        () => blast(agent, ports.memory, memoryBodies.next()),
        () => blast(agent, ports.bareRecording, bareBodies),
      ]);
      const stats = waitFor<{ delivered: number; deliveredInMemory: number }>(child, 'stats');
      child.send({ type: 'stats' });
      const { delivered, deliveredInMemory } = await stats;
      if (delivered !== sqliteBodies.sent() || deliveredInMemory !== memoryBodies.sent()) {
        const sent = `${sqliteBodies.sent()}/${memoryBodies.sent()}`;
        throw new Error(`onEvent ran ${delivered}/${deliveredInMemory} times for ${sent} first deliveries: the measured path is not the real one`);
      }
      const ratio = summarize(payweave!.map((value, round) => value / bare![round]!));
      const memoryRatio = summarize(memory!.map((value, round) => value / bare![round]!));
      const recordingRatio = summarize(recording!.map((value, round) => value / bare![round]!));
      return {
        baselineAbsolute: `${opsPerSecond(summarize(bare!).median)?.replace('ops', 'req')}`,
        rows: [
          judged({ name: NAME, role: 'case', ratio, absolute: opsPerSecond(summarize(payweave!).median)?.replace('ops', 'req'), budget: BUDGET, measured: ratio.median }),
          judged({ name: MEMORY_NAME, role: 'case', ratio: memoryRatio, absolute: opsPerSecond(summarize(memory!).median)?.replace('ops', 'req') }),
          judged({ name: RECORDING_NAME, role: 'ref', ratio: recordingRatio, absolute: opsPerSecond(summarize(recording!).median)?.replace('ops', 'req') }),
        ],
      };
    } finally {
      agent.destroy();
      if (child.connected) child.send({ type: 'stop' });
      setTimeout(() => child.kill(), 2000).unref();
    }
  },
};
