import { describe, expect, it } from 'vitest';
import { gatewayError } from './errors';

describe('gatewayError', () => {
  it('explains a known respCode', () => {
    const busy = gatewayError({ respCode: '06', respMsg: 'busy' }, 'query');
    expect(busy).toMatchObject({ code: 'GATEWAY_BUSY', isRetryable: true, gatewayCode: '06', gatewayMessage: 'busy' });
    expect(busy.message).toContain('UnionPay is busy');
  });

  it('treats a respCode naming an Object.prototype member as unknown, not as a table entry', () => {
    for (const respCode of ['constructor', 'toString', '__proto__']) {
      const refused = gatewayError({ respCode }, 'query');
      expect(refused).toMatchObject({ code: 'GATEWAY_ERROR', isRetryable: false });
      expect(refused.message).toBe(`UnionPay query failed: see gatewayCode/gatewayMessage (respCode ${respCode})`);
    }
  });
});
