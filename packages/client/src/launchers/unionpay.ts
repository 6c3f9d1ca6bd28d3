/**
 * `@payweave/client/unionpay`: UnionPay on every client surface.
 * - `unionpay_wap` / `unionpay_page`: auto-submits the signed form to UnionPay's `frontTransReq.do` (POST).
 * - `unionpay_app`: hands `tn` and `mode` to the UnionPay control through `bridges.unionpay` and normalises its
 *   `pay_result` (`success` / `fail` / `cancel`). The control's answer is only a hint: confirm with `waitForResult`.
 * @see https://open.unionpay.com/tjweb/acproduct/APIList?acpAPIId=765&apiservId=450 (手机控件支付)
 */
import { PayError, type Charge } from '@payweave/core';
import type { UnionpayBridgeResult } from '../bridges';
import type { Launcher, LaunchResult } from '../types';
import { callBridge } from './shared/bridge';
import { submitForm } from './shared/navigate';

/** Map the UnionPay control's `pay_result` to a launch result (case-insensitive; unknown values stay pending). */
export function unionpayAppResult(raw: UnionpayBridgeResult | null | undefined, charge: Charge): LaunchResult {
  const outcome = String(raw?.payResult ?? '').toLowerCase();
  if (outcome === 'success') return { status: 'succeeded', charge };
  if (outcome === 'cancel') return { status: 'canceled', charge };
  if (outcome === 'fail') {
    const error = new PayError('the UnionPay control reported a failed payment: the payer may try again with a new charge', {
      code: 'WALLET_PAYMENT_FAILED',
      channel: charge.channel,
    });
    return { status: 'failed', charge, error };
  }
  return { status: 'pending', charge };
}

/** Launches UnionPay charges: the browser form for WAP/PC, the native control for apps. */
export const unionpayLauncher: Launcher<'unionpay_app' | 'unionpay_wap' | 'unionpay_page'> = {
  name: 'unionpay',
  channels: ['unionpay_app', 'unionpay_wap', 'unionpay_page'],
  async launch(charge, context) {
    const credential = charge.credential;
    if (credential.channel !== 'unionpay_app') {
      const { url, fields } = credential as { url: string; fields: Record<string, string> };
      submitForm(url, fields, { ...context, method: 'POST' });
      return { status: 'redirected', charge: charge as Charge };
    }
    const { tn, mode } = credential as { tn: string; mode: '00' | '01' };
    const called = await callBridge('unionpay', charge as Charge, context, (bridge) => bridge(tn, mode));
    return called.ok ? unionpayAppResult(called.raw, charge as Charge) : called.result;
  },
};
