/** Regression tests from the issue-2 robustness suite (test/robustness/sandbox.test.ts): hostile sandbox input. */
import { PayConfigError, PayValidationError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import { createSandbox } from './sandbox';

describe('createSandbox refuses options that could only fail later', () => {
  it.each([
    [null, /options object/],
    [{ gateways: 'alipay' }, /gateways/],
    [{ gateways: [{}] }, /defineGateway/],
    [{ clock: 5 }, /clock/],
    [{ fetch: 'x' }, /fetch/],
    [{ timers: {} }, /timers/],
    [{ origin: Symbol('o') }, /origin/],
    [{ timeScale: { [Symbol.toPrimitive]: () => { throw new RangeError('x'); } } }, /timeScale/],
  ])('%o', (options, message) => {
    expect(() => createSandbox(options as never)).toThrow(PayConfigError);
    expect(() => createSandbox(options as never)).toThrow(message);
  });
});

describe('sandbox methods', () => {
  const sandbox = createSandbox();

  it('channelConfigs refuses a base URL that is not an absolute http(s) URL', () => {
    expect(() => sandbox.channelConfigs({} as never)).toThrow(PayConfigError);
    expect(() => sandbox.channelConfigs('ftp://x')).toThrow(PayConfigError);
    expect(sandbox.channelConfigs('http://127.0.0.1:4010/').alipay.baseUrl).toBe('http://127.0.0.1:4010/alipay/gateway.do');
  });

  it('pay refuses an unknown outcome, an order number that is not text, and tolerates null options', async () => {
    await expect(sandbox.pay('O1', { outcome: 'maybe' as never })).rejects.toMatchObject({ code: 'SANDBOX_OUTCOME_INVALID' });
    await expect(sandbox.pay(Symbol('o') as never)).rejects.toBeInstanceOf(PayValidationError);
    await expect(sandbox.pay('O1', null as never)).rejects.toMatchObject({ code: 'SANDBOX_ORDER_NOT_FOUND' });
    expect(() => sandbox.orders.find('O1', 'paypal' as never)).toThrow(PayValidationError);
  });

  it('flushNotifications tolerates null options', async () => {
    await expect(sandbox.flushNotifications(null as never)).resolves.toBeUndefined();
  });
});
