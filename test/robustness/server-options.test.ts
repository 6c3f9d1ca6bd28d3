/**
 * `createPayServer(options)` (Node and web entries) with hostile options: it refuses them with a PayConfigError, or
 * the server it returns fails later only with contract errors (a bad clock, logger, store or HTTP client never
 * surfaces as a TypeError on the first payment).
 */
import { createPayServer as createNodeServer, type PayServer } from '@payweave/server';
import { alipay } from '@payweave/server/alipay';
import fc from 'fast-check';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the edge entry, which `@payweave/server` resolves to only under the worker/edge conditions; this project runs in Node
import { createPayServer as createWebServer } from '../../packages/server/src/index.web';
import { RUNS, garbage } from './support/arbitraries';
import { describeInput, expectAsyncContract, expectContract } from './support/contract';
import { fetchHttp, newSandbox, quietLogger, sandboxConfigs, secretsOf } from './support/fixtures';
import { validChargeInput } from './support/inputs';

const sandbox = newSandbox();
const configs = sandboxConfigs(sandbox);
const secrets = secretsOf(configs);
const msw = setupServer(...sandbox.handlers);
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterAll(() => msw.close());

const channel = alipay(configs.alipay);
const logger = quietLogger();

/** Mostly a valid (or absent) option, sometimes garbage: so that some servers get built and then used. */
const usually = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: garbage });

const optionsArb = fc.record(
  {
    channels: fc.oneof({ weight: 6, arbitrary: fc.constant([channel]) }, { weight: 1, arbitrary: garbage }, { weight: 1, arbitrary: fc.array(garbage, { maxLength: 2 }) }, { weight: 1, arbitrary: fc.constant([channel, channel]) }),
    store: usually(fc.constant(undefined)),
    notifyUrl: usually(fc.constant('https://shop.example/api/pay/notify')),
    http: fc.oneof({ weight: 6, arbitrary: fc.constant(fetchHttp) }, { weight: 1, arbitrary: garbage }, { weight: 1, arbitrary: fc.constant({ request: () => 'not a response' }) }, { weight: 1, arbitrary: fc.constant({ request: () => Promise.reject(new TypeError('fetch failed')) }) }),
    clock: usually(fc.constant(() => Date.now())),
    nonce: usually(fc.constant(() => 'n0nce')),
    onEvent: usually(fc.constant(undefined)),
    deliveryLeaseMs: usually(fc.constant(60_000)),
    logger: usually(fc.constant(logger)),
  },
  { requiredKeys: ['channels', 'http', 'logger'] },
);

let sequence = 0;

describe.each([
  ['node', createNodeServer],
  ['web', createWebServer],
] as const)('createPayServer (%s entry)', (_entry, createPayServer) => {
  it('any options object', async () => {
    let created = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: optionsArb }, { weight: 1, arbitrary: garbage }), async (options) => {
        const where = `createPayServer(${describeInput(options)})`;
        const pay = (await expectContract(() => createPayServer(options as never), where, secrets)) as PayServer | undefined;
        if (!pay) return;
        created++;
        await expectAsyncContract(() => pay.ready(), `${where}.ready()`, secrets);
        const orderNo = `OPTS${++sequence}X${Date.now()}`;
        await expectAsyncContract(() => pay.charges.create(validChargeInput('alipay_qr', orderNo)), `${where}.charges.create`, secrets);
        await expectAsyncContract(() => pay.charges.retrieve(orderNo, { refresh: true }), `${where}.charges.retrieve`, secrets);
        const handled = await pay.notifications.handle('alipay', { body: 'a=1', headers: {} });
        expect(Number.isInteger(handled.ack.status)).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(created, 'servers that got past construction').toBeGreaterThan(RUNS / 20);
  });
});
