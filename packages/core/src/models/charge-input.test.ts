import { describe, expect, it } from 'vitest';
import { PayValidationError } from '../errors';
import { validateChargeInput, validateRefundInput } from '../index';

const base = { channel: 'alipay_page', orderNo: 'ORDER_20260101_0001', amount: 1999, subject: 'T-shirt' } as const;

function issuesOf(input: unknown) {
  try {
    validateChargeInput(input);
  } catch (error) {
    expect(PayValidationError.isInstance(error)).toBe(true);
    return (error as PayValidationError).issues;
  }
  throw new Error('expected a PayValidationError');
}

describe('validateChargeInput', () => {
  it('accepts a minimal request and defaults the currency', () => {
    expect(validateChargeInput(base)).toEqual({ ...base, currency: 'CNY' });
  });

  it('rejects yuan amounts, zero and negatives with a message that says fen', () => {
    expect(issuesOf({ ...base, amount: 19.99 })).toEqual([expect.objectContaining({ path: 'amount', message: expect.stringMatching(/fen/) })]);
    expect(issuesOf({ ...base, amount: 0 })[0]?.path).toBe('amount');
    expect(issuesOf({ ...base, amount: -5 })[0]?.path).toBe('amount');
    expect(issuesOf({ ...base, amount: '1999' })[0]?.path).toBe('amount');
  });

  it('applies each channel order-number rule', () => {
    expect(issuesOf({ ...base, orderNo: 'has-dash' })[0]).toMatchObject({ path: 'orderNo', message: expect.stringMatching(/letters, digits or _/) });
    expect(issuesOf({ ...base, channel: 'wechat_native', orderNo: 'short' })[0]?.path).toBe('orderNo');
    expect(issuesOf({ ...base, channel: 'wechat_native', orderNo: 'x'.repeat(33) })[0]?.path).toBe('orderNo');
    expect(validateChargeInput({ ...base, channel: 'wechat_native', orderNo: 'ord-001*x', returnUrl: undefined }).orderNo).toBe('ord-001*x');
    expect(issuesOf({ ...base, channel: 'unionpay_wap', orderNo: 'ORDER_123', clientIp: '10.0.0.1' })[0]?.path).toBe('orderNo');
  });

  it('requires what each channel needs', () => {
    expect(issuesOf({ ...base, channel: 'wechat_jsapi', orderNo: 'order0001' })[0]?.path).toBe('payer.openId');
    expect(issuesOf({ ...base, channel: 'alipay_barcode' })[0]?.path).toBe('payer.authCode');
    expect(issuesOf({ ...base, channel: 'wechat_h5', orderNo: 'order0001' })[0]?.path).toBe('clientIp');
    expect(issuesOf({ ...base, channel: 'alipay_qr', returnUrl: 'https://shop.example/return' })[0]?.path).toBe('returnUrl');
    expect(validateChargeInput({ ...base, channel: 'wechat_jsapi', orderNo: 'order0001', payer: { openId: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' } }).payer?.openId).toBeTruthy();
  });

  it('is strict about unknown keys and field formats', () => {
    expect(issuesOf({ ...base, amout: 1 })[0]?.message).toMatch(/amout|unrecognized/i);
    expect(issuesOf({ ...base, clientIp: 'localhost' })[0]?.path).toBe('clientIp');
    expect(issuesOf({ ...base, returnUrl: 'javascript:alert(1)' })[0]?.path).toBe('returnUrl');
    expect(issuesOf({ ...base, expiresAt: 'tomorrow' })[0]?.path).toBe('expiresAt');
    expect(issuesOf({ ...base, currency: 'USD' })[0]?.path).toBe('currency');
    expect(issuesOf({ ...base, channel: 'paypal' })[0]?.path).toBe('channel');
    expect(issuesOf(null)[0]?.path).toBe('(root)');
  });

  it('summarises the issues in the message', () => {
    expect(() => validateChargeInput({ ...base, amount: 1.5, subject: '' })).toThrow(/invalid charge request: amount: .*; subject: /);
  });
});

describe('validateRefundInput', () => {
  it('accepts a refund and rejects a yuan amount', () => {
    expect(validateRefundInput({ orderNo: 'o1', refundNo: 'r1', amount: 100 })).toEqual({ orderNo: 'o1', refundNo: 'r1', amount: 100 });
    expect(() => validateRefundInput({ orderNo: 'o1', refundNo: 'r1', amount: 1.2 })).toThrow(PayValidationError);
  });
});
