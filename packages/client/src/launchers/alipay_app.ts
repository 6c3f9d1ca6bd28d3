/**
 * `@payweave/client/alipay_app`: Alipay in a native app. Hands `orderString` to the Alipay App SDK through
 * `bridges.alipay` and normalises its `resultStatus`. The wallet's answer is only a hint: confirm with `waitForResult`.
 * @see https://opendocs.alipay.com/open/204/105301 (客户端返回码: 9000, 8000, 4000, 5000, 6001, 6002, 6004)
 */
import type { Charge } from '@payweave/core';
import type { AlipayBridgeResult } from '../bridges';
import { failedWith } from '../result';
import type { Launcher, LaunchResult } from '../types';
import { callBridge } from './shared/bridge';

/**
 * Map the Alipay App SDK's `resultStatus`: 9000 paid; 8000 (processing), 6004 (result unknown) and 5000 (a repeated
 * request, the first may still complete) pending; 6001 canceled by the payer; 6002 network error and 4000 failed.
 * Unknown codes stay pending: only the server's verified state is final.
 */
export function alipayAppResult(raw: AlipayBridgeResult | null | undefined, charge: Charge): LaunchResult {
  const status = String(raw?.resultStatus ?? '');
  if (status === '6002') return failedWith(charge, 'WALLET_NETWORK_ERROR', 'the Alipay app has no network: the payer may retry', raw, true);
  if (status === '4000') {
    return failedWith(charge, 'WALLET_PAYMENT_FAILED', `the Alipay app reported a failed payment${raw?.memo ? ` (${raw.memo})` : ''}: the payer may retry`, raw);
  }
  return { status: status === '9000' ? 'succeeded' : status === '6001' ? 'canceled' : 'pending', charge, raw };
}

/** Launches `alipay_app` charges: the credential's `orderString` to `bridges.alipay`. */
export const alipayAppLauncher: Launcher<'alipay_app'> = {
  name: 'alipay_app',
  channels: ['alipay_app'],
  async launch(charge, context) {
    const { orderString } = charge.credential;
    const called = await callBridge('alipay', charge, context, (bridge) => bridge(orderString));
    return called.ok ? alipayAppResult(called.raw, charge) : called.result;
  },
};
