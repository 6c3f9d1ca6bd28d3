/**
 * `@payweave/client`: createPayClient and its methods, against a merchant server (a fetch stub) that answers
 * anything. createCharge/waitForResult settle with a Charge or a contract PayError; launch and pay never reject for
 * what the payer or the charge is, they resolve to a LaunchResult.
 */
import { createPayClient, type PayClient } from '@payweave/client';
import { PayError } from '@payweave/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RUNS, anyString, garbage } from './support/arbitraries';
import { assertPayError, describeInput, expectAsyncContract, expectContract, settle } from './support/contract';

const charge = (status: string, credential: unknown = { channel: 'alipay_qr', qrCode: 'https://qr.alipay.com/x' }) => ({
  id: 'ch_1',
  orderNo: 'ORDER_1',
  channel: 'alipay_qr',
  amount: 1999,
  currency: 'CNY',
  subject: 'Tea',
  status,
  amountRefunded: 0,
  createdAt: '2026-01-01T00:00:00Z',
  livemode: false,
  credential,
});

const json = (value: unknown) => {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)) ?? '';
  } catch {
    return '{}';
  }
};

/** What the merchant server answers: a Charge, an error body in payweave's shape with hostile fields, or anything. */
const answer = fc.oneof(
  fc.tuple(fc.constantFrom(200, 201), fc.constantFrom('pending', 'succeeded', 'failed', 'closed')).map(([status, state]) => ({ status, body: json(charge(state)) })),
  fc.tuple(fc.integer({ min: 200, max: 599 }), fc.record({ error: fc.record({ type: garbage, code: fc.oneof(fc.constantFrom('ORDER_NOT_FOUND', 'VALIDATION_FAILED'), garbage), message: garbage, issues: garbage, isRetryable: garbage }, { requiredKeys: [] }) })).map(([status, body]) => ({ status, body: json(body) })),
  fc.tuple(fc.integer({ min: 200, max: 599 }), fc.oneof(anyString, garbage.map(json))).map(([status, body]) => ({ status, body })),
  fc.constantFrom({ reject: new TypeError('Failed to fetch') }, { reject: 'a string' }, { reject: { message: Symbol('m') } }, { reject: null }),
);

/** A fetch stub that answers `answers` in turn (the last one forever). */
function fetchAnswering(answers: readonly unknown[]) {
  let i = 0;
  return async () => {
    const next = answers[Math.min(i++, answers.length - 1)] as { status: number; body: string } | { reject: unknown };
    if ('reject' in next) throw next.reject;
    return new Response(next.status === 204 ? null : next.body, { status: next.status });
  };
}

const optionsArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ endpoint: fc.oneof(fc.constant('/api/pay'), fc.constant('https://shop.test/api/pay/'), garbage), headers: fc.oneof(fc.constant(undefined), garbage, fc.constant(() => ({ authorization: 'Bearer t' }))), bridges: fc.oneof(fc.constant(undefined), garbage), launchers: fc.oneof(fc.constant(undefined), garbage, fc.array(garbage, { maxLength: 2 })), onNavigate: fc.oneof(fc.constant(undefined), garbage) }, { requiredKeys: ['endpoint'] }) },
  { weight: 1, arbitrary: garbage },
);

const build = (options: unknown, answers: readonly unknown[]) =>
  expectContract(() => {
    const withHttp = typeof options === 'object' && options !== null && !Array.isArray(options) ? { ...options, http: fetchAnswering(answers) } : options;
    return createPayClient(withHttp as never);
  }, `createPayClient(${describeInput(options)})`) as Promise<PayClient | undefined>;

describe('createPayClient', () => {
  it('createCharge: a Charge or a contract PayError, whatever the request and the server say', async () => {
    await fc.assert(
      fc.asyncProperty(optionsArb, fc.array(answer, { minLength: 1, maxLength: 2 }), fc.oneof(fc.record({ orderNo: fc.oneof(fc.constant('ORDER_1'), garbage), channel: fc.oneof(fc.constant('alipay_qr'), garbage), payer: garbage, returnUrl: garbage }, { requiredKeys: [] }), garbage), fc.oneof(fc.constant(undefined), garbage), async (options, answers, request, callOptions) => {
        const client = await build(options, answers);
        if (!client) return;
        const created = await expectAsyncContract(() => client.createCharge(request as never, callOptions as never), `createCharge(${describeInput(request)}, ${describeInput(callOptions)}) answered ${describeInput(answers)}`);
        if (created !== undefined) expect(typeof created.orderNo).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });

  it('waitForResult: a final Charge or a contract PayError, never a hang', async () => {
    const waitOptions = fc.oneof(
      fc.record({ timeoutMs: fc.oneof(fc.integer({ min: 1, max: 60 }), garbage), intervalMs: fc.oneof(fc.integer({ min: 1, max: 10 }), garbage), maxIntervalMs: fc.oneof(fc.constant(20), garbage), signal: fc.oneof(fc.constant(undefined), garbage, fc.constant(AbortSignal.abort()), fc.constant(AbortSignal.timeout(5))) }, { requiredKeys: ['timeoutMs'] }),
      garbage,
    );
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 3 }), fc.oneof(fc.constant('ORDER_1'), garbage), waitOptions, async (answers, orderNo, options) => {
        const client = await build({ endpoint: '/api/pay' }, answers);
        if (!client) return;
        // Garbage timeouts fall back to the default (two minutes): bound them here, the property is about types.
        const bounded = typeof options === 'object' && options !== null && !Array.isArray(options) ? options : {};
        const timeoutMs = (bounded as { timeoutMs?: unknown }).timeoutMs;
        const fast = { ...bounded, timeoutMs: typeof timeoutMs === 'number' && timeoutMs > 0 && timeoutMs < 100 ? timeoutMs : 50, maxIntervalMs: 20 };
        await expectAsyncContract(() => client.waitForResult(orderNo as string, fast as never), `waitForResult(${describeInput(orderNo)}, ${describeInput(options)}) answered ${describeInput(answers)}`, undefined, 2000);
      }),
      { numRuns: RUNS },
    );
  });

  it('launch and pay: never reject; a failed launch carries a contract PayError', async () => {
    const chargeArb = fc.oneof(
      fc.constantFrom('pending', 'succeeded', 'failed', 'closed', 'weird').chain((status) => fc.oneof(fc.constant(charge(status)), garbage.map((credential) => charge(status, credential)), fc.record({ channel: fc.oneof(fc.constantFrom('alipay_app', 'wechat_jsapi', 'unionpay_wap', 'alipay_barcode', '__proto__'), garbage) }).map((credential) => charge(status, credential)))),
      garbage,
    );
    await fc.assert(
      fc.asyncProperty(optionsArb, chargeArb, fc.oneof(fc.constant(undefined), garbage, fc.record({ onNavigate: garbage, signal: garbage }, { requiredKeys: [] })), fc.array(answer, { minLength: 1, maxLength: 2 }), async (options, target, launchOptions, answers) => {
        const client = await build(options, answers);
        if (!client) return;
        for (const [name, run] of [
          ['launch', () => client.launch(target as never, launchOptions as never)],
          ['pay', () => client.pay({ orderNo: 'ORDER_1', channel: 'alipay_qr' }, launchOptions as never)],
        ] as const) {
          const where = `${name}(${describeInput(target)}, ${describeInput(launchOptions)})`;
          const outcome = await settle(run, where);
          if (!outcome.ok) {
            // pay() may reject, but only because the charge could not be created (a contract PayError).
            if (name === 'launch') expect.fail(`${where} rejected: ${String(outcome.error)}`);
            assertPayError(outcome.error, where);
            continue;
          }
          const result = outcome.value;
          expect(['succeeded', 'canceled', 'pending', 'redirected', 'qr', 'failed'], where).toContain(result.status);
          if (result.status === 'failed') {
            assertPayError(result.error, where);
            expect(PayError.isInstance(result.error)).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
