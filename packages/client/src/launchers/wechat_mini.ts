/**
 * `@payweave/client/wechat_mini`: WeChat Pay inside a mini-program, through `wx.requestPayment(...)`.
 * @see https://developers.weixin.qq.com/miniprogram/dev/api/payment/wx.requestPayment.html
 */
import { failedWith } from '../result';
import type { Launcher } from '../types';

interface MiniProgramWx {
  requestPayment(options: object & { success(res: unknown): void; fail(res: { errMsg?: string }): void }): void;
}

/** Launches `wechat_mini` charges with `wx.requestPayment` (the credential without `appId`, which it does not take). */
export const wechatMiniLauncher: Launcher<'wechat_mini'> = {
  name: 'wechat_mini',
  channels: ['wechat_mini'],
  async launch(charge) {
    const wx = (globalThis as { wx?: MiniProgramWx }).wx;
    if (typeof wx?.requestPayment !== 'function') {
      return failedWith(charge, 'WECHAT_BRIDGE_MISSING', 'no wx.requestPayment: launch wechat_mini charges inside a WeChat mini-program');
    }
    const { channel: _, appId: __, ...params } = charge.credential;
    return new Promise((resolve) =>
      wx.requestPayment({
        ...params,
        success: (raw) => resolve({ status: 'succeeded', charge, raw }),
        fail: (raw) =>
          resolve(
            /cancel/i.test(raw?.errMsg ?? '')
              ? { status: 'canceled', charge, raw }
              : failedWith(charge, 'WALLET_PAYMENT_FAILED', `wx.requestPayment failed (${String(raw?.errMsg ?? '').slice(0, 80)})`, raw),
          ),
      }),
    );
  },
};
