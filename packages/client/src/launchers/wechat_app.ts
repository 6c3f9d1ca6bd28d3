/**
 * `@payweave/client/wechat_app`: WeChat Pay in a native app, through the OpenSDK the app injects as
 * `bridges.wechat`; `errCode` 0 / -2 / -1 normalised. The answer is a hint: confirm with `waitForResult`.
 * @see https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_2_4.shtml
 */
import type { Charge } from '@payweave/core';
import type { WechatBridgeResult } from '../bridges';
import { failedWith } from '../result';
import type { Launcher, LaunchResult } from '../types';
import { callBridge } from './shared/bridge';

/** Map the OpenSDK `PayResp.errCode` (0 paid, -2 canceled, -1 failed) to a launch result. */
export function wechatAppResult(raw: WechatBridgeResult | null | undefined, charge: Charge): LaunchResult {
  const code = Number(raw?.errCode);
  if (code === -1) return failedWith(charge, 'WALLET_PAYMENT_FAILED', 'WeChat reported errCode -1: usually an appid, package or sign mismatch', raw);
  return { status: code === 0 ? 'succeeded' : code === -2 ? 'canceled' : 'pending', charge, raw };
}

/** Launches `wechat_app` charges: the credential's `PayReq` fields to `bridges.wechat`. */
export const wechatAppLauncher: Launcher<'wechat_app'> = {
  name: 'wechat_app',
  channels: ['wechat_app'],
  async launch(charge, context) {
    const { channel: _, ...params } = charge.credential;
    const called = await callBridge('wechat', charge, context, (bridge) => bridge(params));
    return called.ok ? wechatAppResult(called.raw, charge) : called.result;
  },
};
