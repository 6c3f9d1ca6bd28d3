/**
 * `createPayServer` with the four channels configured from the sandbox (served in-process by msw): every method of
 * the server, fed hostile input, settles with a value or a contract PayError; `notifications.handle` never throws.
 */
import { PayError } from '@payweave/core';
import { createPayServer, type PayServer } from '@payweave/server';
import { alipay } from '@payweave/server/alipay';
import { apple } from '@payweave/server/apple';
import { unionpay } from '@payweave/server/unionpay';
import { wechat } from '@payweave/server/wechat';
import fc from 'fast-check';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNS, anyString, garbage } from './support/arbitraries';
import { assertPayError, describeInput, expectAsyncContract, expectContract, settle } from './support/contract';
import { NOTIFY_URL, fetchHttp, newSandbox, quietLogger, sandboxConfigs, secretsOf } from './support/fixtures';
import { chargeInputArb, refundInputArb, retrieveOptionsArb, validChargeInput } from './support/inputs';
import { providerArb, rawNotification } from './support/notifications';

const sandbox = newSandbox();
const configs = sandboxConfigs(sandbox);
const secrets = secretsOf(configs);
const logger = quietLogger();
let pay: PayServer;

const msw = setupServer(
  ...sandbox.handlers,
  http.post(`${NOTIFY_URL}/:provider`, async ({ request, params }) => {
    const result = await pay.notifications.handle(params.provider as never, { body: await request.text(), headers: Object.fromEntries(request.headers), method: 'POST' });
    return new HttpResponse(result.ack.body, { status: result.ack.status, headers: result.ack.headers });
  }),
);

const PENDING = ['SEEDALIPAYPENDING1', 'SEEDWECHATPENDING1', 'SEEDUNIONPAYPENDING1'];
const PAID = ['SEEDALIPAYPAID0001', 'SEEDWECHATPAID0001', 'SEEDUNIONPAYPAID01'];
const SEED_CHANNELS = ['alipay_qr', 'wechat_native', 'unionpay_app'] as const;
const known = [...PENDING, ...PAID];
const orderNoArg = fc.oneof(fc.constantFrom(...known), garbage);

beforeAll(async () => {
  msw.listen({ onUnhandledRequest: 'error' });
  pay = createPayServer({
    channels: [alipay(configs.alipay), unionpay(configs.unionpay), wechat(configs.wechat), apple(configs.apple)],
    http: fetchHttp,
    notifyUrl: NOTIFY_URL,
    logger,
  });
  await pay.ready();
  for (const [i, channel] of SEED_CHANNELS.entries()) {
    await pay.charges.create(validChargeInput(channel, PENDING[i] as string));
    await pay.charges.create(validChargeInput(channel, PAID[i] as string));
    await sandbox.pay(PAID[i] as string);
  }
  await sandbox.flushNotifications({ untilSettled: true });
  for (const orderNo of PAID) expect((await pay.charges.retrieve(orderNo)).status).toBe('succeeded');
});

afterAll(async () => {
  await sandbox.close();
  msw.close();
  for (const message of logger.messages) expect(secrets.find(message), `secret in log: ${message}`).toBeUndefined();
});

describe('pay.charges', () => {
  it('create: any input', async () => {
    await fc.assert(
      fc.asyncProperty(chargeInputArb, async (input) => {
        await expectAsyncContract(() => pay.charges.create(input as never), `charges.create(${describeInput(input)})`, secrets);
      }),
      // Half the inputs reach a gateway round trip (signing, the emulator, verification): fewer runs keep it fast.
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('retrieve: any order number, any options', async () => {
    await fc.assert(
      fc.asyncProperty(orderNoArg, retrieveOptionsArb, async (orderNo, options) => {
        await expectAsyncContract(() => pay.charges.retrieve(orderNo as string, options as never), `charges.retrieve(${describeInput(orderNo)}, ${describeInput(options)})`, secrets);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('close: any order number', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(PENDING[0]), garbage), async (orderNo) => {
        await expectAsyncContract(() => pay.charges.close(orderNo as string), `charges.close(${describeInput(orderNo)})`, secrets);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('pay.refunds', () => {
  it('create: any input', async () => {
    await fc.assert(
      fc.asyncProperty(refundInputArb(PAID), async (input) => {
        await expectAsyncContract(() => pay.refunds.create(input as never), `refunds.create(${describeInput(input)})`, secrets);
      }),
      { numRuns: RUNS },
    );
  });

  it('retrieve: any refund number, any options', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), garbage), retrieveOptionsArb, async (refundNo, options) => {
        await expectAsyncContract(() => pay.refunds.retrieve(refundNo as string, options as never), `refunds.retrieve(${describeInput(refundNo)})`, secrets);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('pay.notifications and pay.returns', () => {
  it('verify: a verified event or a contract error', async () => {
    await fc.assert(
      fc.asyncProperty(providerArb, rawNotification, async (provider, request) => {
        await expectAsyncContract(() => pay.notifications.verify(provider as never, request), `notifications.verify(${describeInput(provider)}, ${describeInput(request)})`, secrets);
      }),
      { numRuns: RUNS },
    );
  });

  it('handle: never throws, always an ack with a numeric status', async () => {
    await fc.assert(
      fc.asyncProperty(providerArb, rawNotification, async (provider, request) => {
        const where = `notifications.handle(${describeInput(provider)}, ${describeInput(request)})`;
        const outcome = await settle(() => pay.notifications.handle(provider as never, request), where);
        if (!outcome.ok) expect.fail(`${where} threw: ${String(outcome.error)}`);
        const result = outcome.value;
        expect(Number.isInteger(result.ack.status), where).toBe(true);
        expect(result.ack.status >= 200 && result.ack.status <= 599, where).toBe(true);
        expect(typeof result.ack.body, where).toBe('string');
        expect(typeof result.ack.headers, where).toBe('object');
        for (const value of Object.values(result.ack.headers)) expect(typeof value, where).toBe('string');
        expect(typeof result.duplicate, where).toBe('boolean');
        if (result.error !== undefined) assertPayError(result.error, where, secrets);
        if (result.error && !result.ignored) expect(result.event, where).toBeNull();
        expect(secrets.find(result.ack.body), `${where}: secret in ack`).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('returns.verify: a verified return or a contract error', async () => {
    await fc.assert(
      fc.asyncProperty(providerArb, rawNotification, async (provider, request) => {
        await expectAsyncContract(() => pay.returns.verify(provider as never, request), `returns.verify(${describeInput(provider)}, ${describeInput(request)})`, secrets);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('pay.reconcilePending and pay.apple', () => {
  it('reconcilePending: any options', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(garbage, fc.record({ olderThan: garbage, concurrency: garbage, limit: garbage }, { requiredKeys: [] })), async (options) => {
        const report = await expectAsyncContract(() => pay.reconcilePending(options as never), `reconcilePending(${describeInput(options)})`, secrets, 10_000);
        for (const entry of report?.errors ?? []) assertPayError(entry.error, `reconcilePending report for ${entry.orderNo}`, secrets);
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  const appleArgs = fc.tuple(fc.oneof(garbage, anyString), fc.oneof(fc.constant(undefined), garbage, fc.record({ accountId: garbage, revision: garbage }, { requiredKeys: [] })));

  for (const method of ['verifyTransaction', 'verifyReceipt', 'getTransactionInfo', 'getTransactionHistory', 'verifyRenewalInfo'] as const) {
    it(`apple.${method}: any input`, async () => {
      await fc.assert(
        fc.asyncProperty(appleArgs, async ([first, options]) => {
          const call = pay.apple[method] as (a: unknown, b: unknown) => Promise<unknown>;
          await expectAsyncContract(() => call(first, options), `apple.${method}(${describeInput(first)}, ${describeInput(options)})`, secrets);
        }),
        { numRuns: Math.ceil(RUNS / 2) },
      );
    });
  }

  it('apple.appAccountToken: a UUID or a contract error, synchronously', async () => {
    await fc.assert(
      fc.asyncProperty(garbage, async (accountId) => {
        const token = await expectContract(() => pay.apple.appAccountToken(accountId as string), `apple.appAccountToken(${describeInput(accountId)})`, secrets);
        if (token !== undefined) expect(token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      }),
      { numRuns: RUNS },
    );
  });

  it('pay.apple without an apple channel: a contract error, and inspecting it does not throw', async () => {
    const noApple = createPayServer({ channels: [alipay(configs.alipay)], http: fetchHttp, logger });
    await expectContract(() => noApple.apple.verifyTransaction('x'), 'apple.verifyTransaction without apple');
    expect(() => String(Object.keys(noApple))).not.toThrow();
    const error = await noApple.apple.verifyReceipt('x').catch((e: unknown) => e);
    expect(PayError.isInstance(error)).toBe(true);
  });
});
