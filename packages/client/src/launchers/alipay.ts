/**
 * `@payweave/client/alipay`: Alipay on every client surface.
 * - `alipay_page` / `alipay_wap`: a GET redirect, or a form auto-submitted to `gateway.do` (as the server's
 *   `pageMethod` chose); `onNavigate` receives the navigation instead where the app routes itself.
 * - `alipay_qr`: nothing to open; resolves to `{ status: 'qr', qrCode }` for the page to render.
 * - `alipay_app`: hands `orderString` to the Alipay App SDK through `bridges.alipay` and normalises its
 *   `resultStatus`. The wallet's answer is only a hint: confirm with `waitForResult`.
 * @see https://opendocs.alipay.com/open/204/105301 (客户端返回码: 9000, 8000, 4000, 5000, 6001, 6002, 6004)
 */
import { PayError, type Charge } from '@payweave/core';
import type { AlipayBridgeResult } from '../bridges';
import type { Launcher, LaunchResult } from '../types';
import { callBridge } from './shared/bridge';
import { submitForm } from './shared/navigate';
import { qrResult } from './shared/qr';

function failed(charge: Charge, code: string, message: string, raw: unknown): LaunchResult {
  return { status: 'failed', charge, error: new PayError(message, { code, channel: charge.channel, isRetryable: code === 'WALLET_NETWORK_ERROR' }), raw };
}

/**
 * Map the Alipay App SDK's `resultStatus`: 9000 paid; 8000 (processing), 6004 (result unknown) and 5000 (a repeated
 * request, the first may still complete) pending; 6001 canceled by the payer; 6002 network error and 4000 failed.
 * Unknown codes stay pending: only the server's verified state is final.
 */
export function alipayAppResult(raw: AlipayBridgeResult | null | undefined, charge: Charge): LaunchResult {
  const status = String(raw?.resultStatus ?? '');
  switch (status) {
    case '9000':
      return { status: 'succeeded', charge, raw };
    case '6001':
      return { status: 'canceled', charge, raw };
    case '6002':
      return failed(charge, 'WALLET_NETWORK_ERROR', 'the Alipay app could not reach the network: the payer may retry the same charge', raw);
    case '4000':
      return failed(charge, 'WALLET_PAYMENT_FAILED', `the Alipay app reported a failed payment${raw?.memo ? ` (${raw.memo})` : ''}: the payer may retry`, raw);
    default:
      return { status: 'pending', charge, raw };
  }
}

/** Launches Alipay charges: redirect or form for page/wap, the QR payload, the native App SDK for apps. */
export const alipayLauncher: Launcher<'alipay_app' | 'alipay_page' | 'alipay_wap' | 'alipay_qr'> = {
  name: 'alipay',
  channels: ['alipay_app', 'alipay_page', 'alipay_wap', 'alipay_qr'],
  async launch(charge, context) {
    const credential = charge.credential;
    if (credential.channel === 'alipay_qr') return qrResult(charge as Charge, (credential as { qrCode: string }).qrCode);
    if (credential.channel !== 'alipay_app') {
      const { method, url, fields = {} } = credential as { method: 'GET' | 'POST'; url: string; fields?: Record<string, string> };
      submitForm(url, fields, { ...context, method });
      return { status: 'redirected', charge: charge as Charge };
    }
    const { orderString } = credential as { orderString: string };
    const called = await callBridge('alipay', charge as Charge, context, (bridge) => bridge(orderString));
    return called.ok ? alipayAppResult(called.raw, charge as Charge) : called.result;
  },
};
