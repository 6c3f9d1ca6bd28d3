/** @payweave/core: every exported function, fed hostile input. */
import {
  CreateChargeInputSchema,
  PayConfigError,
  PayConnectionError,
  PayError,
  PayGatewayError,
  PaySignatureError,
  PayUnsupportedError,
  PayValidationError,
  assertMinorUnits,
  fromYuan,
  isChannelId,
  isProvider,
  parseOrThrow,
  providerOf,
  toPayIssues,
  toYuan,
  validateChargeInput,
  validateRefundInput,
} from '@payweave/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RUNS, anyString, garbage, garbageRecord, mutate } from './support/arbitraries';
import { assertPayError, describeInput, expectContract } from './support/contract';

const validCharge = { channel: 'alipay_qr', orderNo: 'ORDER_1', amount: 1999, subject: 'Tea', metadata: { a: 'b' }, payer: { openId: 'o' } };
const validRefund = { orderNo: 'ORDER_1', refundNo: 'R1', amount: 1, reason: 'x' };

/** A synchronous function: returns, or throws a contract-conforming PayError. */
function syncContract(run: () => unknown, where: string): unknown {
  try {
    return run();
  } catch (error) {
    assertPayError(error, where);
    return undefined;
  }
}

describe('money', () => {
  it('toYuan / assertMinorUnits accept safe non-negative integers and refuse the rest with PayValidationError', () => {
    fc.assert(
      fc.property(fc.oneof(garbage, fc.integer(), fc.double()), (value) => {
        const yuan = syncContract(() => toYuan(value as number), `toYuan(${describeInput(value)})`);
        if (yuan !== undefined) expect(yuan).toMatch(/^\d+\.\d{2}$/);
        syncContract(() => assertMinorUnits(value), `assertMinorUnits(${describeInput(value)})`);
        syncContract(() => assertMinorUnits(1, value as string), `assertMinorUnits(1, path=${describeInput(value)})`);
      }),
      { numRuns: RUNS },
    );
  });

  it('fromYuan never guesses: a number or a contract error', () => {
    fc.assert(
      fc.property(fc.oneof(garbage, anyString, fc.stringMatching(/^\d{1,20}(\.\d{0,3})?$/)), (value) => {
        const minor = syncContract(() => fromYuan(value as string), `fromYuan(${describeInput(value)})`);
        if (minor !== undefined) expect(Number.isSafeInteger(minor)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('channel helpers', () => {
  it('isChannelId / isProvider return booleans for anything', () => {
    fc.assert(
      fc.property(garbage, (value) => {
        expect(typeof isChannelId(value)).toBe('boolean');
        expect(typeof isProvider(value)).toBe('boolean');
        expect(PayError.isInstance(value)).toBe(false);
        expect(PayValidationError.isInstance(value)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('providerOf names the provider of a channel id, or throws PayValidationError (never undefined)', () => {
    fc.assert(
      fc.property(garbage, (value) => {
        const provider = syncContract(() => providerOf(value as never), `providerOf(${describeInput(value)})`);
        if (provider !== undefined || isChannelId(value)) expect(isProvider(provider)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('validators', () => {
  it('validateChargeInput: valid input passes, anything else is a PayValidationError', () => {
    const input = fc.oneof(garbage, garbageRecord(Object.keys(validCharge)), mutate(validCharge));
    fc.assert(
      fc.property(input, (value) => {
        try {
          validateChargeInput(value);
        } catch (error) {
          assertPayError(error, `validateChargeInput(${describeInput(value)})`);
          expect(PayValidationError.isInstance(error)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('validateRefundInput: valid input passes, anything else is a PayValidationError', () => {
    const input = fc.oneof(garbage, garbageRecord(Object.keys(validRefund)), mutate(validRefund));
    fc.assert(
      fc.property(input, (value) => {
        try {
          validateRefundInput(value);
        } catch (error) {
          assertPayError(error, `validateRefundInput(${describeInput(value)})`);
          expect(PayValidationError.isInstance(error)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('validated input never carries polluted prototypes or unknown keys', () => {
    const polluted = JSON.parse('{"channel":"alipay_qr","orderNo":"O1","amount":1,"subject":"s","__proto__":{"amount":0}}') as unknown;
    expect(() => validateChargeInput(polluted)).toThrow(PayValidationError);
    const result = syncContract(() => validateChargeInput({ ...validCharge, metadata: JSON.parse('{"__proto__":"x"}') }), 'metadata with __proto__') as
      | { metadata?: object }
      | undefined;
    if (result?.metadata) expect(Object.getPrototypeOf(result.metadata)).not.toBe('x');
  });

  it('parseOrThrow / toPayIssues: any value, any label', () => {
    fc.assert(
      fc.property(garbage, anyString, (value, what) => {
        syncContract(() => parseOrThrow(CreateChargeInputSchema, value, what), `parseOrThrow(${describeInput(value)})`);
        const issues = syncContract(() => toPayIssues(value as never), `toPayIssues(${describeInput(value)})`);
        if (issues !== undefined) expect(Array.isArray(issues)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('error classes', () => {
  const classes = [PayError, PayConfigError, PaySignatureError, PayConnectionError, PayUnsupportedError, PayGatewayError] as const;

  it('construct from any options without throwing; toJSON and String never throw', () => {
    fc.assert(
      fc.property(fc.constantFrom(...classes), anyString, fc.oneof(garbage, garbageRecord(['code', 'channel', 'isRetryable', 'cause', 'statusCode', 'raw'])), (Class, message, options) => {
        const error = new Class(message, options as never);
        expect(PayError.isInstance(error)).toBe(true);
        expect(typeof JSON.stringify(error.toJSON(), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).toBe('string');
        expect(typeof String(error)).toBe('string');
        expect(typeof error.code).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });

  it('PayValidationError tolerates any issues and options', () => {
    fc.assert(
      fc.property(anyString, garbage, garbage, (message, issues, options) => {
        const error = new PayValidationError(message, issues as never, options as never);
        expect(Array.isArray(error.issues)).toBe(true);
        expect(typeof String(error)).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });

  it('a sanity check of the harness: a plain TypeError is refused', async () => {
    await expect(expectContract(() => Promise.reject(new TypeError('x')), 'harness')).rejects.toThrow(/non-PayError/);
  });
});
