/**
 * Round trips through the Alipay emulator with the real server SDK: charge -> cashier -> signed notification ->
 * `handle` -> stored state; signed return; duplicates not re-emitted; an amount mismatch refused; QR, barcode
 * (immediate and USERPAYING), refund, close; a merchant request with the wrong key refused like Alipay does; retries
 * until the exact `success`.
 */
import type { PaymentEvent } from '@payweave/core';
import { createPayServer, type HttpClient } from '@payweave/server';
import { alipay, type AlipayConfig } from '@payweave/server/alipay';
import { http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../index';
import { MERCHANT_KEY_PEM } from '../unionpay/keys';
import { alipayGateway } from './index';

const ORIGIN = 'http://sandbox.payweave.test';
const NOTIFY = 'http://merchant.test/notify';
const RETURN_URL = 'http://merchant.test/return';

/** An HttpClient on fetch, so that msw answers in-process. */
const fetchClient: HttpClient = {
  async request(request) {
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body as string });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, headers: Object.fromEntries(response.headers), bytes, text: new TextDecoder().decode(bytes) };
  },
};

let sandbox = createSandbox({ gateways: [alipayGateway], timeScale: 1 / 60_000 });
const events: PaymentEvent[] = [];
const deliveries: string[] = [];
let merchantAck = 'success';
let pay = newPayServer();

function newPayServer(extra: Partial<AlipayConfig> = {}) {
  return createPayServer({
    channels: [alipay({ ...sandbox.channelConfigs().alipay, ...extra })],
    notifyUrl: NOTIFY,
    http: fetchClient,
    onEvent: (event) => void events.push(event),
    logger: { warn: () => undefined } as never,
  });
}

const server = setupServer(
  http.post(`${NOTIFY}/alipay`, async ({ request }) => {
    const body = await request.text();
    deliveries.push(body);
    const result = await pay.notifications.handle('alipay', { body, method: 'POST', headers: Object.fromEntries(request.headers) });
    return new HttpResponse(merchantAck === 'success' ? result.ack.body : merchantAck, { status: result.ack.status, headers: result.ack.headers });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  await sandbox.close();
  sandbox = createSandbox({ gateways: [alipayGateway], timeScale: 1 / 60_000 });
  pay = newPayServer();
  server.resetHandlers();
  events.length = 0;
  deliveries.length = 0;
  merchantAck = 'success';
});
afterAll(() => server.close());

const useSandbox = () => server.use(...sandbox.handlers);

type BrowserCredential = { method: 'GET' | 'POST'; url: string; fields?: Record<string, string> };
/** What the browser does with a page/wap credential. */
function openCashier(credential: BrowserCredential): Promise<Response> {
  if (credential.method === 'GET') return fetch(credential.url, { headers: { accept: 'text/html' } });
  return fetch(credential.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, body: new URLSearchParams(credential.fields).toString() });
}

const input = (orderNo: string, channel: 'alipay_wap' | 'alipay_page' | 'alipay_qr' | 'alipay_barcode' = 'alipay_wap', extra = {}) => ({
  channel,
  orderNo,
  amount: 1999,
  subject: 'Green tea 绿茶',
  ...(channel === 'alipay_wap' || channel === 'alipay_page' ? { returnUrl: RETURN_URL } : {}),
  ...extra,
});

describe('Alipay sandbox round trip', () => {
  it('alipay_wap: cashier -> notification -> succeeded once; the signed return verifies; duplicates are not re-emitted', async () => {
    useSandbox();
    const charge = await pay.charges.create(input('WAP_1'));
    expect(charge.credential).toMatchObject({ channel: 'alipay_wap', method: 'POST' });
    const cashier = await openCashier(charge.credential as BrowserCredential);
    expect(cashier.status).toBe(200);
    expect(await cashier.text()).toContain('WAP_1');
    expect((await pay.charges.retrieve('WAP_1', { refresh: true })).status).toBe('pending');

    const paid = await sandbox.pay('WAP_1');
    await sandbox.flushNotifications();
    expect(sandbox.notifications[0]).toMatchObject({ status: 'acknowledged', label: 'TRADE_SUCCESS' });
    const stored = await pay.charges.retrieve('WAP_1');
    expect(stored).toMatchObject({ status: 'succeeded', channelTradeNo: paid.order.channelTradeNo, livemode: false });
    expect(events.map((e) => e.type)).toEqual(['charge.succeeded']);

    const again = await pay.notifications.handle('alipay', { body: deliveries[0] as string, method: 'POST' });
    expect(again).toMatchObject({ duplicate: true, ack: { status: 200, body: 'success' } });
    expect(events).toHaveLength(1);

    expect(paid.redirectTo?.startsWith(`${RETURN_URL}?`)).toBe(true);
    await expect(pay.returns.verify('alipay', { method: 'GET', url: paid.redirectTo })).resolves.toEqual({ orderNo: 'WAP_1', hint: 'succeeded' });
    await expect(pay.returns.verify('alipay', { method: 'GET', url: paid.redirectTo!.replace('19.99', '0.01') })).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
  });

  it('alipay_page by GET redirect, paid, then found by a query', async () => {
    useSandbox();
    pay = newPayServer({ pageMethod: 'GET' });
    const charge = await pay.charges.create(input('PAGE_1', 'alipay_page'));
    expect(charge.credential).toMatchObject({ method: 'GET' });
    expect((await openCashier(charge.credential as BrowserCredential)).status).toBe(200);
    await sandbox.pay('PAGE_1');
    expect((await pay.charges.retrieve('PAGE_1', { refresh: true })).status).toBe('succeeded');
    await sandbox.flushNotifications();
    expect(events.filter((e) => e.type === 'charge.succeeded')).toHaveLength(1);
  });

  it('refuses a notification whose amount differs from the stored charge; the charge stays unpaid', async () => {
    useSandbox();
    await pay.charges.create(input('MIS_1', 'alipay_page'));
    // The same order number opened at the gateway for 0.01 by another process with the same keys.
    const other = alipay(sandbox.channelConfigs().alipay);
    const otherServer = createPayServer({ channels: [other], notifyUrl: NOTIFY, http: fetchClient, logger: { warn: () => undefined } as never });
    const cheap = await otherServer.charges.create(input('MIS_1', 'alipay_page', { amount: 1 }));
    await openCashier(cheap.credential as BrowserCredential);
    await sandbox.pay('MIS_1');
    await sandbox.flushNotifications();
    expect((await pay.charges.retrieve('MIS_1')).status).toBe('pending');
    expect(events).toHaveLength(0);
    const result = await pay.notifications.handle('alipay', { body: deliveries[0] as string, method: 'POST' });
    expect(result.error?.code).toBe('AMOUNT_MISMATCH');
  });

  it('alipay_qr: the QR code opens the cashier; paid; notified', async () => {
    useSandbox();
    const charge = await pay.charges.create(input('QR_1', 'alipay_qr'));
    const qrCode = (charge.credential as { qrCode: string }).qrCode;
    expect(qrCode).toBe(`${ORIGIN}/alipay/cashier/QR_1`);
    expect((await fetch(qrCode)).status).toBe(200);
    const paid = await sandbox.pay('QR_1');
    expect(paid.redirectTo).toBeUndefined();
    await sandbox.flushNotifications();
    expect((await pay.charges.retrieve('QR_1')).status).toBe('succeeded');
  });

  it('alipay_barcode: paid at once, or after the payer confirms (USERPAYING), or cancelled when the wait runs out', async () => {
    useSandbox();
    const now = await pay.charges.create(input('BAR_1', 'alipay_barcode', { payer: { authCode: '280000000000000000' } }));
    expect(now).toMatchObject({ status: 'succeeded', credential: { channel: 'alipay_barcode' } });

    let confirmed = false;
    pay = newPayServer({ barcode: { pollIntervalMs: 1, timeoutMs: 5_000, sleep: async () => void (confirmed ||= Boolean(await sandbox.pay('BAR_2'))) } });
    expect(await pay.charges.create(input('BAR_2', 'alipay_barcode', { payer: { authCode: '280000000000000001' } }))).toMatchObject({ status: 'succeeded' });

    pay = newPayServer({ barcode: { pollIntervalMs: 5, timeoutMs: 30 } });
    expect(await pay.charges.create(input('BAR_3', 'alipay_barcode', { payer: { authCode: '280000000000000001' } }))).toMatchObject({ status: 'closed' });
    expect(sandbox.orders.get('alipay', 'BAR_3')?.status).toBe('closed');

    await expect(pay.charges.create(input('BAR_4', 'alipay_barcode', { payer: { authCode: '280000000000000002' } }))).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
  });

  it('refunds (idempotent on refundNo) and closes', async () => {
    useSandbox();
    const charge = await pay.charges.create(input('REF_1', 'alipay_page'));
    await openCashier(charge.credential as BrowserCredential);
    await sandbox.pay('REF_1');
    await sandbox.flushNotifications();
    await expect(pay.refunds.create({ orderNo: 'REF_1', refundNo: 'R1', amount: 500 })).resolves.toMatchObject({ status: 'succeeded' });
    await expect(pay.refunds.retrieve('R1')).resolves.toMatchObject({ status: 'succeeded' });
    await sandbox.flushNotifications();
    expect(events.map((e) => e.type)).toEqual(['charge.succeeded', 'refund.succeeded']);
    expect(sandbox.notifications.at(-1)).toMatchObject({ status: 'acknowledged', label: 'refund R1' });

    const open = await pay.charges.create(input('CLS_1', 'alipay_page'));
    await openCashier(open.credential as BrowserCredential);
    await expect(pay.charges.close('CLS_1')).resolves.toMatchObject({ status: 'closed' });
    expect(sandbox.orders.get('alipay', 'CLS_1')?.status).toBe('closed');
    await expect(pay.charges.close('NEVER_OPENED').catch((e: { code: string }) => e.code)).resolves.toBe('CHARGE_NOT_FOUND');
  });

  it('refuses a merchant signed with the wrong key, as isv.invalid-signature', async () => {
    useSandbox();
    pay = newPayServer({ privateKey: MERCHANT_KEY_PEM, pageMethod: 'GET' });
    await expect(pay.charges.create(input('BAD_1', 'alipay_qr'))).rejects.toMatchObject({ code: 'REQUEST_SIGNATURE_REJECTED', gatewaySubCode: 'isv.invalid-signature' });
    const page = await pay.charges.create(input('BAD_2', 'alipay_page'));
    const refused = await openCashier(page.credential as BrowserCredential);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('data-code="isv.invalid-signature"');
  });

  it('retries until the merchant answers exactly "success"', async () => {
    useSandbox();
    merchantAck = 'SUCCESS';
    const charge = await pay.charges.create(input('RTY_1', 'alipay_qr'));
    expect(charge.status).toBe('pending');
    await sandbox.pay('RTY_1');
    await sandbox.flushNotifications({ untilSettled: true });
    const delivery = sandbox.notifications[0]!;
    expect(delivery.status).toBe('gave_up');
    expect(delivery.attempts).toHaveLength(8);
    expect(events.filter((e) => e.type === 'charge.succeeded')).toHaveLength(1);
  });

  it('over real HTTP with the default axios client: QR charge, paid, found by a query', async () => {
    const listening = await sandbox.listen();
    server.use(http.all(`${listening.url}/*`, () => passthrough()));
    const overHttp = createPayServer({ channels: [alipay(sandbox.channelConfigs(listening.url).alipay)], logger: { warn: () => undefined } as never });
    const charge = await overHttp.charges.create(input('HTTP_1', 'alipay_qr'));
    expect((charge.credential as { qrCode: string }).qrCode).toBe(`${listening.url}/alipay/cashier/HTTP_1`);
    await sandbox.pay('HTTP_1');
    await expect(overHttp.charges.retrieve('HTTP_1', { refresh: true })).resolves.toMatchObject({ status: 'succeeded' });
  });
});
