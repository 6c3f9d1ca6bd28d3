/**
 * The edge app in vitest's edge-runtime environment (project `examples-edge`, where `@payweave/server` is its web
 * entry): charges are created against the sandbox and the sandbox's signed notifications are delivered straight into
 * the app's Fetch handler, so the whole loop runs without Node's http, Buffer, or a network.
 */
import { getResponse } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import * as server from '@payweave/server';
import { alipay } from '@payweave/server/alipay';
import { unionpay } from '@payweave/server/unionpay';
import { wechat } from '@payweave/server/wechat';
import { createSandbox } from '@payweave/sandbox';
import { createEdgeApp } from './app';

const SHOP = 'https://shop.example';
let app: ReturnType<typeof createEdgeApp>;
const sandbox = createSandbox({ fetch: (input, init) => app.fetch(new Request(input, init)) });

beforeAll(() => {
  const configs = sandbox.channelConfigs();
  app = createEdgeApp({
    channels: [alipay(configs.alipay), wechat(configs.wechat), unionpay(configs.unionpay)],
    notifyUrl: `${SHOP}/api/pay/notify`,
    // The gateways, as the sandbox's handlers answer them (the same handlers `payweave-sandbox` serves over HTTP).
    fetch: async (input, init) => (await getResponse(sandbox.handlers, new Request(input, init))) ?? new Response('no sandbox route', { status: 404 }),
  });
});

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  return app.fetch(new Request(`${SHOP}${path}`, { method, ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) }));
}

describe('edge example', () => {
  it('runs on the web entry of @payweave/server (no Node adapter in it)', () => {
    expect(typeof server.createPayServer).toBe('function');
    expect('toNodeHandler' in server).toBe(false);
  });

  for (const channel of ['alipay_qr', 'wechat_native'] as const) {
    it(`${channel}: creates the charge, takes the verified notification, and reports the order paid`, async () => {
      const { orderNo } = (await (await call('POST', '/api/orders', { productId: 'longjing' })).json()) as { orderNo: string };
      const created = await call('POST', '/api/pay/charges', { orderNo, channel });
      expect(created.status).toBe(201);
      expect(await created.json()).toMatchObject({ orderNo, amount: 1999, status: 'pending', credential: { channel } });

      const paid = await sandbox.pay(orderNo);
      await sandbox.flushNotifications();
      expect(paid.notifications.map((delivery) => delivery.status)).toEqual(['acknowledged']);
      expect(await (await call('GET', `/api/pay/charges/${orderNo}`)).json()).toMatchObject({ orderNo, status: 'succeeded' });
    });
  }

  it('refuses a forged notification with a non-acknowledgement', async () => {
    const response = await app.fetch(new Request(`${SHOP}/api/pay/notify/alipay`, { method: 'POST', body: 'trade_status=TRADE_SUCCESS&out_trade_no=X&sign=Zm9yZ2Vk' }));
    expect(response.status).not.toBe(200);
    expect(await response.text()).not.toBe('success');
  });

  it('never takes the amount from the browser', async () => {
    const { orderNo } = (await (await call('POST', '/api/orders', { productId: 'teacup' })).json()) as { orderNo: string };
    expect((await call('POST', '/api/pay/charges', { orderNo, channel: 'alipay_qr', amount: 1 })).status).toBe(400);
  });
});
