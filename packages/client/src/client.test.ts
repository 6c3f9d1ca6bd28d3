import { PayConfigError, PayError, PayValidationError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import { chargeWith, unionpayWapCredential } from './__fixtures__/charges';
import { fakeFetch } from './__fixtures__/fake-fetch';
import { createPayClient } from './client';
import { redirectLauncher } from './launchers/redirect';
import type { Navigation } from './types';

const charge = chargeWith(unionpayWapCredential);

describe('createPayClient', () => {
  it('refuses a missing endpoint with a PayConfigError that shows an example', () => {
    const error = (() => {
      try {
        createPayClient({ endpoint: '' });
      } catch (e) {
        return e;
      }
    })();
    expect(PayConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain("'/api/pay'");
  });
});

describe('createCharge', () => {
  it('POSTs the request as JSON to {endpoint}/charges (trailing slash tolerated) and resolves to the Charge', async () => {
    const { fetch, calls } = fakeFetch({ status: 201, json: charge });
    const client = createPayClient({ endpoint: 'https://shop.example/api/pay/', http: fetch });
    const request = { orderNo: 'ORDER20260101001', channel: 'unionpay_wap' as const, returnUrl: 'https://shop.example/done' };
    await expect(client.createCharge(request)).resolves.toEqual(charge);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: 'https://shop.example/api/pay/charges', method: 'POST', body: request });
  });

  it("maps a validation error body to a PayValidationError with the server's issues", async () => {
    const { fetch } = fakeFetch({
      status: 400,
      json: {
        error: {
          type: 'PayValidationError',
          code: 'VALIDATION_FAILED',
          message: 'invalid charge request: payer.openId: wechat_jsapi needs payer.openId',
          issues: [{ path: 'payer.openId', message: 'wechat_jsapi needs payer.openId' }],
        },
      },
    });
    const client = createPayClient({ endpoint: '/api/pay', http: fetch });
    const error = await client.createCharge({ orderNo: 'ORDER1', channel: 'wechat_jsapi' }).catch((e: unknown) => e);
    expect(PayValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      isRetryable: false,
      message: 'invalid charge request: payer.openId: wechat_jsapi needs payer.openId',
      issues: [{ path: 'payer.openId', message: 'wechat_jsapi needs payer.openId' }],
    });
  });

  it("keeps the server's own error code and message", async () => {
    const { fetch } = fakeFetch({ status: 404, json: { error: { type: 'PayError', code: 'ORDER_NOT_FOUND', message: 'no order ORDER1' } } });
    const error = await createPayClient({ endpoint: '/api/pay', http: fetch })
      .createCharge({ orderNo: 'ORDER1', channel: 'alipay_qr' })
      .catch((e: unknown) => e);
    expect(PayError.isInstance(error) && !PayValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'ORDER_NOT_FOUND', message: 'no order ORDER1', isRetryable: false });
    expect((error as PayError).cause).toMatchObject({ status: 404 });
  });

  it('reports a server error without a JSON body as SERVER_ERROR, retryable for 5xx', async () => {
    const { fetch } = fakeFetch({ status: 502, text: '<html>Bad Gateway</html>' }, { status: 401, text: '' });
    const client = createPayClient({ endpoint: '/api/pay', http: fetch });
    const gateway = await client.createCharge({ orderNo: 'ORDER1', channel: 'alipay_qr' }).catch((e: unknown) => e);
    expect(gateway).toMatchObject({ code: 'SERVER_ERROR', isRetryable: true });
    expect((gateway as Error).message).toContain('POST /api/pay/charges answered HTTP 502');
    const unauthorized = await client.createCharge({ orderNo: 'ORDER1', channel: 'alipay_qr' }).catch((e: unknown) => e);
    expect(unauthorized).toMatchObject({ code: 'SERVER_ERROR', isRetryable: false });
  });

  it('rejects a 2xx answer that is not a Charge with INVALID_RESPONSE', async () => {
    const { fetch } = fakeFetch({ status: 200, json: { ok: true } });
    const error = await createPayClient({ endpoint: '/api/pay', http: fetch })
      .createCharge({ orderNo: 'ORDER1', channel: 'alipay_qr' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE' });
  });
});

describe('pay', () => {
  it('creates the charge, then launches it with the registered launcher', async () => {
    const { fetch, calls } = fakeFetch({ status: 201, json: charge });
    const navigations: Navigation[] = [];
    const client = createPayClient({ endpoint: '/api/pay', http: fetch, launchers: [redirectLauncher] });
    const result = await client.pay({ orderNo: charge.orderNo, channel: 'unionpay_wap' }, { onNavigate: (n) => navigations.push(n) });
    expect(result).toEqual({ status: 'redirected', charge });
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual(['POST /api/pay/charges']);
    expect(navigations).toEqual([{ url: unionpayWapCredential.url, method: 'POST', fields: unionpayWapCredential.fields }]);
  });

  it('rejects when the charge cannot be created (there is no charge to report a result for)', async () => {
    const { fetch } = fakeFetch({ throws: new TypeError('Failed to fetch') });
    await expect(createPayClient({ endpoint: '/api/pay', http: fetch }).pay({ orderNo: 'ORDER1', channel: 'alipay_qr' })).rejects.toMatchObject({
      code: 'CONNECTION_FAILED',
    });
  });
});
