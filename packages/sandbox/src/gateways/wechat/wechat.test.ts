import { createPayServer, type PayServer } from '@payweave/server';
import { wechat } from '@payweave/server/wechat';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../index';
import { wechatGateway } from './index';
import { PLATFORM_KEY_PEM, SANDBOX_APP_ID } from './keys';
import { notificationRequest } from './protocol';

const ORIGIN = 'http://sandbox.payweave.test';
const NOTIFY_BASE = 'http://merchant.test/notify';
let sandbox = createSandbox({ gateways: [wechatGateway], timeScale: 1 / 600_000 });
let pay: PayServer;
let merchantStatus: number | undefined;
const events: string[] = [];

const server = setupServer(
  http.post(`${NOTIFY_BASE}/wechat`, async ({ request }) => {
    const result = await pay.notifications.handle('wechat', { body: await request.text(), headers: Object.fromEntries(request.headers) });
    return new HttpResponse(result.ack.body || null, { status: merchantStatus ?? result.ack.status, headers: result.ack.headers });
  }),
);

function newPayServer(config = sandbox.channelConfigs().wechat) {
  return createPayServer({
    channels: [wechat(config)],
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
  merchantStatus = undefined;
});
afterAll(() => server.close());

function start() {
  server.use(...sandbox.handlers);
  pay = newPayServer();
  return sandbox;
}

describe('WeChat Pay round trips through the sandbox', () => {
  it('wechat_jsapi: prepay, pay, signed+encrypted notification, stored succeeded charge, onEvent once', async () => {
    start();
    const charge = await pay.charges.create({ channel: 'wechat_jsapi', orderNo: 'WXJSAPI0001', amount: 1999, subject: 'Green tea', payer: { openId: 'oPayer1' } });
    expect(charge.status).toBe('pending');
    expect(charge.livemode).toBe(false);
    expect(charge.credential).toMatchObject({ channel: 'wechat_jsapi', appId: SANDBOX_APP_ID, signType: 'RSA' });
    await sandbox.pay('WXJSAPI0001');
    await sandbox.flushNotifications();
    const [delivery] = sandbox.notifications;
    expect(delivery?.status).toBe('acknowledged');
    expect(delivery?.attempts[0]?.status).toBe(204);
    const stored = await pay.charges.retrieve('WXJSAPI0001');
    expect(stored).toMatchObject({ status: 'succeeded', channelTradeNo: expect.stringMatching(/^4200/) });
    expect(events).toEqual(['charge.succeeded:WXJSAPI0001']);
    const refreshed = await pay.charges.retrieve('WXJSAPI0001', { refresh: true });
    expect(refreshed.status).toBe('succeeded');
  });

  it('wechat_native: code_url, pay, duplicate notification not re-emitted', async () => {
    start();
    const charge = await pay.charges.create({ channel: 'wechat_native', orderNo: 'WXNATIVE0001', amount: 500, subject: 'Coffee' });
    expect(charge.credential).toEqual({ channel: 'wechat_native', codeUrl: `${ORIGIN}/wechat/cashier/WXNATIVE0001` });
    merchantStatus = 500; // the merchant "crashes" after processing: WeChat redelivers
    await sandbox.pay('WXNATIVE0001');
    await sandbox.flushNotifications();
    merchantStatus = undefined;
    await sandbox.flushNotifications({ untilSettled: true });
    const [delivery] = sandbox.notifications;
    expect(delivery?.attempts.length).toBeGreaterThan(1);
    expect(delivery?.status).toBe('acknowledged');
    expect(events).toEqual(['charge.succeeded:WXNATIVE0001']);
    expect((await pay.charges.retrieve('WXNATIVE0001')).status).toBe('succeeded');
  });

  it('wechat_h5: h5_url cashier page, browser return to redirect_url, stored succeeded charge', async () => {
    start();
    const charge = await pay.charges.create({ channel: 'wechat_h5', orderNo: 'WXH50000001', amount: 800, subject: 'Tea', clientIp: '203.0.113.9', returnUrl: 'https://shop.example/done' });
    const url = (charge.credential as { url: string }).url;
    expect(url).toMatch(/^http:\/\/sandbox\.payweave\.test\/wechat\/h5\/WXH50000001\?prepay_id=wx\d+&package=1&redirect_url=https%3A%2F%2Fshop\.example%2Fdone$/);
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('WXH50000001');
    const decision = await fetch(`${ORIGIN}/wechat/cashier/WXH50000001`, { method: 'POST', body: 'decision=pay', headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    expect(decision.status).toBe(303);
    expect(decision.headers.get('location')).toBe('https://shop.example/done');
    await sandbox.flushNotifications();
    expect((await pay.charges.retrieve('WXH50000001')).status).toBe('succeeded');
  });

  it('wechat_jsapi through the WeixinJSBridge stand-in script (paySign checked like WeChat)', async () => {
    start();
    const charge = await pay.charges.create({ channel: 'wechat_jsapi', orderNo: 'WXBRIDGE001', amount: 700, subject: 'Tea', payer: { openId: 'oPayer1' } });
    const response = await fetch(`${ORIGIN}/wechat/jsapi-bridge.js`);
    expect(response.headers.get('content-type')).toContain('javascript');
    const source = await response.text();
    const { channel: _, ...params } = charge.credential as Record<string, string>;
    const tampered = await fetch(`${ORIGIN}/wechat/jsapi/pay`, { method: 'POST', body: JSON.stringify({ ...params, paySign: params.paySign?.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }) });
    expect(tampered.status).toBe(400);
    const fakeWindow: Record<string, unknown> = {};
    const fakeDocument = { dispatchEvent: () => true };
    new Function('window', 'document', 'fetch', 'Event', source)(fakeWindow, fakeDocument, fetch, class { constructor(readonly type: string) {} });
    const bridge = fakeWindow.WeixinJSBridge as { invoke(api: string, p: unknown, cb: (r: { err_msg: string }) => void): void };
    const answer = await new Promise<{ err_msg: string }>((resolve) => bridge.invoke('getBrandWCPayRequest', params, resolve));
    expect(answer.err_msg).toBe('get_brand_wcpay_request:ok');
    await sandbox.flushNotifications();
    expect((await pay.charges.retrieve('WXBRIDGE001')).status).toBe('succeeded');
  });

  it('downloads the platform certificate when a notification names a serial it does not hold', async () => {
    server.use(...sandbox.handlers);
    const { platformKeys, ...config } = sandbox.channelConfigs().wechat;
    const publicKeyOnly = Object.fromEntries(Object.entries(platformKeys ?? {}).filter(([serial]) => serial.startsWith('PUB_KEY_ID_')));
    pay = newPayServer({ ...config, platformKeys: publicKeyOnly, autoPlatformCertificates: true });
    await pay.charges.create({ channel: 'wechat_native', orderNo: 'WXAUTOCERT1', amount: 100, subject: 'x' });
    await sandbox.pay('WXAUTOCERT1');
    await sandbox.flushNotifications();
    expect(sandbox.notifications[0]?.status).toBe('acknowledged');
    expect((await pay.charges.retrieve('WXAUTOCERT1')).status).toBe('succeeded');
    const without = newPayServer({ ...config, platformKeys: publicKeyOnly });
    const signed = await notificationRequest('TRANSACTION.SUCCESS', '支付成功', 'transaction', { mchid: '1900000109' }, 'EV-z', Date.now());
    expect((await without.notifications.handle('wechat', signed)).error?.code).toBe('UNKNOWN_SERIAL');
  });

  it('refuses an amount or mchid mismatch in a genuinely signed notification', async () => {
    start();
    await pay.charges.create({ channel: 'wechat_native', orderNo: 'WXMISMATCH1', amount: 500, subject: 'Coffee' });
    const order = sandbox.orders.require('wechat', 'WXMISMATCH1');
    const resource = { appid: SANDBOX_APP_ID, mchid: '1900000109', out_trade_no: order.orderNo, transaction_id: '4200000000000000000000000001', trade_type: 'NATIVE', trade_state: 'SUCCESS', success_time: '2026-01-01T10:00:00+08:00', amount: { total: 1, payer_total: 1, currency: 'CNY', payer_currency: 'CNY' } };
    const cheap = await notificationRequest('TRANSACTION.SUCCESS', '支付成功', 'transaction', resource, 'EV-x', Date.now());
    const result = await pay.notifications.handle('wechat', cheap);
    expect(result.error?.code).toMatch(/AMOUNT_MISMATCH/);
    expect((await pay.store.listAnomalies()).map((a) => a.kind)).toContain('amount_mismatch');
    const foreign = await notificationRequest('TRANSACTION.SUCCESS', '支付成功', 'transaction', { ...resource, amount: { total: 500, currency: 'CNY' }, mchid: '1900000000' }, 'EV-y', Date.now());
    const refused = await pay.notifications.handle('wechat', foreign);
    expect(refused.error?.code).toBe('MERCHANT_MISMATCH');
    expect((await pay.charges.retrieve('WXMISMATCH1')).status).toBe('pending');
    expect(events).toEqual([]);
  });

  it('closes, refunds (REFUND.SUCCESS notified) and rejects a request signed with the wrong key', async () => {
    start();
    await pay.charges.create({ channel: 'wechat_native', orderNo: 'WXCLOSE0001', amount: 300, subject: 'Bun' });
    expect((await pay.charges.close('WXCLOSE0001')).status).toBe('closed');
    await pay.charges.create({ channel: 'wechat_app', orderNo: 'WXREFUND001', amount: 1000, subject: 'Cake' });
    await sandbox.pay('WXREFUND001');
    await sandbox.flushNotifications();
    const refund = await pay.refunds.create({ orderNo: 'WXREFUND001', refundNo: 'RF0001', amount: 400 });
    expect(refund.status).toBe('pending');
    await sandbox.flushNotifications();
    expect((await pay.refunds.retrieve('RF0001')).status).toBe('succeeded');
    expect((await pay.refunds.retrieve('RF0001', { refresh: true })).status).toBe('succeeded');

    // Any key but the merchant's: the platform key stands in for a stolen serial with the wrong private key.
    const impostor = newPayServer({ ...sandbox.channelConfigs().wechat, privateKey: PLATFORM_KEY_PEM });
    await expect(impostor.charges.create({ channel: 'wechat_native', orderNo: 'WXIMPOSTOR1', amount: 1, subject: 'x' })).rejects.toMatchObject({ gatewayCode: 'SIGN_ERROR', statusCode: 401 });
  });
});
