/** Regression tests from the issue-2 robustness suite (test/robustness/server-adapters.test.ts). */
import { PayConfigError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import type { CryptoProvider } from '../crypto/provider';
import { memoryStore } from '../lifecycle/memory-store';
import { createPayServerWith } from '../pay-server';
import { fakeChannel } from '../testing/fake-channel';
import { createChargeRoutes } from './charge-routes';
import { toFetchHandler } from './fetch';

const pay = createPayServerWith({ channels: [fakeChannel()], store: memoryStore(), logger: { warn: () => undefined } }, { crypto: () => ({}) as CryptoProvider });
const resolveOrder = () => ({ amount: 1999, subject: 'Tea' });

describe('toFetchHandler', () => {
  it('refuses something that is not a server, and a provider name with a typo, when mounted', () => {
    expect(() => toFetchHandler({} as never, 'alipay')).toThrow(PayConfigError);
    expect(() => toFetchHandler(pay, 'alipy' as never)).toThrow(/provider/);
  });

  it('answers a request whose body cannot be read with the failure acknowledgement, not a rejection', async () => {
    const handler = toFetchHandler(pay, 'alipay');
    const used = new Request('https://shop.example/notify', { method: 'POST', body: 'a=1' });
    await used.text();
    expect((await handler(used)).status).toBe(400);
    expect((await handler(null as never)).status).toBe(400);
  });
});

describe('createChargeRoutes', () => {
  it('refuses hooks that are not functions and a bad refresh interval when mounted', () => {
    expect(() => createChargeRoutes({} as never, { resolveOrder })).toThrow(PayConfigError);
    expect(() => createChargeRoutes(pay, { resolveOrder, onError: 5 as never })).toThrow(/onError/);
    expect(() => createChargeRoutes(pay, { resolveOrder, clientIp: 'x' as never })).toThrow(/clientIp/);
    expect(() => createChargeRoutes(pay, { resolveOrder, refreshIntervalMs: NaN })).toThrow(/refreshIntervalMs/);
  });

  it('a malformed escape in the order number is a 400, and a non-Request a configuration error', async () => {
    const routes = createChargeRoutes(pay, { resolveOrder });
    const malformed = await routes(new Request('https://shop.example/api/pay/charges/%E0%A4%A'));
    expect(malformed.status).toBe(400);
    const notARequest = await routes({ url: 5 } as never);
    expect(notARequest.status).toBe(500);
    expect(await notARequest.json()).toMatchObject({ error: { code: 'CONFIG_INVALID' } });
  });

  it('an onError hook that throws, or returns a rejected promise, does not change the answer', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      for (const onError of [() => { throw new TypeError('sync boom'); }, async () => { throw new Error('async boom'); }]) {
        const routes = createChargeRoutes(pay, { resolveOrder, onError });
        const answer = await routes(new Request('https://shop.example/api/pay/charges/%E0%A4%A'));
        expect(answer.status).toBe(400);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});
