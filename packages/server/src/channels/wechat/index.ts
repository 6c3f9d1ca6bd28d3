/**
 * `@payweave/server/wechat`: the WeChat Pay channel factory.
 * @see https://pay.weixin.qq.com/docs/merchant/development/interface-rules/introduction.html
 */
import { WechatChannel } from './channel';
import { resolveWechatConfig, type WechatConfig } from './config';

export type { WechatConfig } from './config';
export type { WechatChannel } from './channel';

/**
 * A WeChat Pay channel for `createPayServer({ channels: [wechat({...})] })`. The config is validated and every key
 * parsed now: a wrong key throws `PayConfigError` here, not on the first payment.
 */
export function wechat(config: WechatConfig): WechatChannel {
  return new WechatChannel(resolveWechatConfig(config));
}
