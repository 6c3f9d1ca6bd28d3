import { createPayServer, type PayServer } from '@payweave/server';
import { wechat, type WechatConfig } from '@payweave/server/wechat';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../index';
import { wechatGateway } from './index';

const NOTIFY_BASE = 'http://merchant.test/notify';
let sandbox = createSandbox({ gateways: [wechatGateway], timeScale: 1 / 600_000 });
let pay: PayServer;
const events: string[] = [];

const server = setupServer(
  http.post(`${NOTIFY_BASE}/wechat`, async ({ request }) => {
    const result = await pay.notifications.handle('wechat', { body: await request.text(), headers: Object.fromEntries(request.headers) });
    return new HttpResponse(result.ack.body || null, { status: result.ack.status, headers: result.ack.headers });
  }),
);

function start(extra: Partial<WechatConfig> = {}) {
  server.use(...sandbox.handlers);
  pay = createPayServer({
    channels: [wechat({ ...sandbox.channelConfigs().wechat, barcodePolling: { intervalMs: 1, timeoutMs: 30 }, ...extra })],
    notifyUrl: NOTIFY_BASE,
    logger: { warn: () => undefined, info: () => undefined, error: () => undefined } as never,
    onEvent: (event) => {
      events.push(`${event.type}:${event.orderNo}`);
    },
  });
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  await sandbox.close();
  sandbox = createSandbox({ gateways: [wechatGateway], timeScale: 1 / 600_000 });
  server.resetHandlers();
  events.length = 0;
});
afterAll(() => server.close());

describe('WeChat Pay APIv2 through the sandbox', () => {
  it.each(['MD5', 'HMAC-SHA256'] as const)('JSAPI (%s): unifiedorder, pay, signed XML notification, stored succeeded charge', async (v2SignType) => {
    start({ apiVersion: 'v2', v2SignType });
    const charge = await pay.charges.create({ channel: 'wechat_jsapi', orderNo: `WXV2JSAPI${v2SignType.length}`, amount: 1200, subject: '奶茶', payer: { openId: 'oPayer2' } });
    expect(charge.credential).toMatchObject({ channel: 'wechat_jsapi', signType: v2SignType, package: expect.stringMatching(/^prepay_id=wx/) });
    await sandbox.pay(charge.orderNo);
    await sandbox.flushNotifications();
    expect(sandbox.notifications[0]?.status).toBe('acknowledged');
    expect((await pay.charges.retrieve(charge.orderNo)).status).toBe('succeeded');
    expect((await pay.charges.retrieve(charge.orderNo, { refresh: true })).status).toBe('succeeded');
    expect(events).toEqual([`charge.succeeded:${charge.orderNo}`]);
  });

  it('NATIVE and MWEB credentials point at the sandbox cashier', async () => {
    start({ apiVersion: 'v2' });
    const native = await pay.charges.create({ channel: 'wechat_native', orderNo: 'WXV2NATIVE1', amount: 100, subject: 'x' });
    expect(native.credential).toEqual({ channel: 'wechat_native', codeUrl: `${sandbox.origin}/wechat/cashier/WXV2NATIVE1` });
    const h5 = await pay.charges.create({ channel: 'wechat_h5', orderNo: 'WXV2H500001', amount: 100, subject: 'x', clientIp: '203.0.113.1' });
    expect((h5.credential as { url: string }).url).toContain('/wechat/h5/WXV2H500001?prepay_id=');
  });

  it('refund over mutual TLS config; the req_info notification is decrypted and confirmed', async () => {
    start({ apiVersion: 'v2' });
    await pay.charges.create({ channel: 'wechat_native', orderNo: 'WXV2REFUND1', amount: 900, subject: 'x' });
    await sandbox.pay('WXV2REFUND1');
    await sandbox.flushNotifications();
    expect((await pay.refunds.create({ orderNo: 'WXV2REFUND1', refundNo: 'RFV2001', amount: 300 })).status).toBe('pending');
    await sandbox.flushNotifications();
    expect(sandbox.notifications.map((n) => n.status)).toEqual(['acknowledged', 'acknowledged']);
    expect((await pay.refunds.retrieve('RFV2001')).status).toBe('succeeded');
    expect(events).toEqual(['charge.succeeded:WXV2REFUND1', 'refund.succeeded:WXV2REFUND1']);
  });

  it('wechat_barcode in v3 mode: immediate success, USERPAYING then success, USERPAYING then reverse', async () => {
    start();
    const now = await pay.charges.create({ channel: 'wechat_barcode', orderNo: 'WXBAR000001', amount: 100, subject: 'x', payer: { authCode: '134567890123456789' } });
    expect(now.status).toBe('succeeded');
    const polled = await pay.charges.create({ channel: 'wechat_barcode', orderNo: 'WXBAR000002', amount: 100, subject: 'x', payer: { authCode: '134567890123450000' } });
    expect(polled.status).toBe('succeeded');
    const reversed = await pay.charges.create({ channel: 'wechat_barcode', orderNo: 'WXBAR000003', amount: 100, subject: 'x', payer: { authCode: '134567890123450001' } });
    expect(reversed.status).toBe('closed');
    expect(sandbox.orders.require('wechat', 'WXBAR000003').status).toBe('closed');
    expect((await pay.charges.retrieve('WXBAR000002', { refresh: true })).status).toBe('succeeded');
  });
});
