import { describe, expect, it } from 'vitest';
import {
  PayConfigError,
  PayConnectionError,
  PayError,
  PayGatewayError,
  PaySignatureError,
  PayUnsupportedError,
  PayValidationError,
} from './errors';

describe('PayError family', () => {
  it('carries code, channel, retryability and cause', () => {
    const cause = new Error('socket hang up');
    const error = new PayConnectionError('could not reach the gateway', { channel: 'alipay', cause });
    expect(error.code).toBe('CONNECTION_FAILED');
    expect(error.isRetryable).toBe(true);
    expect(error.channel).toBe('alipay');
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('PayConnectionError');
    expect(error).toBeInstanceOf(PayError);
    expect(error).toBeInstanceOf(Error);
  });

  it('isInstance works per class and across copies of the package', () => {
    const gateway = new PayGatewayError('refused', { gatewayCode: '40004', gatewaySubCode: 'ACQ.TRADE_NOT_EXIST', statusCode: 200 });
    expect(PayError.isInstance(gateway)).toBe(true);
    expect(PayGatewayError.isInstance(gateway)).toBe(true);
    expect(PaySignatureError.isInstance(gateway)).toBe(false);
    // An error from "another copy" (CJS vs ESM): same marker symbol, same type name, different prototype chain.
    const foreign = Object.assign(Object.create(Error.prototype), { [Symbol.for('payweave.error')]: true, type: 'PayGatewayError' });
    expect(PayGatewayError.isInstance(foreign)).toBe(true);
    expect(PayConfigError.isInstance(foreign)).toBe(false);
    expect(PayError.isInstance(new Error('x'))).toBe(false);
    expect(PayError.isInstance(null)).toBe(false);
    expect(PayError.isInstance('PayError')).toBe(false);
  });

  it('has stable default codes', () => {
    expect(new PayConfigError('x').code).toBe('CONFIG_INVALID');
    expect(new PayValidationError('x').code).toBe('VALIDATION_FAILED');
    expect(new PaySignatureError('x').code).toBe('SIGNATURE_INVALID');
    expect(new PayGatewayError('x').code).toBe('GATEWAY_ERROR');
    expect(new PayUnsupportedError('x').code).toBe('UNSUPPORTED');
    expect(new PayError('x', { code: 'TRANSACTION_CLAIMED_BY_OTHER_ACCOUNT' }).code).toBe('TRANSACTION_CLAIMED_BY_OTHER_ACCOUNT');
  });

  it('serialises without cause or raw payloads', () => {
    const error = new PayGatewayError('refused', { raw: { secret: 'do-not-log' }, cause: new Error('inner') });
    const json = JSON.stringify(error);
    expect(json).not.toContain('do-not-log');
    expect(json).not.toContain('inner');
    expect(JSON.parse(json)).toMatchObject({ type: 'PayGatewayError', code: 'GATEWAY_ERROR', message: 'refused' });
  });
});
