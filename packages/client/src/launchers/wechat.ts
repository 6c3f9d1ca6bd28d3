/**
 * `@payweave/client/wechat`: WeChat Pay on every client surface, for apps that offer several. A page that uses one
 * surface imports its own module instead and bundles only that:
 * - `wechat_jsapi` (`@payweave/client/wechat_jsapi`): `WeixinJSBridge` inside WeChat's browser.
 * - `wechat_mini` (`/wechat_mini`): `wx.requestPayment(...)` inside a mini-program.
 * - `wechat_h5` (`/wechat_h5`): a redirect to the `h5_url` cashier.
 * - `wechat_native` (`/wechat_native`): the `code_url` QR payload for the page to render.
 * - `wechat_app` (`/wechat_app`): the OpenSDK through `bridges.wechat`.
 * Every wallet answer is a hint: confirm with `waitForResult`.
 */
import type { Launcher } from '../types';
import { combineLaunchers } from './shared/combine';
import { wechatAppLauncher } from './wechat_app';
import { wechatH5Launcher } from './wechat_h5';
import { wechatJsapiLauncher } from './wechat_jsapi';
import { wechatMiniLauncher } from './wechat_mini';
import { wechatNativeLauncher } from './wechat_native';

export { BRIDGE_READY_TIMEOUT_MS, jsapiResult, wechatJsapiLauncher } from './wechat_jsapi';
export { wechatAppLauncher, wechatAppResult } from './wechat_app';
export { wechatH5Launcher } from './wechat_h5';
export { wechatMiniLauncher } from './wechat_mini';
export { wechatNativeLauncher } from './wechat_native';

/** Launches WeChat Pay charges on every surface. */
export const wechatLauncher: Launcher<'wechat_jsapi' | 'wechat_mini' | 'wechat_h5' | 'wechat_native' | 'wechat_app'> = /* @__PURE__ */ combineLaunchers('wechat', {
  wechat_jsapi: wechatJsapiLauncher,
  wechat_mini: wechatMiniLauncher,
  wechat_h5: wechatH5Launcher,
  wechat_native: wechatNativeLauncher,
  wechat_app: wechatAppLauncher,
});
