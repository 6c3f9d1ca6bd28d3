import { describe, expect, it } from 'vitest';
import { fakeHttp } from '../__fixtures__/payloads';
import { assertReceiptData, verifyReceiptRouted } from './verify-receipt';

const urls = { production: 'https://prod.test/verifyReceipt', sandbox: 'https://sandbox.test/verifyReceipt' };
const endpointOf = (url: string) => (url === urls.production ? 'production' : 'sandbox');

/** Answers by endpoint; each endpoint replies with its next queued status body. */
function gateway(answers: Record<'production' | 'sandbox', unknown[]>) {
  return fakeHttp((request) => ({ json: answers[endpointOf(request.url)].shift() ?? { status: 21199 } }));
}

const route = (http: ReturnType<typeof gateway>, start: 'production' | 'sandbox' = 'production') =>
  verifyReceiptRouted({ http: http.client, urls, receiptData: 'UkVDRUlQVA==', sharedSecret: 'shh', start });

describe('verifyReceipt routing (P6)', () => {
  it('status 0 from production: one call, the exact documented body', async () => {
    const http = gateway({ production: [{ status: 0, environment: 'Production' }], sandbox: [] });
    const result = await route(http);
    expect(result).toMatchObject({ environment: 'Production', route: ['production'] });
    expect(http.requests).toHaveLength(1);
    expect(http.requests[0]).toMatchObject({ method: 'POST', url: urls.production, headers: { 'content-type': 'application/json' } });
    expect(http.requests[0]!.body).toBe('{"receipt-data":"UkVDRUlQVA==","password":"shh","exclude-old-transactions":false}');
  });

  it('21007 from production: the same body again to the sandbox', async () => {
    const http = gateway({ production: [{ status: 21007 }], sandbox: [{ status: 0, environment: 'Sandbox' }] });
    expect(await route(http)).toMatchObject({ environment: 'Sandbox', route: ['production', 'sandbox'] });
    expect(http.requests[1]!.body).toBe(http.requests[0]!.body);
  });

  it('21008 from the sandbox: production', async () => {
    const http = gateway({ production: [{ status: 0 }], sandbox: [{ status: 21008 }] });
    expect(await route(http, 'sandbox')).toMatchObject({ environment: 'Production', route: ['sandbox', 'production'] });
  });

  it('the endpoint that validated the receipt decides its environment, not a field of the answer', async () => {
    const http = gateway({ production: [{ status: 21007 }], sandbox: [{ status: 0, environment: 'Production' }] });
    expect(await route(http)).toMatchObject({ environment: 'Sandbox', route: ['production', 'sandbox'] });
  });

  it('never loops: 21007 then 21008 is an error after two calls', async () => {
    const http = gateway({ production: [{ status: 21007 }], sandbox: [{ status: 21008 }] });
    await expect(route(http)).rejects.toMatchObject({ type: 'PayGatewayError', gatewayCode: '21008', code: 'RECEIPT_REJECTED' });
    expect(http.requests).toHaveLength(2);
  });

  it('accepts 21006 (valid receipt, expired subscription)', async () => {
    const http = gateway({ production: [{ status: 21006 }], sandbox: [] });
    await expect(route(http)).resolves.toMatchObject({ environment: 'Production' });
  });

  it.each([
    [21000, 'RECEIPT_REQUEST_INVALID', false],
    [21001, 'RECEIPT_REJECTED', false],
    [21002, 'RECEIPT_MALFORMED', true],
    [21003, 'RECEIPT_NOT_AUTHENTICATED', false],
    [21004, 'SHARED_SECRET_MISMATCH', false],
    [21005, 'RECEIPT_SERVER_UNAVAILABLE', true],
    [21009, 'RECEIPT_SERVER_ERROR', true],
    [21010, 'RECEIPT_ACCOUNT_NOT_FOUND', false],
    [21100, 'RECEIPT_SERVER_ERROR', true],
    [21199, 'RECEIPT_SERVER_ERROR', true],
    [21200, 'RECEIPT_REJECTED', false],
  ])('status %i -> %s (retryable %s)', async (status, code, isRetryable) => {
    const http = gateway({ production: [{ status }], sandbox: [] });
    await expect(route(http)).rejects.toMatchObject({ type: 'PayGatewayError', code, isRetryable, gatewayCode: String(status), channel: 'apple' });
  });

  it('honours is-retryable on other statuses', async () => {
    const http = gateway({ production: [{ status: 21050, 'is-retryable': true }], sandbox: [] });
    await expect(route(http)).rejects.toMatchObject({ isRetryable: true });
  });

  it('HTTP errors and unreadable bodies are typed gateway errors', async () => {
    await expect(route(fakeHttp(() => ({ status: 503, text: 'busy' })) as never)).rejects.toMatchObject({ code: 'GATEWAY_HTTP_ERROR', isRetryable: true, statusCode: 503 });
    await expect(route(fakeHttp(() => ({ status: 400, text: 'no' })) as never)).rejects.toMatchObject({ code: 'GATEWAY_HTTP_ERROR', isRetryable: false });
    await expect(route(fakeHttp(() => ({ text: '<html>' })) as never)).rejects.toMatchObject({ code: 'RESPONSE_INVALID' });
    await expect(route(fakeHttp(() => ({ json: { status: 'ok' } })) as never)).rejects.toMatchObject({ code: 'RESPONSE_INVALID' });
  });

  it('validates the receipt argument before any call', () => {
    expect(assertReceiptData('TUlJ\nVA==')).toBe('TUlJ\nVA==');
    for (const bad of ['', 'not base64!', 42, undefined, { receipt: 'x' }]) {
      expect(() => assertReceiptData(bad)).toThrow(expect.objectContaining({ type: 'PayValidationError' }));
    }
  });
});
