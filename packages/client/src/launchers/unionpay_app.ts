/**
 * `@payweave/client/unionpay_app`: UnionPay in a native app. Hands `tn` and `mode` to the UnionPay control through
 * `bridges.unionpay` and normalises its `pay_result` (`success` / `fail` / `cancel`). The control's answer is only a
 * hint: confirm with `waitForResult`.
 * @see https://open.unionpay.com/tjweb/acproduct/APIList?acpAPIId=765&apiservId=450 (手机控件支付)
 */
import type { Charge } from '@payweave/core';
import type { UnionpayBridgeResult } from '../bridges';
import { failedWith } from '../result';
import type { Launcher, LaunchResult } from '../types';
import { callBridge } from './shared/bridge';

/** Map the UnionPay control's `pay_result` to a launch result (case-insensitive; unknown values stay pending). */
export function unionpayAppResult(raw: UnionpayBridgeResult | null | undefined, charge: Charge): LaunchResult {
  const outcome = String(raw?.payResult ?? '').toLowerCase();
  if (outcome === 'fail') return failedWith(charge, 'WALLET_PAYMENT_FAILED', 'the UnionPay control reported a failed payment: the payer may retry with a new charge');
  return { status: outcome === 'success' ? 'succeeded' : outcome === 'cancel' ? 'canceled' : 'pending', charge };
}

/** Launches `unionpay_app` charges: the credential's `tn` and `mode` to `bridges.unionpay`. */
export const unionpayAppLauncher: Launcher<'unionpay_app'> = {
  name: 'unionpay_app',
  channels: ['unionpay_app'],
  async launch(charge, context) {
    const { tn, mode } = charge.credential;
    const called = await callBridge('unionpay', charge, context, (bridge) => bridge(tn, mode));
    return called.ok ? unionpayAppResult(called.raw, charge) : called.result;
  },
};
