import { PayConfigError } from '@payweave/core';
import { getResponse, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createSandbox, defineGateway } from './index';
import { fakeGateway, type FakeChannelConfig } from './testing/fake-gateway';

const ORIGIN = 'http://sandbox.payweave.test';
const NOTIFY_URL = 'http://merchant.test/notify/alipay';
const RETURN_URL = 'http://merchant.test/return';

let sandbox = createSandbox({ gateways: [fakeGateway], timeScale: 1 / 60_000 });
const received: string[] = [];
let merchantAnswer = 'success';

const server = setupServer(
  http.post(NOTIFY_URL, async ({ request }) => {
    received.push(await request.text());
    return new HttpResponse(merchantAnswer, { status: 200 });
  }),
);

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(async () => {
  await sandbox.close();
  sandbox = createSandbox({ gateways: [fakeGateway], timeScale: 1 / 60_000 });
  server.resetHandlers();
  received.length = 0;
  merchantAnswer = 'success';
});
afterAll(() => {
  server.close();
});

function useSandbox() {
  server.use(...sandbox.handlers);
  return sandbox;
}

async function createOrder(orderNo = 'ORDER1', extra: Record<string, unknown> = {}) {
  const response = await fetch(`${ORIGIN}/fake/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orderNo, amount: 1999, subject: 'Green tea', notifyUrl: NOTIFY_URL, returnUrl: RETURN_URL, ...extra }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { orderNo: string; cashierUrl: string };
}

describe('createSandbox in msw mode', () => {
  it('answers /health and an index page on its origin', async () => {
    useSandbox();
    const health = await fetch(`${ORIGIN}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    const index = await fetch(`${ORIGIN}/`);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await index.text();
    expect(page).toContain('<strong>Fake &lt;gateway&gt;</strong> at <code>http://sandbox.payweave.test/fake</code>');
    expect(page).toContain('<a href="/fake/orders">Orders</a>');
  });

  it('leaves requests to other origins alone, even on a sandbox path', async () => {
    expect(await getResponse(sandbox.handlers, new Request('http://merchant.test/health'))).toBeUndefined();
    expect(await getResponse(sandbox.handlers, new Request('http://sandbox.payweave.test.evil/health'))).toBeUndefined();
    expect((await getResponse(sandbox.handlers, new Request(`${ORIGIN}/health`)))?.status).toBe(200);
  });

  it('answers an unknown sandbox path with its own 404', async () => {
    useSandbox();
    const response = await fetch(`${ORIGIN}/nowhere`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('The sandbox has no GET /nowhere.');
  });

  it('serves a gateway route, its cashier page, and settles the payer decision', async () => {
    useSandbox();
    const { cashierUrl } = await createOrder();
    expect(cashierUrl).toBe(`${ORIGIN}/fake/cashier/ORDER1`);

    const cashier = await fetch(cashierUrl);
    const page = await cashier.text();
    expect(page).toContain('data-testid="cashier-amount">¥19.99<');
    expect(page).toContain('<form method="post" action="/fake/cashier/ORDER1">');
    expect(cashier.headers.get('content-security-policy')).toContain("default-src 'none'");

    const decision = await fetch(cashierUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=pay',
      redirect: 'manual',
    });
    expect(decision.status).toBe(303);
    expect(decision.headers.get('location')).toBe(`${RETURN_URL}?out_trade_no=ORDER1&outcome=succeeded`);

    await sandbox.flushNotifications();
    expect(received).toEqual(['out_trade_no=ORDER1&trade_no=FAKE000001&trade_status=TRADE_SUCCESS']);
    expect(sandbox.notifications).toHaveLength(1);
    expect(sandbox.notifications[0]).toMatchObject({ provider: 'alipay', url: NOTIFY_URL, orderNo: 'ORDER1', status: 'acknowledged' });
    expect(sandbox.orders.require('alipay', 'ORDER1')).toMatchObject({ status: 'succeeded', channelTradeNo: 'FAKE000001' });

    const status = await fetch(`${ORIGIN}/fake/orders/ORDER1`);
    expect(await status.json()).toEqual({ orderNo: 'ORDER1', status: 'succeeded', tradeNo: 'FAKE000001' });

    const again = await fetch(cashierUrl, { method: 'POST', body: 'decision=pay', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(again.status).toBe(409);
  });

  it('cancel leaves the order pending and sends no notification', async () => {
    useSandbox();
    const { cashierUrl } = await createOrder();
    const decision = await fetch(cashierUrl, { method: 'POST', body: 'decision=cancel', headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    expect(decision.headers.get('location')).toBe(`${RETURN_URL}?out_trade_no=ORDER1&outcome=canceled`);
    expect(sandbox.orders.require('alipay', 'ORDER1').status).toBe('pending');
    expect(sandbox.notifications).toHaveLength(0);
  });

  it('shows a result page when the gateway does not redirect, and rejects an unknown decision', async () => {
    useSandbox();
    const { cashierUrl } = await createOrder('ORDER2', { returnUrl: undefined });
    const bad = await fetch(cashierUrl, { method: 'POST', body: 'decision=maybe', headers: { accept: 'application/json' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');

    const decision = await fetch(cashierUrl, { method: 'POST', body: 'decision=fail' });
    expect(decision.status).toBe(200);
    expect(await decision.text()).toContain('data-outcome="failed"');
    expect(sandbox.orders.require('alipay', 'ORDER2').status).toBe('failed');
  });

  it('sandbox.pay acts as the payer and reports the notifications it caused', async () => {
    useSandbox();
    await createOrder();
    merchantAnswer = 'SUCCESS';
    const result = await sandbox.pay('ORDER1');
    expect(result.outcome).toBe('succeeded');
    expect(result.order.status).toBe('succeeded');
    expect(result.redirectTo).toBe(`${RETURN_URL}?out_trade_no=ORDER1&outcome=succeeded`);
    expect(result.notifications.map((delivery) => delivery.id)).toEqual([sandbox.notifications[0]?.id]);

    await sandbox.flushNotifications();
    // 'SUCCESS' is not Alipay's acknowledgement: the delivery waits for a retry.
    expect(result.notifications[0]?.status).toBe('pending');
    expect(result.notifications[0]?.nextAttemptAt).toBeDefined();
    merchantAnswer = 'success';
    await sandbox.flushNotifications({ untilSettled: true });
    expect(result.notifications[0]?.status).toBe('acknowledged');
    expect(result.notifications[0]?.attempts.map((attempt) => attempt.acknowledged)).toEqual([false, true]);
  });

  it('sandbox.pay refuses unknown, settled and ambiguous orders with stable codes', async () => {
    useSandbox();
    await expect(sandbox.pay('NOPE')).rejects.toMatchObject({ code: 'SANDBOX_ORDER_NOT_FOUND' });
    await createOrder();
    await sandbox.pay('ORDER1', { outcome: 'failed' });
    await expect(sandbox.pay('ORDER1')).rejects.toMatchObject({ code: 'SANDBOX_ORDER_NOT_PENDING' });
    sandbox.orders.create({ provider: 'wechat', orderNo: 'ORDER1', amount: 1, subject: 'x' });
    await expect(sandbox.pay('ORDER1')).rejects.toMatchObject({ code: 'SANDBOX_ORDER_AMBIGUOUS' });
    await expect(sandbox.pay('ORDER1', { provider: 'wechat' })).rejects.toMatchObject({ code: 'SANDBOX_GATEWAY_MISSING' });
  });

  it('close() cancels pending retries', async () => {
    useSandbox();
    await createOrder();
    merchantAnswer = 'nope';
    await sandbox.pay('ORDER1');
    await sandbox.flushNotifications();
    await sandbox.close();
    expect(sandbox.notifications[0]?.status).toBe('canceled');
  });
});

describe('form-post returns', () => {
  it('serve an auto-submitting page allowed by the CSP', async () => {
    const formGateway = defineGateway({
      ...fakeGateway,
      provider: 'unionpay',
      basePath: '/fake-form',
      pay: (order) => ({ postTo: { url: 'http://merchant.test/front', fields: { orderId: order.orderNo, respCode: '00' } } }),
    });
    const formSandbox = createSandbox({ gateways: [formGateway] });
    formSandbox.orders.create({ provider: 'unionpay', orderNo: 'FORM0001', amount: 100, subject: 'x' });
    const request = new Request(`${ORIGIN}/fake-form/cashier/FORM0001`, { method: 'POST', body: 'decision=pay' });
    const response = await getResponse(formSandbox.handlers, request);
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toContain("script-src 'sha256-");
    const page = (await response?.text()) ?? '';
    expect(page).toContain('<form id="auto-post" method="post" action="http://merchant.test/front">');
    expect(page).toContain('<input type="hidden" name="orderId" value="FORM0001">');
    const result = await formSandbox.pay('FORM0001').catch((error: unknown) => error);
    expect(result).toMatchObject({ code: 'SANDBOX_ORDER_NOT_PENDING' });
  });
});

describe('channelConfigs', () => {
  it('collects each emulator config, pointing at the msw origin or a given base URL', () => {
    expect(sandbox.channelConfigs()).toEqual({ alipay: { appId: 'TEST_APP', baseUrl: `${ORIGIN}/fake` } });
    expect(sandbox.channelConfigs('http://127.0.0.1:4010/')).toEqual({ alipay: { appId: 'TEST_APP', baseUrl: 'http://127.0.0.1:4010/fake' } });
    expectTypeOf(sandbox.channelConfigs()).toEqualTypeOf<{ alipay: FakeChannelConfig }>();
  });

  it('is empty with no emulators registered', () => {
    const empty = createSandbox({ gateways: [] });
    expect(empty.channelConfigs()).toEqual({});
  });
});

describe('createSandbox options', () => {
  it('refuses two emulators for one provider, bad base paths, bad origins and bad time scales', () => {
    const other = defineGateway({ ...fakeGateway, basePath: '/other' });
    expect(() => createSandbox({ gateways: [fakeGateway, other] })).toThrow(PayConfigError);
    expect(() => createSandbox({ gateways: [{ ...fakeGateway, basePath: 'fake' }] })).toThrow(/basePath must look like/);
    expect(() => createSandbox({ gateways: [{ ...fakeGateway, basePath: '/health' }] })).toThrow(/basePath/);
    expect(() => createSandbox({ origin: 'sandbox.test' })).toThrow(/absolute http\(s\) URL/);
    expect(() => createSandbox({ timeScale: 0 })).toThrow(/timeScale/);
  });

  it('answers on a custom origin', async () => {
    const custom = createSandbox({ gateways: [fakeGateway], origin: 'https://pay.example.test/ignored-path' });
    expect(custom.origin).toBe('https://pay.example.test');
    const response = await getResponse(custom.handlers, new Request('https://pay.example.test/health'));
    expect(response?.status).toBe(200);
  });
});
