/**
 * `@payweave/client/wechat`: WeChat Pay on every client surface.
 * - `wechat_jsapi`: `WeixinJSBridge.invoke('getBrandWCPayRequest', ...)` inside WeChat's browser, waiting for
 *   `WeixinJSBridgeReady` when the bridge is not there yet; `err_msg` ok / cancel / fail normalised.
 * - `wechat_mini`: `wx.requestPayment(...)` inside a mini-program.
 * - `wechat_h5`: a redirect to the `h5_url` cashier (its `redirect_url` brings the payer back).
 * - `wechat_native`: the `code_url` QR payload for the page to render.
 * - `wechat_app`: the OpenSDK through `bridges.wechat`; `errCode` 0 / -2 / -1 normalised.
 * Every wallet answer is a hint: confirm with `waitForResult`.
 * @see https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/jsapi-transfer-payment.html
 * @see https://developers.weixin.qq.com/miniprogram/dev/api/payment/wx.requestPayment.html
 */
import { PayError, PayUnsupportedError, type Charge } from '@payweave/core';
import type { WechatBridgeResult } from '../bridges';
import type { ChargeFor, LaunchContext, Launcher, LaunchResult } from '../types';
import { callBridge } from './shared/bridge';
import { redirect } from './shared/navigate';
import { qrResult } from './shared/qr';

type WechatChannel = 'wechat_jsapi' | 'wechat_mini' | 'wechat_h5' | 'wechat_native' | 'wechat_app';
type JsapiParams = { appId: string; timeStamp: string; nonceStr: string; package: string; signType: string; paySign: string };

/** How long to wait for `WeixinJSBridgeReady` before concluding the page is not open in WeChat. */
export const BRIDGE_READY_TIMEOUT_MS = 5_000;

interface WeixinJSBridge {
  invoke(api: 'getBrandWCPayRequest', params: JsapiParams, callback: (res: { err_msg?: string; errMsg?: string }) => void): void;
}
interface MiniProgramWx {
  requestPayment(options: Omit<JsapiParams, 'appId'> & { success(res: unknown): void; fail(res: { errMsg?: string }): void }): void;
}

function failed(charge: Charge, code: string, message: string, raw?: unknown): LaunchResult {
  return { status: 'failed', charge, error: new PayError(message, { code, channel: charge.channel }), ...(raw !== undefined && { raw }) };
}

/** Map `getBrandWCPayRequest`'s `err_msg` (`get_brand_wcpay_request:ok|cancel|fail`) to a launch result. */
export function jsapiResult(res: { err_msg?: string; errMsg?: string } | undefined, charge: Charge): LaunchResult {
  const message = String(res?.err_msg ?? res?.errMsg ?? '');
  const outcome = message.slice(message.lastIndexOf(':') + 1).trim().toLowerCase();
  if (outcome === 'ok') return { status: 'succeeded', charge, raw: res };
  if (outcome === 'cancel') return { status: 'canceled', charge, raw: res };
  if (outcome.startsWith('fail')) return failed(charge, 'WALLET_PAYMENT_FAILED', `WeChat refused the payment (${message.slice(0, 80)}): check the appid and paySign`, res);
  return { status: 'pending', charge, raw: res };
}

/** Map the OpenSDK `PayResp.errCode` (0 paid, -2 canceled, -1 failed) to a launch result. */
export function wechatAppResult(raw: WechatBridgeResult | null | undefined, charge: Charge): LaunchResult {
  const code = Number(raw?.errCode);
  if (code === 0) return { status: 'succeeded', charge, raw };
  if (code === -2) return { status: 'canceled', charge, raw };
  if (code === -1) return failed(charge, 'WALLET_PAYMENT_FAILED', 'WeChat reported errCode -1: usually an appid, package or sign mismatch', raw);
  return { status: 'pending', charge, raw };
}

function waitForBridge(context: LaunchContext): Promise<WeixinJSBridge | undefined> {
  const window = context.document?.defaultView as (Window & { WeixinJSBridge?: WeixinJSBridge }) | null | undefined;
  if (!window || !context.document) return Promise.resolve(undefined);
  if (window.WeixinJSBridge) return Promise.resolve(window.WeixinJSBridge);
  const document = context.document;
  return new Promise((resolve) => {
    const done = () => {
      window.clearTimeout(timer);
      document.removeEventListener('WeixinJSBridgeReady', done);
      context.signal?.removeEventListener('abort', done);
      resolve(window.WeixinJSBridge);
    };
    const timer = window.setTimeout(done, BRIDGE_READY_TIMEOUT_MS);
    document.addEventListener('WeixinJSBridgeReady', done);
    context.signal?.addEventListener('abort', done);
  });
}

async function launchJsapi(charge: ChargeFor<'wechat_jsapi'>, context: LaunchContext): Promise<LaunchResult> {
  const { channel: _, ...params } = charge.credential;
  const bridge = await waitForBridge(context);
  if (!bridge) {
    const error = new PayUnsupportedError('WeixinJSBridge is not available: open this page in WeChat, or use wechat_h5 / wechat_native in other browsers', {
      code: 'WECHAT_BRIDGE_MISSING',
      channel: charge.channel,
    });
    return { status: 'failed', charge: charge as Charge, error };
  }
  return new Promise((resolve) => bridge.invoke('getBrandWCPayRequest', params, (res) => resolve(jsapiResult(res, charge as Charge))));
}

function launchMini(charge: ChargeFor<'wechat_mini'>): Promise<LaunchResult> {
  const wx = (globalThis as { wx?: MiniProgramWx }).wx;
  if (!wx || typeof wx.requestPayment !== 'function') {
    return Promise.resolve(failed(charge as Charge, 'WECHAT_BRIDGE_MISSING', 'wx.requestPayment is not available: wechat_mini charges are launched inside a WeChat mini-program'));
  }
  const { channel: _, appId: __, ...params } = charge.credential;
  return new Promise((resolve) =>
    wx.requestPayment({
      ...params,
      success: (res) => resolve({ status: 'succeeded', charge: charge as Charge, raw: res }),
      fail: (res) =>
        resolve(
          /cancel/i.test(res?.errMsg ?? '')
            ? { status: 'canceled', charge: charge as Charge, raw: res }
            : failed(charge as Charge, 'WALLET_PAYMENT_FAILED', `wx.requestPayment failed (${String(res?.errMsg ?? '').slice(0, 80)})`, res),
        ),
    }),
  );
}

/** Launches WeChat Pay charges on every surface. */
export const wechatLauncher: Launcher<WechatChannel> = {
  name: 'wechat',
  channels: ['wechat_jsapi', 'wechat_mini', 'wechat_h5', 'wechat_native', 'wechat_app'],
  async launch(charge, context) {
    const credential = charge.credential;
    switch (credential.channel) {
      case 'wechat_jsapi':
        return launchJsapi(charge as ChargeFor<'wechat_jsapi'>, context);
      case 'wechat_mini':
        return launchMini(charge as ChargeFor<'wechat_mini'>);
      case 'wechat_h5':
        redirect((credential as { url: string }).url, context);
        return { status: 'redirected', charge: charge as Charge };
      case 'wechat_native':
        return qrResult(charge as Charge, (credential as { codeUrl?: string }).codeUrl);
      default: {
        const { channel: _, ...params } = credential as ChargeFor<'wechat_app'>['credential'];
        const called = await callBridge('wechat', charge as Charge, context, (bridge) => bridge(params));
        return called.ok ? wechatAppResult(called.raw, charge as Charge) : called.result;
      }
    }
  },
};
