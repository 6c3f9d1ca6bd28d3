/** Regression tests from the issue-2 robustness suite (test/robustness/server-*.test.ts): hostile server options. */
import { PayConfigError, PayError, PayValidationError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import type { CryptoProvider } from '../crypto/provider';
import { memoryStore } from '../lifecycle/memory-store';
import { STORE_METHODS } from '../lifecycle/store';
import { createPayServerWith } from '../pay-server';
import { fakeChannel } from '../testing/fake-channel';
import { checkedNonce } from './check-options';

const platform = { crypto: () => ({}) as CryptoProvider };
const quiet = { warn: () => undefined };
const order = { channel: 'alipay_qr', orderNo: 'ORDER_1', amount: 1999, subject: 'Tea' } as const;
const server = (extra: object) => createPayServerWith({ channels: [fakeChannel()], store: memoryStore(), logger: quiet, ...extra } as never, platform);

describe('createPayServer refuses options that could only fail later', () => {
  it.each([
    ['logger', { logger: null }],
    ['logger', { logger: { info: () => undefined } }],
    ['clock', { clock: 5 }],
    ['nonce', { nonce: 'abc' }],
    ['onEvent', { onEvent: {} }],
    ['deliveryLeaseMs', { deliveryLeaseMs: -1 }],
    ['notifyUrl', { notifyUrl: Symbol('x') }],
    ['store', { store: {} }],
    ['http', { http: {} }],
  ])('%s: %o', (name, extra) => {
    const error = (() => {
      try {
        server(extra);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(PayConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(name);
  });

  it('a store missing any method of the contract is refused at startup, naming the method', () => {
    for (const method of STORE_METHODS) {
      const { [method]: _left, ...partial } = memoryStore();
      expect(() => server({ store: partial })).toThrow(new RegExp(`store does not implement PaymentStore \\(no ${method}\\)`));
    }
  });

  it('a channel entry whose channels is not an array is refused', () => {
    expect(() => createPayServerWith({ channels: [{ ...fakeChannel(), channels: 'alipay_qr' } as never], logger: quiet }, platform)).toThrow(/channel factory/);
  });

  it('a clock that does not return epoch milliseconds is a PayConfigError, not a RangeError', async () => {
    const pay = server({ clock: async () => Date.now() });
    await expect(pay.charges.create(order)).rejects.toSatisfy((error: unknown) => PayConfigError.isInstance(error) && /clock/.test((error as Error).message));
  });

  it('an async clock that rejects is refused without leaving an unhandled rejection behind', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const pay = server({ clock: async () => Promise.reject(new Error('async boom')) });
      await expect(pay.charges.create(order)).rejects.toSatisfy((error: unknown) => PayConfigError.isInstance(error) && /synchronously/.test((error as Error).message));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('a nonce that is not a non-empty string is a PayConfigError', () => {
    expect(() => checkedNonce(() => 5 as never)()).toThrow(PayConfigError);
    expect(checkedNonce(() => 'n')()).toBe('n');
  });
});

describe('providers and pay.apple', () => {
  it('a provider that is not a string is a PayValidationError, even an object without a prototype', async () => {
    const pay = server({});
    const error = await pay.notifications.verify(Object.create(null) as never, { body: 'a=1' }).catch((e: unknown) => e);
    expect(PayValidationError.isInstance(error)).toBe(true);
    expect((error as PayError).code).toBe('PROVIDER_UNKNOWN');
    const handled = await pay.notifications.handle(Object.create(null) as never, { body: 'a=1' });
    expect(handled.error?.code).toBe('PROVIDER_UNKNOWN');
  });

  it('pay.apple without an apple channel: methods reject, nothing throws on access or inspection', async () => {
    const pay = server({});
    expect(() => String(Object.keys(pay.apple))).not.toThrow();
    expect((pay.apple as unknown as { then?: unknown }).then).toBeUndefined();
    await expect(pay.apple.verifyTransaction('x')).rejects.toMatchObject({ code: 'CHANNEL_NOT_CONFIGURED' });
    expect(() => pay.apple.appAccountToken('a')).toThrow(/apple\(/);
  });
});

describe('reconcilePending', () => {
  it('null options mean the defaults; an olderThan past any date or a bad limit is a PayValidationError', async () => {
    const pay = server({});
    await expect(pay.reconcilePending(null as never)).resolves.toMatchObject({ checked: 0 });
    await expect(pay.reconcilePending({ olderThan: Number.MAX_VALUE })).rejects.toBeInstanceOf(PayValidationError);
    await expect(pay.reconcilePending({ limit: 'ten' as never })).rejects.toBeInstanceOf(PayValidationError);
  });
});
