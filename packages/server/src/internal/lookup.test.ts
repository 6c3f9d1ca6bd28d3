import { describe, expect, it } from 'vitest';
import { ownEntry } from './lookup';

describe('ownEntry', () => {
  it("answers a table's own entries and nothing inherited", () => {
    const table = { utf8: 'utf-8', empty: '' };
    expect(ownEntry(table, 'utf8')).toBe('utf-8');
    expect(ownEntry(table, 'empty')).toBe('');
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'missing']) expect(ownEntry(table, key)).toBeUndefined();
  });
});

describe('gateway error mapping by a code the gateway sent', async () => {
  const { wechatGatewayError } = await import('../channels/wechat/errors');
  const alipay = await import('../channels/alipay/errors');
  const unionpay = await import('../channels/unionpay/errors');

  it('gives the generic code for codes that name Object.prototype members', () => {
    for (const name of ['constructor', 'toString', '__proto__']) {
      expect(wechatGatewayError({ gatewayCode: name, verified: true }, 'query').code).toBe('GATEWAY_ERROR');
      expect(alipay.gatewayError('alipay.trade.query', { code: name, sub_code: name }, {}).code).toBe('GATEWAY_ERROR');
      const refused = unionpay.gatewayError({ respCode: name }, 'query');
      expect(refused.code).toBe('GATEWAY_ERROR');
      expect(refused.message).toContain('see gatewayCode/gatewayMessage');
    }
  });
});
