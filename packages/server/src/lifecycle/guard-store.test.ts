import { PayError, PayValidationError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import { createPayServerWith } from '../pay-server';
import type { CryptoProvider } from '../crypto/provider';
import { fakeChannel, fakeNotificationBody } from '../testing/fake-channel';
import { guardStore } from './guard-store';
import { memoryStore } from './memory-store';
import type { PaymentStore } from './store';

/** A driver error as better-sqlite3 raises it: a code, and a message that quotes a row value. */
function driverError(code: unknown = 'SQLITE_BUSY'): Error {
  return Object.assign(new Error("database is locked while writing 'ORDER_SECRET_ROW'"), { code });
}

/** The memory store with `method` replaced. */
function storeWith(method: keyof PaymentStore, replacement: (...args: never[]) => unknown): PaymentStore {
  return { ...memoryStore(), [method]: replacement } as PaymentStore;
}

describe('guardStore', () => {
  it('reports a driver error as a retryable STORE_FAILED naming the method and the driver code, never the row', async () => {
    const original = driverError();
    const error = await guardStore(storeWith('transitionCharge', () => Promise.reject(original)))
      .transitionCharge({ orderNo: 'A', from: ['pending'], to: 'succeeded' })
      .catch((e: unknown) => e);
    expect(PayError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'STORE_FAILED', isRetryable: true, cause: original });
    expect((error as Error).message).toContain('transitionCharge (SQLITE_BUSY)');
    expect((error as Error).message).not.toContain('ORDER_SECRET_ROW');
    expect(JSON.stringify(error)).not.toContain('ORDER_SECRET_ROW');
  });

  it('turns a method that throws instead of rejecting into a rejection', async () => {
    const guarded = guardStore(storeWith('getCharge', () => {
      throw driverError('ECONNREFUSED');
    }));
    let result: Promise<unknown> | undefined;
    expect(() => (result = guarded.getCharge('A'))).not.toThrow();
    await expect(result).rejects.toMatchObject({ code: 'STORE_FAILED', message: expect.stringContaining('getCharge (ECONNREFUSED)') as string });
  });

  it('leaves out a driver code that is not a short token', async () => {
    for (const code of [42, 'has space', 'x'.repeat(41), 'line\nbreak', null]) {
      const error = (await guardStore(storeWith('getEvent', () => Promise.reject(driverError(code)))).getEvent('e').catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(/^the payment store failed in getEvent: retry/);
    }
    const thrownString = await guardStore(storeWith('getEvent', () => Promise.reject('plain string'))).getEvent('e').catch((e: unknown) => e);
    expect(thrownString).toMatchObject({ code: 'STORE_FAILED', cause: 'plain string' });
  });

  it('passes a PayError the store throws on purpose through unchanged', async () => {
    const refusal = new PayValidationError('refund exceeds the charge', [], { code: 'REFUND_EXCEEDS_CHARGE' });
    const error = await guardStore(storeWith('insertRefund', () => Promise.reject(refusal))).insertRefund({} as never).catch((e: unknown) => e);
    expect(error).toBe(refusal);
  });

  it('keeps results and `this` of a class-based store, and guards every method of the contract', async () => {
    class CountingStore {
      calls = 0;
      async getCharge(orderNo: string) {
        this.calls++;
        return orderNo === 'A' ? ({ orderNo } as never) : null;
      }
    }
    const counting = new CountingStore();
    const guarded = guardStore(counting as unknown as PaymentStore);
    await expect(guarded.getCharge('A')).resolves.toEqual({ orderNo: 'A' });
    await expect(guarded.getCharge('B')).resolves.toBeNull();
    expect(counting.calls).toBe(2);

    const { durable: _durable, ...methods } = memoryStore();
    expect(Object.keys(guardStore(memoryStore())).sort()).toEqual(Object.keys(methods).sort());
  });
});

describe('createPayServer with a failing store', () => {
  const platform = { crypto: () => ({ name: 'node' }) as CryptoProvider };
  const order = { channel: 'alipay_qr', orderNo: 'ORDER_1', amount: 1999, subject: 'T-shirt' } as const;
  const server = (store: PaymentStore) => createPayServerWith({ channels: [fakeChannel()], store, clock: () => Date.UTC(2026, 0, 2), logger: { warn: () => {} } }, platform);

  it('rejects charges.create with STORE_FAILED when the insert fails', async () => {
    const pay = server(storeWith('insertCharge', () => Promise.reject(driverError())));
    await expect(pay.charges.create(order)).rejects.toMatchObject({ code: 'STORE_FAILED', isRetryable: true });
  });

  it('does not acknowledge a notification whose transition failed, and reports STORE_FAILED', async () => {
    const store = storeWith('transitionCharge', () => Promise.reject(driverError()));
    const pay = server(store);
    await pay.charges.create(order);
    const result = await pay.notifications.handle('alipay', { body: fakeNotificationBody({ orderNo: 'ORDER_1', amount: 1999 }), headers: {} });
    expect(result.error).toMatchObject({ code: 'STORE_FAILED', isRetryable: true });
    expect(result.ack.status).not.toBe(200);
    // The merchant's own handle on the store is the store it passed in.
    expect(pay.store).toBe(store);
  });
});
