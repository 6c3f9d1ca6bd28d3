/**
 * Round trips through the UnionPay emulator with the real server SDK: charge -> cashier -> notification -> stored
 * state; query, refund and undo; duplicates not re-emitted; amount mismatch refused; a forged merchant request refused.
 */
import type { PaymentEvent } from '@payweave/core';
import { createPayServer, type HttpClient } from '@payweave/server';
import { unionpay } from '@payweave/server/unionpay';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../index';
import { unionpayGateway } from './index';
import { kvText, signAsGateway } from './protocol';

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

let sandbox = createSandbox({ gateways: [unionpayGateway], timeScale: 1 / 60_000 });
const events: PaymentEvent[] = [];
const deliveries: string[] = [];
let channel = unionpay(sandbox.channelConfigs().unionpay);
let pay = newPayServer();

function newPayServer() {
  channel = unionpay(sandbox.channelConfigs().unionpay);
  return createPayServer({
    channels: [channel],
    notifyUrl: NOTIFY,
    http: fetchClient,
    onEvent: (event) => void events.push(event),
  });
}

const server = setupServer(
  http.post(`${NOTIFY}/unionpay`, async ({ request }) => {
    const body = await request.text();
    deliveries.push(body);
    const result = await pay.notifications.handle('unionpay', { body, method: 'POST', headers: Object.fromEntries(request.headers) });
    return new HttpResponse(result.ack.body, { status: result.ack.status, headers: result.ack.headers });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  await sandbox.close();
  sandbox = createSandbox({ gateways: [unionpayGateway], timeScale: 1 / 60_000 });
  pay = newPayServer();
  server.resetHandlers();
  events.length = 0;
  deliveries.length = 0;
});
afterAll(() => server.close());

function useSandbox() {
  server.use(...sandbox.handlers);
}

async function submitCashierForm(credential: { url: string; fields: Record<string, string> }): Promise<Response> {
  return fetch(credential.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(credential.fields).toString() });
}

const chargeInput = (orderNo: string, channel: 'unionpay_wap' | 'unionpay_page' | 'unionpay_app' = 'unionpay_wap') => ({
  channel,
  orderNo,
  amount: 1999,
  subject: 'Green tea',
  clientIp: '203.0.113.9',
  ...(channel === 'unionpay_app' ? {} : { returnUrl: RETURN_URL }),
});

describe('UnionPay sandbox round trip', () => {
  it('unionpay_wap: cashier -> back notification -> succeeded once; front return verifies; duplicates are not re-emitted', async () => {
    useSandbox();
    const charge = await pay.charges.create(chargeInput('WAP20240102001'));
    expect(charge.credential.channel).toBe('unionpay_wap');
    const cashier = await submitCashierForm(charge.credential as { url: string; fields: Record<string, string> });
    expect(cashier.status).toBe(200);
    expect(await cashier.text()).toContain('WAP20240102001');
    expect((await pay.charges.retrieve('WAP20240102001', { refresh: true })).status).toBe('pending');

    const paid = await sandbox.pay('WAP20240102001');
    await sandbox.flushNotifications();
    expect(sandbox.notifications[0]?.status).toBe('acknowledged');
    const stored = await pay.charges.retrieve('WAP20240102001');
    expect(stored.status).toBe('succeeded');
    expect(stored.channelTradeNo).toBe(paid.order.channelTradeNo);
    expect(events.map((e) => e.type)).toEqual(['charge.succeeded']);

    const again = await pay.notifications.handle('unionpay', { body: deliveries[0] as string, method: 'POST' });
    expect(again.duplicate).toBe(true);
    expect(again.ack.status).toBe(200);
    expect(events).toHaveLength(1);

    expect(paid.postTo?.url).toBe(RETURN_URL);
    const front = await pay.returns.verify('unionpay', { body: new URLSearchParams(paid.postTo?.fields).toString(), method: 'POST' });
    expect(front).toEqual({ orderNo: 'WAP20240102001', hint: 'succeeded' });
  });

  it('refuses a notification whose amount differs from the stored charge', async () => {
    useSandbox();
    await pay.charges.create(chargeInput('MIS20240102001', 'unionpay_page'));
    const forged = await signAsGateway({ merId: '777290058110048', txnType: '01', txnSubType: '01', orderId: 'MIS20240102001', txnTime: '20240102030405', txnAmt: '1', currencyCode: '156', queryId: 'Q1', respCode: '00' });
    const result = await pay.notifications.handle('unionpay', { body: new URLSearchParams(forged).toString(), method: 'POST' });
    expect(result.error?.code).toBe('AMOUNT_MISMATCH');
    expect((await pay.charges.retrieve('MIS20240102001')).status).toBe('pending');
    expect(events).toHaveLength(0);
  });

  it('unionpay_app: tn from appTransReq, paid in the sandbox, found by a query', async () => {
    useSandbox();
    const charge = await pay.charges.create(chargeInput('APP20240102001', 'unionpay_app'));
    expect(charge.credential).toMatchObject({ channel: 'unionpay_app', mode: '01', tn: expect.stringMatching(/^\d{21}$/) });
    await sandbox.pay('APP20240102001');
    const refreshed = await pay.charges.retrieve('APP20240102001', { refresh: true });
    expect(refreshed.status).toBe('succeeded');
    await sandbox.flushNotifications();
    expect(events.filter((e) => e.type === 'charge.succeeded')).toHaveLength(1);
  });

  it('refund through backTransReq: accepted, then succeeded by its notification', async () => {
    useSandbox();
    const charge = await pay.charges.create(chargeInput('REF20240102001', 'unionpay_page'));
    await submitCashierForm(charge.credential as { url: string; fields: Record<string, string> });
    await sandbox.pay('REF20240102001');
    await sandbox.flushNotifications();
    const refund = await pay.refunds.create({ orderNo: 'REF20240102001', refundNo: 'R20240102001', amount: 500 });
    expect(['pending', 'succeeded']).toContain(refund.status); // the notification may race the synchronous answer
    await sandbox.flushNotifications();
    expect((await pay.refunds.retrieve('R20240102001')).status).toBe('succeeded');
    expect(events.map((e) => e.type)).toEqual(['charge.succeeded', 'refund.succeeded']);
    await expect(pay.refunds.create({ orderNo: 'REF20240102001', refundNo: 'R20240102002', amount: 1600 })).rejects.toThrow();
  });

  it('consume undo through backTransReq: same day, full amount only', async () => {
    useSandbox();
    const charge = await pay.charges.create(chargeInput('UND20240102001', 'unionpay_page'));
    await submitCashierForm(charge.credential as { url: string; fields: Record<string, string> });
    await sandbox.pay('UND20240102001');
    await sandbox.flushNotifications();
    const paid = await pay.charges.retrieve('UND20240102001');
    const stored = { ...paid, provider: 'unionpay' as const };
    await expect(channel.undoCharge(stored, { refundNo: 'U20240102001', amount: 1999 })).resolves.toMatchObject({ status: 'pending' });
    await expect(channel.undoCharge(stored, { refundNo: 'U20240102002', amount: 1999 })).rejects.toMatchObject({ gatewayCode: '35' });
  });

  it('refuses a merchant request with a bad signature or an unknown certId', async () => {
    useSandbox();
    const charge = await pay.charges.create(chargeInput('BAD20240102001'));
    const fields = (charge.credential as { fields: Record<string, string> }).fields;
    const tampered = await submitCashierForm({ url: (charge.credential as { url: string }).url, fields: { ...fields, txnAmt: '1' } });
    expect(tampered.status).toBe(400);
    const unknownCert = await submitCashierForm({ url: (charge.credential as { url: string }).url, fields: { ...fields, certId: '1' } });
    expect(unknownCert.status).toBe(400);
    const back = await fetch(`${ORIGIN}/unionpay/gateway/api/queryTrans.do`, { method: 'POST', body: new URLSearchParams({ ...fields, txnType: '00' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(await back.text()).toMatch(/respCode=11/);
  });

  it('answers a query for an unknown order with a signed 34', async () => {
    useSandbox();
    const text = kvText(await signAsGateway({ respCode: '34' }));
    expect(text).toContain('signPubKeyCert=-----BEGIN CERTIFICATE-----\r\n');
  });
});
