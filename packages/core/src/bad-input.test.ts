/** Regression tests from the issue-2 robustness suite (test/robustness/core.test.ts): hostile input to core helpers. */
import { describe, expect, it } from 'vitest';
import { providerOf } from './channels';
import { PayConfigError, PayError, PayGatewayError, PayValidationError } from './errors';
import { toPayIssues } from './validate';

describe('core helpers refuse bad input with a PayValidationError', () => {
  it('providerOf: an unknown channel id is refused, never undefined or a TypeError', () => {
    expect(providerOf('wechat_h5')).toBe('wechat');
    for (const value of [null, 'nope', '__proto__', 'constructor', 42]) {
      expect(() => providerOf(value as never)).toThrow(PayValidationError);
    }
  });

  it('toPayIssues: something that is not a ZodError is refused', () => {
    for (const value of [[], null, {}, 'x']) expect(() => toPayIssues(value as never)).toThrow(PayValidationError);
  });
});

describe('error classes tolerate malformed options', () => {
  it('null, primitive or mistyped options fall back to the class defaults', () => {
    const fromNull = new PayError('m', null as never);
    expect(fromNull.code).toBe('PAY_ERROR');
    const mistyped = new PayConfigError('m', { code: 5, channel: {}, isRetryable: 'yes' } as never);
    expect(mistyped.code).toBe('CONFIG_INVALID');
    expect(mistyped.channel).toBeUndefined();
    expect(mistyped.isRetryable).toBe(false);
    expect(new PayValidationError('m', NaN as never).issues).toEqual([]);
  });

  it('a huge string as options is ignored, not spread character by character', () => {
    const started = Date.now();
    const error = new PayConfigError('m', 'A'.repeat(2 * 1024 * 1024) as never);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('PayGatewayError keeps only text and numbers, so toJSON() stays serialisable', () => {
    const hostile = { toJSON: () => { throw new Error('toJSON'); } };
    const error = new PayGatewayError('m', { statusCode: hostile, gatewayCode: 40004, gatewayMessage: hostile, requestId: 'r1' } as never);
    expect(error.statusCode).toBeUndefined();
    expect(error.gatewayCode).toBe('40004');
    expect(JSON.parse(JSON.stringify(error.toJSON()))).toMatchObject({ gatewayCode: '40004', requestId: 'r1' });
  });
});
