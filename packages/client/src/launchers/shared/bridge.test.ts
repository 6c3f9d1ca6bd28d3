import { PayUnsupportedError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import { chargeWith } from '../../__fixtures__/charges';
import type { NativeBridges } from '../../bridges';
import { callBridge } from './bridge';

const charge = chargeWith({ channel: 'unionpay_app', tn: '802010060110008899001', mode: '01' });

describe('callBridge', () => {
  it("returns the wallet's raw answer, calling the bridge on the object the app injected", async () => {
    const bridges: NativeBridges & { calls: unknown[] } = {
      calls: [],
      unionpay(tn, mode) {
        this.calls.push([tn, mode]);
        return { payResult: 'success' };
      },
    };
    const outcome = await callBridge('unionpay', charge, { bridges }, (unionpay) => unionpay('802010060110008899001', '01'));
    expect(outcome).toEqual({ ok: true, raw: { payResult: 'success' } });
    expect(bridges.calls).toEqual([['802010060110008899001', '01']]);
  });

  it('fails with BRIDGE_MISSING, saying which bridge to pass, when the app injected none', async () => {
    const outcome = await callBridge('unionpay', charge, { bridges: {} }, (unionpay) => unionpay('tn', '01'));
    expect(outcome.ok).toBe(false);
    const result = (outcome as { result: { status: string; error: Error } }).result;
    expect(result.status).toBe('failed');
    expect(PayUnsupportedError.isInstance(result.error)).toBe(true);
    expect(result.error).toMatchObject({ code: 'BRIDGE_MISSING', channel: 'unionpay_app' });
    expect(result.error.message).toContain('pass bridges.unionpay to createPayClient');
  });

  it('fails with BRIDGE_FAILED when the bridge rejects', async () => {
    const crash = new Error('UPPaymentControl not linked');
    const outcome = await callBridge('unionpay', charge, { bridges: { unionpay: () => Promise.reject(crash) } }, (unionpay) => unionpay('tn', '01'));
    expect(outcome).toMatchObject({ ok: false, result: { status: 'failed', error: { code: 'BRIDGE_FAILED', cause: crash } } });
  });
});
