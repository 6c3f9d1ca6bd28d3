import type { PayError } from '@payweave/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { alipayPageGetCredential, chargeWith, unionpayWapCredential } from '../__fixtures__/charges';
import { createPayClient } from '../client';
import type { Navigation } from '../types';
import { redirectLauncher } from './redirect';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** Capture form submissions instead of letting happy-dom navigate. */
function captureSubmits() {
  const submitted: HTMLFormElement[] = [];
  vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
    submitted.push(this);
  });
  return submitted;
}

const client = createPayClient({ endpoint: '/api/pay', launchers: [redirectLauncher] });

describe('redirectLauncher', () => {
  it('auto-submits a POST form of hidden inputs to the gateway (UnionPay WAP)', async () => {
    const submitted = captureSubmits();
    const charge = chargeWith(unionpayWapCredential);
    await expect(client.launch(charge)).resolves.toEqual({ status: 'redirected', charge });

    expect(submitted).toHaveLength(1);
    const form = submitted[0] as HTMLFormElement;
    expect(form.isConnected).toBe(true);
    expect(form.getAttribute('method')?.toUpperCase()).toBe('POST');
    expect(form.getAttribute('action')).toBe('https://gateway.test.95516.com/gateway/api/frontTransReq.do');
    expect(form.getAttribute('accept-charset')).toBe('utf-8');
    const inputs = [...form.querySelectorAll('input')].map((input) => [input.type, input.name, input.value]);
    expect(inputs).toEqual([
      ['hidden', 'version', '5.1.0'],
      ['hidden', 'encoding', 'UTF-8'],
      ['hidden', 'txnType', '01'],
      ['hidden', 'orderId', 'ORDER20260101001'],
      ['hidden', 'txnAmt', '1999'],
      ['hidden', 'frontUrl', 'https://shop.example/return?a=1&b="2"'],
      ['hidden', 'signature', 'c2lnbmF0dXJl+/='],
    ]);
    expect(new FormData(form).get('frontUrl')).toBe('https://shop.example/return?a=1&b="2"');
  });

  it('keeps markup in field values as text and survives fields named submit, action or method', async () => {
    const submitted = captureSubmits();
    const fields = { submit: 'x', action: 'y', method: 'GET', note: '"><script>alert(1)</script>' };
    const charge = chargeWith({ channel: 'alipay_wap', method: 'POST', url: 'https://openapi.alipay.com/gateway.do', fields });
    await expect(client.launch(charge)).resolves.toMatchObject({ status: 'redirected' });
    const form = submitted[0] as HTMLFormElement;
    expect(form.getAttribute('action')).toBe('https://openapi.alipay.com/gateway.do');
    expect(form.getAttribute('method')?.toUpperCase()).toBe('POST');
    expect(Object.fromEntries(new FormData(form))).toEqual(fields);
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });

  it('hands a POST navigation to onNavigate instead of building a form', async () => {
    const submitted = captureSubmits();
    const navigations: Navigation[] = [];
    const charge = chargeWith(unionpayWapCredential);
    await client.launch(charge, { onNavigate: (navigation) => navigations.push(navigation) });
    expect(navigations).toEqual([{ url: unionpayWapCredential.url, method: 'POST', fields: unionpayWapCredential.fields }]);
    expect(submitted).toHaveLength(0);
    expect(document.querySelector('form')).toBeNull();
  });

  it('redirects a GET credential with its fields appended to the query the URL already has', async () => {
    const navigations: Navigation[] = [];
    await client.launch(chargeWith(alipayPageGetCredential), { onNavigate: (navigation) => navigations.push(navigation) });
    expect(navigations).toHaveLength(1);
    const target = new URL((navigations[0] as Navigation).url);
    expect(target.origin + target.pathname).toBe('https://openapi-sandbox.dl.alipaydev.com/gateway.do');
    expect(Object.fromEntries(target.searchParams)).toEqual({
      charset: 'utf-8',
      biz_content: '{"out_trade_no":"ORDER20260101001"}',
      sign: 'a+b/c=',
    });
    expect(navigations[0]?.method).toBe('GET');
  });

  it('assigns location for a GET credential in the browser', async () => {
    const assign = vi.spyOn(document.location, 'assign').mockImplementation(() => undefined);
    const charge = chargeWith({ channel: 'alipay_wap', method: 'GET', url: 'https://openapi.alipay.com/gateway.do?sign=a%2Bb' });
    await expect(client.launch(charge)).resolves.toMatchObject({ status: 'redirected' });
    expect(assign).toHaveBeenCalledWith('https://openapi.alipay.com/gateway.do?sign=a%2Bb');
  });

  it('fails with NO_DOCUMENT when there is no DOM and no onNavigate', async () => {
    const result = await redirectLauncher
      .launch(chargeWith(unionpayWapCredential) as never, { bridges: {}, document: undefined })
      .catch((error: PayError) => ({ status: 'threw', error }));
    expect(result).toMatchObject({ status: 'threw', error: { code: 'NO_DOCUMENT' } });
  });
});
