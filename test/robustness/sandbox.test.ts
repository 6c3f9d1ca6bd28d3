/**
 * `@payweave/sandbox`: createSandbox and its methods with hostile arguments, and its emulated gateway endpoints
 * with hostile requests. Methods settle with a value or a contract PayError; an endpoint answers like a gateway
 * (never the sandbox's own "internal error" for a request it did not understand).
 */
import { createSandbox, type Sandbox } from '@payweave/sandbox';
import fc from 'fast-check';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNS, anyString, garbage } from './support/arbitraries';
import { describeInput, expectAsyncContract, expectContract } from './support/contract';
import { notificationBody } from './support/notifications';

const optionsArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ timeScale: garbage, origin: fc.oneof(fc.constant('http://sandbox.payweave.test'), garbage), clock: fc.oneof(fc.constant(() => Date.now()), garbage), timers: garbage, fetch: garbage, gateways: fc.oneof(garbage, fc.array(garbage, { maxLength: 2 })) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: garbage },
);

describe('createSandbox', () => {
  it('refuses bad options with a PayError; its methods take anything', async () => {
    await fc.assert(
      fc.asyncProperty(optionsArb, garbage, garbage, garbage, async (options, first, second, flush) => {
        const where = `createSandbox(${describeInput(options)})`;
        const sandbox = (await expectContract(() => createSandbox(options as never), where)) as Sandbox | undefined;
        if (!sandbox) return;
        try {
          await expectContract(() => sandbox.channelConfigs(first as string), `${where}.channelConfigs(${describeInput(first)})`);
          await expectAsyncContract(() => sandbox.pay(first as string, second as never), `${where}.pay(${describeInput(first)}, ${describeInput(second)})`);
          await expectAsyncContract(() => sandbox.flushNotifications(flush as never), `${where}.flushNotifications(${describeInput(flush)})`);
          await expectContract(() => sandbox.orders.find(first as string), `${where}.orders.find(${describeInput(first)})`);
        } finally {
          await sandbox.close();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('listen: refuses bad options with a PayError, and a server it starts closes', async () => {
    const listenOptions = fc.oneof(fc.constant(undefined), fc.record({ port: fc.oneof(fc.constant(0), garbage), host: fc.oneof(fc.constantFrom('127.0.0.1', '::1', ' ', 'not a host', '999.1.1.1', ''), garbage.filter((value) => typeof value !== 'string')), publicUrl: fc.oneof(fc.constant(undefined), garbage) }, { requiredKeys: [] }), garbage);
    await fc.assert(
      fc.asyncProperty(listenOptions, async (options) => {
        const sandbox = createSandbox();
        try {
          const server = await expectAsyncContract(() => sandbox.listen(options as never), `listen(${describeInput(options)})`, undefined, 5000);
          if (server) expect(server.url).toMatch(/^https?:\/\//);
        } finally {
          await sandbox.close();
        }
      }),
      { numRuns: Math.ceil(RUNS / 8) },
    );
  });
});

const ORIGIN = 'http://sandbox.payweave.test';
const PATHS = [
  '/',
  '/health',
  '/orders',
  '/orders/ORDER_1',
  '/alipay/gateway.do',
  '/unionpay/gateway/api/appTransReq.do',
  '/unionpay/gateway/api/frontTransReq.do',
  '/unionpay/gateway/api/backTransReq.do',
  '/unionpay/gateway/api/queryTrans.do',
  '/wechat/pay/unifiedorder',
  '/wechat/pay/orderquery',
  '/wechat/pay/closeorder',
  '/wechat/pay/micropay',
  '/wechat/pay/refundquery',
  '/wechat/secapi/pay/refund',
  '/wechat/secapi/pay/reverse',
  '/wechat/v3/certificates',
  '/wechat/v3/pay/transactions/native',
  '/wechat/v3/pay/transactions/jsapi',
  '/wechat/v3/pay/transactions/out-trade-no/ORDER_1',
  '/wechat/v3/pay/transactions/out-trade-no/ORDER_1/close',
  '/wechat/v3/refund/domestic/refunds',
  '/wechat/v3/refund/domestic/refunds/R1',
  '/wechat/jsapi/pay',
  '/wechat/h5/ORDER_1',
  '/wechat/notifications/send',
  '/apple/production/verifyReceipt',
  '/apple/sandbox/verifyReceipt',
  '/apple/storekit/purchase',
  '/apple/storekit/transactions/1000',
  '/apple/inApps/v1/transactions/1000',
  '/apple/inApps/v2/history/1000',
  '/alipay/cashier/ORDER_1',
  '/%E0%A4%A',
];

describe('the emulated gateways', () => {
  const sandbox = createSandbox({ timeScale: 1 / 60_000 });
  const msw = setupServer(...sandbox.handlers);
  beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
  afterAll(async () => {
    msw.close();
    await sandbox.close();
  });

  it('answer any request like a gateway, never with an internal error', async () => {
    const query = fc.oneof(fc.constant(''), fc.dictionary(fc.constantFrom('method', 'app_id', 'sign', 'biz_content', 'charset', 'outcome', 'orderNo', '__proto__'), anyString, { maxKeys: 3 }).map((q) => `?${new URLSearchParams(q as Record<string, string>).toString()}`));
    const headers = fc.dictionary(fc.constantFrom('content-type', 'authorization', 'accept', 'wechatpay-serial'), fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/xml', 'text/html', 'WECHATPAY2-SHA256-RSA2048 mchid="1",serial_no="x",signature="y"', 'Bearer x.y.z', '*/*'), { maxKeys: 3 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), fc.constantFrom('GET', 'POST'), query, headers, notificationBody, async (path, method, search, head, body) => {
        const payload = typeof body === 'string' || body instanceof Uint8Array ? body : String(typeof body);
        const response = await fetch(`${ORIGIN}${path}${search}`, { method, headers: head, ...(method === 'POST' ? { body: payload as BodyInit } : {}) });
        const text = await response.text();
        expect(response.status, `${method} ${path}${search}`).toBeGreaterThanOrEqual(200);
        expect(text, `${method} ${path}${search} (${describeInput(body)}) -> ${response.status}`).not.toMatch(/SANDBOX_INTERNAL_ERROR|Unhandled Exception/);
      }),
      // Each run is an HTTP round trip through msw and an emulator: a quarter of the runs covers the paths well.
      { numRuns: Math.ceil(RUNS / 4) },
    );
  }, 40_000);
});
