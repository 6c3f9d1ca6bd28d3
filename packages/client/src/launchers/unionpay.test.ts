import { PayError } from '@payweave/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chargeWith, unionpayWapCredential } from '../__fixtures__/charges';
import { createPayClient } from '../client';
import { unionpayLauncher } from './unionpay';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

const appCharge = chargeWith({ channel: 'unionpay_app', tn: '736519219452410090000', mode: '01' });

describe('unionpayLauncher', () => {
  it('auto-submits the signed form for unionpay_wap', async () => {
    const submitted: HTMLFormElement[] = [];
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
      submitted.push(this);
    });
    const client = createPayClient({ endpoint: '/api/pay', launchers: [unionpayLauncher] });
    const charge = chargeWith(unionpayWapCredential);
    await expect(client.launch(charge)).resolves.toEqual({ status: 'redirected', charge });
    const form = submitted[0] as HTMLFormElement;
    expect(form.getAttribute('method')?.toUpperCase()).toBe('POST');
    expect(form.getAttribute('action')).toBe(unionpayWapCredential.url);
    expect(Object.fromEntries([...form.querySelectorAll('input')].map((i) => [i.name, i.value]))).toEqual(unionpayWapCredential.fields);
  });

  it('hands the navigation to onNavigate instead of submitting when asked', async () => {
    const onNavigate = vi.fn();
    const client = createPayClient({ endpoint: '/api/pay', launchers: [unionpayLauncher] });
    await client.launch(chargeWith({ ...unionpayWapCredential, channel: 'unionpay_page' }), { onNavigate });
    expect(onNavigate).toHaveBeenCalledWith({ url: unionpayWapCredential.url, method: 'POST', fields: unionpayWapCredential.fields });
  });

  it.each([
    ['success', 'succeeded'],
    ['SUCCESS', 'succeeded'],
    ['cancel', 'canceled'],
    ['fail', 'failed'],
    ['something else', 'pending'],
  ])('passes tn and mode to the native control and maps %s to %s', async (payResult, status) => {
    const unionpay = vi.fn(async () => ({ payResult }));
    const client = createPayClient({ endpoint: '/api/pay', launchers: [unionpayLauncher], bridges: { unionpay } });
    const result = await client.launch(appCharge);
    expect(unionpay).toHaveBeenCalledWith('736519219452410090000', '01');
    expect(result.status).toBe(status);
    if (result.status === 'failed') expect(PayError.isInstance(result.error)).toBe(true);
  });

  it('fails with a message that says how to inject the bridge when there is none, or when it throws', async () => {
    const missing = await createPayClient({ endpoint: '/api/pay', launchers: [unionpayLauncher] }).launch(appCharge);
    expect(missing).toMatchObject({ status: 'failed', error: { code: 'BRIDGE_MISSING' } });
    const throwing = await createPayClient({
      endpoint: '/api/pay',
      launchers: [unionpayLauncher],
      bridges: { unionpay: () => Promise.reject(new Error('plugin not installed')) },
    }).launch(appCharge);
    expect(throwing).toMatchObject({ status: 'failed', error: { code: 'BRIDGE_FAILED' } });
  });
});
