/** Regression tests from the issue-2 robustness suite (test/robustness/client.test.ts): hostile client input. */
import { PayConfigError, PayConnectionError, PayValidationError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import { createPayClient } from './client';
import { connectionError, serverError } from './errors';

const answering = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });
const client = (body: unknown = {}, status = 200) => createPayClient({ endpoint: '/api/pay', http: answering(status, body) });

describe('createPayClient refuses options that could only fail later', () => {
  it.each([
    [{ endpoint: 5 }, /endpoint/],
    [{ endpoint: '/api', launchers: 'redirect' }, /launchers/],
    [{ endpoint: '/api', launchers: [{}] }, /launchers/],
    [{ endpoint: '/api', bridges: 5 }, /bridges/],
    [{ endpoint: '/api', onNavigate: 'x' }, /onNavigate/],
    [{ endpoint: '/api', headers: 5 }, /headers/],
  ])('%o', (options, message) => {
    expect(() => createPayClient(options as never)).toThrow(PayConfigError);
    expect(() => createPayClient(options as never)).toThrow(message);
  });
});

describe('client methods reject bad arguments with a PayValidationError (never throw synchronously)', () => {
  it('createCharge: not a JSON object, or null options', async () => {
    await expect(client().createCharge(5 as never)).rejects.toBeInstanceOf(PayValidationError);
    await expect(client().createCharge({ orderNo: 10n } as never)).rejects.toBeInstanceOf(PayValidationError);
    await expect(client().createCharge({ orderNo: 'O', channel: 'alipay_qr' }, null as never)).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('waitForResult: an order number that cannot be encoded, and malformed options', async () => {
    const pending = client({ orderNo: 'O', status: 'pending', credential: { channel: 'alipay_qr' } });
    await expect(pending.waitForResult('\uD800' as never)).rejects.toBeInstanceOf(PayValidationError);
    await expect(pending.waitForResult(5 as never)).rejects.toBeInstanceOf(PayValidationError);
    await expect(pending.waitForResult('O', { signal: 'x' as never })).rejects.toBeInstanceOf(PayValidationError);
    await expect(pending.waitForResult('O', { timeoutMs: NaN })).rejects.toBeInstanceOf(PayValidationError);
    const paid = client({ orderNo: 'O', status: 'succeeded', credential: { channel: 'alipay_qr' } });
    await expect(paid.waitForResult('O', null as never)).resolves.toMatchObject({ status: 'succeeded' });
  });

  it('launch: null options and a charge whose orderNo is not text still resolve to a result', async () => {
    const result = await client().launch({ orderNo: Symbol('o'), status: 'closed', credential: { channel: 'alipay_qr' } } as never, null as never);
    expect(result).toMatchObject({ status: 'failed', error: { code: 'CHARGE_NOT_PENDING' } });
  });
});

describe('the headers option', () => {
  it('a headers function that throws is reported as CLIENT_HEADERS_FAILED, not as what it threw', async () => {
    const throwing = createPayClient({ endpoint: '/api/pay', http: answering(200, {}), headers: () => { throw new TypeError('token refresh failed'); } });
    await expect(throwing.createCharge({ orderNo: 'O', channel: 'alipay_qr' })).rejects.toMatchObject({ code: 'CLIENT_HEADERS_FAILED' });
  });
});

describe('client errors', () => {
  it('a failure whose message is not text still makes a PayConnectionError', () => {
    expect(connectionError('GET /x', { message: Symbol('m') })).toBeInstanceOf(PayConnectionError);
  });

  it("adopts the server's code only in payweave's shape, and never an empty message", () => {
    expect(serverError(400, { error: { code: 'lower case', message: 'x' } }, 'POST /charges').code).toBe('SERVER_ERROR');
    const empty = serverError(400, { error: { code: 'ORDER_NOT_FOUND', message: '' } }, 'POST /charges');
    expect(empty.code).toBe('ORDER_NOT_FOUND');
    expect(empty.message).toMatch(/HTTP 400/);
  });
});
