import { PayError } from '@payweave/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { alipayPageGetCredential, chargeWith } from '../__fixtures__/charges';
import { createPayClient } from '../client';
import { alipayLauncher } from './alipay';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

const orderString = 'app_id=2021000122671080&biz_content=%7B%22out_trade_no%22%3A%22O1%22%7D&sign=a%2Bb%2F%3D';
const appCharge = chargeWith({ channel: 'alipay_app', orderString });
const client = (bridges = {}) => createPayClient({ endpoint: '/api/pay', launchers: [alipayLauncher], bridges });

describe('alipayLauncher', () => {
  it('auto-submits the POST form for alipay_wap, fields as hidden inputs', async () => {
    const submitted: HTMLFormElement[] = [];
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
      submitted.push(this);
    });
    const credential = { channel: 'alipay_wap', method: 'POST', url: 'https://openapi.alipay.com/gateway.do?method=alipay.trade.wap.pay&sign=a%2Bb', fields: { biz_content: '{"subject":"<b>\\"tea\\"</b>"}' } } as const;
    const charge = chargeWith(credential);
    await expect(client().launch(charge)).resolves.toEqual({ status: 'redirected', charge });
    const form = submitted[0] as HTMLFormElement;
    expect(form.getAttribute('action')).toBe(credential.url);
    expect(Object.fromEntries([...form.querySelectorAll('input')].map((i) => [i.name, i.value]))).toEqual(credential.fields);
  });

  it('hands a GET redirect to onNavigate, URL unchanged', async () => {
    const onNavigate = vi.fn();
    const url = 'https://openapi.alipay.com/gateway.do?method=alipay.trade.page.pay&biz_content=%7B%7D&sign=x';
    await client().launch(chargeWith({ channel: 'alipay_page', method: 'GET', url }), { onNavigate });
    expect(onNavigate).toHaveBeenCalledWith({ url, method: 'GET', fields: {} });
    await client().launch(chargeWith(alipayPageGetCredential), { onNavigate });
    expect(onNavigate).toHaveBeenLastCalledWith(expect.objectContaining({ method: 'GET', url: expect.stringContaining('charset=utf-8&biz_content=') }));
  });

  it('returns the QR payload for alipay_qr', async () => {
    const charge = chargeWith({ channel: 'alipay_qr', qrCode: 'https://qr.alipay.com/bax01' });
    await expect(client().launch(charge)).resolves.toEqual({ status: 'qr', charge, qrCode: 'https://qr.alipay.com/bax01' });
  });

  it.each([
    ['9000', 'succeeded'],
    ['8000', 'pending'],
    ['6004', 'pending'],
    ['5000', 'pending'],
    ['6001', 'canceled'],
    ['6002', 'failed'],
    ['4000', 'failed'],
    ['1234', 'pending'],
  ])('passes orderString to the App SDK and maps resultStatus %s to %s', async (resultStatus, status) => {
    const alipay = vi.fn(async () => ({ resultStatus, memo: '' }));
    const result = await client({ alipay }).launch(appCharge);
    expect(alipay).toHaveBeenCalledWith(orderString);
    expect(result.status).toBe(status);
    if (result.status === 'failed') {
      expect(PayError.isInstance(result.error)).toBe(true);
      expect(result.error.code).toBe(resultStatus === '6002' ? 'WALLET_NETWORK_ERROR' : 'WALLET_PAYMENT_FAILED');
    }
  });

  it('fails with a message that says how to inject the bridge when there is none, or when it throws', async () => {
    await expect(client().launch(appCharge)).resolves.toMatchObject({ status: 'failed', error: { code: 'BRIDGE_MISSING' } });
    await expect(client({ alipay: () => Promise.reject(new Error('AlipaySDK not linked')) }).launch(appCharge)).resolves.toMatchObject({
      status: 'failed',
      error: { code: 'BRIDGE_FAILED' },
    });
  });
});
