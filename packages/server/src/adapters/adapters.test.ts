import { describe, expect, it } from 'vitest';
import type { CryptoProvider } from '../crypto/provider';
import { memoryStore } from '../lifecycle/memory-store';
import type { PaymentStore } from '../lifecycle/store';
import { createPayServerWith } from '../pay-server';
import { fakeChannel, fakeNotificationBody } from '../testing/fake-channel';
import { createChargeRoutes } from './charge-routes';
import { toFetchHandler } from './fetch';

function setup(store: PaymentStore = memoryStore()) {
  const channel = fakeChannel();
  const pay = createPayServerWith({ channels: [channel], store, logger: { warn: () => {} } }, { crypto: () => ({}) as CryptoProvider });
  const orders: Record<string, { amount: number; subject: string }> = { ORDER_1: { amount: 1999, subject: 'T-shirt' } };
  const routes = createChargeRoutes(pay, { resolveOrder: (orderNo) => orders[orderNo] ?? null, refreshIntervalMs: 0 });
  const post = (body: unknown) => routes(new Request('https://shop.example/api/pay/charges', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }));
  return { channel, pay, routes, post };
}

describe('createChargeRoutes', () => {
  it('creates a charge with the amount from resolveOrder', async () => {
    const { post } = setup();
    const response = await post({ orderNo: 'ORDER_1', channel: 'alipay_qr' });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ orderNo: 'ORDER_1', amount: 1999, subject: 'T-shirt', status: 'pending' });
  });

  it('refuses an amount sent by the client', async () => {
    const { post } = setup();
    const response = await post({ orderNo: 'ORDER_1', channel: 'alipay_qr', amount: 1 });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string; issues: unknown[] } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toMatch(/amount and subject come from your server/);
  });

  it('answers 404 for unknown orders and routes, 400 for bad JSON', async () => {
    const { post, routes } = setup();
    expect((await post({ orderNo: 'NOPE', channel: 'alipay_qr' })).status).toBe(404);
    expect((await routes(new Request('https://shop.example/api/pay/charges/NOPE'))).status).toBe(404);
    expect((await routes(new Request('https://shop.example/api/pay/other'))).status).toBe(404);
    expect((await routes(new Request('https://shop.example/api/pay/charges', { method: 'POST', body: '{' }))).status).toBe(400);
    expect((await routes(new Request('https://shop.example/api/pay/charges', { method: 'DELETE' }))).status).toBe(405);
  });

  it('hides configuration details from the payer', async () => {
    const { post } = setup();
    const response = await post({ orderNo: 'ORDER_1', channel: 'wechat_native' });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { type: 'PayConfigError', code: 'CHANNEL_NOT_CONFIGURED', message: 'payment service configuration error' } });
  });

  it('answers a store outage with 503 and a retry message, without the driver details', async () => {
    const failing = Object.assign(new Error("SQLITE_BUSY: database is locked at 'ORDER_1'"), { code: 'SQLITE_BUSY' });
    const { post } = setup({ ...memoryStore(), insertCharge: () => Promise.reject(failing) });
    const response = await post({ orderNo: 'ORDER_1', channel: 'alipay_qr' });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: { type: 'PayError', code: 'STORE_FAILED', message: 'payment service temporarily unavailable: retry' } });
  });

  it('GET re-queries a pending charge and returns the verified state', async () => {
    const { post, routes, channel } = setup();
    await post({ orderNo: 'ORDER_1', channel: 'alipay_qr' });
    channel.queryAnswer = { status: 'succeeded', amount: 1999, raw: {} };
    const response = await routes(new Request('https://shop.example/api/pay/charges/ORDER_1'));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { status: string }).status).toBe('succeeded');
    expect(channel.calls).toContain('query:ORDER_1');
  });
});

describe('toFetchHandler', () => {
  it('turns a Request into the channel acknowledgement', async () => {
    const { pay, post } = setup();
    await post({ orderNo: 'ORDER_1', channel: 'alipay_qr' });
    const handler = toFetchHandler(pay, 'alipay');
    const ok = await handler(new Request('https://shop.example/notify/alipay', { method: 'POST', body: fakeNotificationBody({ orderNo: 'ORDER_1', amount: 1999 }) }));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('success');
    const bad = await handler(new Request('https://shop.example/notify/alipay', { method: 'POST', body: 'garbage' }));
    expect(bad.status).toBe(400);
    expect((await pay.charges.retrieve('ORDER_1')).status).toBe('succeeded');
  });

  it('answers a 204 acknowledgement (WeChat Pay v3) without a body, which Fetch forbids for 204', async () => {
    const { pay, post, channel } = setup();
    await post({ orderNo: 'ORDER_1', channel: 'alipay_qr' });
    channel.acknowledge = (outcome) => (outcome.ok ? { status: 204, headers: {}, body: '' } : { status: 500, headers: {}, body: '{"code":"FAIL"}' });
    const response = await toFetchHandler(pay, 'alipay')(new Request('https://shop.example/notify', { method: 'POST', body: fakeNotificationBody({ orderNo: 'ORDER_1', amount: 1999 }) }));
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });
});
