/**
 * `@payweave/client/wechat_jsapi`: WeChat Pay in WeChat's own browser (公众号 / JSAPI payment).
 * `WeixinJSBridge.invoke('getBrandWCPayRequest', ...)`, waiting for `WeixinJSBridgeReady` when the bridge is not
 * there yet; `err_msg` ok / cancel / fail normalised. The answer is a hint: confirm with `waitForResult`.
 * @see https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/jsapi-transfer-payment.html
 */
import { PayUnsupportedError, type Charge } from '@payweave/core';
import { failed, failedWith } from '../result';
import type { LaunchContext, Launcher, LaunchResult } from '../types';

/** How long to wait for `WeixinJSBridgeReady` before concluding the page is not open in WeChat. */
export const BRIDGE_READY_TIMEOUT_MS = 5_000;

type JsapiResponse = { err_msg?: string; errMsg?: string };
interface WeixinJSBridge {
  invoke(api: 'getBrandWCPayRequest', params: object, callback: (res: JsapiResponse) => void): void;
}
type WeixinWindow = Window & { WeixinJSBridge?: WeixinJSBridge };

/** Map `getBrandWCPayRequest`'s `err_msg` (`get_brand_wcpay_request:ok|cancel|fail`) to a launch result. */
export function jsapiResult(res: JsapiResponse | undefined, charge: Charge): LaunchResult {
  const message = String(res?.err_msg ?? res?.errMsg ?? '');
  const outcome = message.slice(message.lastIndexOf(':') + 1).trim().toLowerCase();
  if (outcome.startsWith('fail')) return failedWith(charge, 'WALLET_PAYMENT_FAILED', `WeChat refused the payment (${message.slice(0, 80)}): check the appid and paySign`, res);
  return { status: outcome === 'ok' ? 'succeeded' : outcome === 'cancel' ? 'canceled' : 'pending', charge, raw: res };
}

/** The bridge, once WeChat injected it (at once, or on `WeixinJSBridgeReady`); undefined on timeout, abort or no DOM. */
function waitForBridge({ document, signal }: LaunchContext): Promise<WeixinJSBridge | undefined> {
  const window = document?.defaultView as WeixinWindow | null | undefined;
  return new Promise((resolve) => {
    if (!document || !window || window.WeixinJSBridge) return resolve(window?.WeixinJSBridge);
    const done = () => {
      window.clearTimeout(timer);
      document.removeEventListener('WeixinJSBridgeReady', done);
      signal?.removeEventListener('abort', done);
      resolve(window.WeixinJSBridge);
    };
    const timer = window.setTimeout(done, BRIDGE_READY_TIMEOUT_MS);
    document.addEventListener('WeixinJSBridgeReady', done);
    signal?.addEventListener('abort', done);
  });
}

/** Launches `wechat_jsapi` charges through `WeixinJSBridge` (pages opened inside WeChat). */
export const wechatJsapiLauncher: Launcher<'wechat_jsapi'> = {
  name: 'wechat_jsapi',
  channels: ['wechat_jsapi'],
  async launch(charge, context) {
    const { channel, ...params } = charge.credential;
    const bridge = await waitForBridge(context);
    if (!bridge) {
      return failed(charge, new PayUnsupportedError('no WeixinJSBridge: open this page in WeChat, or use wechat_h5 / wechat_native', { code: 'WECHAT_BRIDGE_MISSING', channel }));
    }
    return new Promise((resolve) => bridge.invoke('getBrandWCPayRequest', params, (res) => resolve(jsapiResult(res, charge))));
  },
};
