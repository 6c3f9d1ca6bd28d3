/**
 * Channel ids (`<provider>_<surface>`) and the rules each channel puts on a charge request.
 * Pure data, no zod: the client imports it freely.
 */
import { PayValidationError } from './errors';

export const PROVIDERS = ['alipay', 'wechat', 'unionpay', 'apple'] as const;
/** A payment provider (gateway). */
export type Provider = (typeof PROVIDERS)[number];

export const CHANNEL_IDS = [
  'alipay_app',
  'alipay_wap',
  'alipay_page',
  'alipay_qr',
  'alipay_barcode',
  'wechat_app',
  'wechat_jsapi',
  'wechat_mini',
  'wechat_h5',
  'wechat_native',
  'wechat_barcode',
  'unionpay_app',
  'unionpay_wap',
  'unionpay_page',
] as const;
/** A charge channel: a provider and the surface the payer pays on. */
export type ChannelId = (typeof CHANNEL_IDS)[number];

/** What a channel requires of a `CreateChargeInput`, beyond the common schema. */
export interface ChannelRule {
  provider: Exclude<Provider, 'apple'>;
  /** Merchant order number: allowed characters and length, as the gateway documents them. */
  orderNo: { pattern: RegExp; min: number; max: number; describe: string };
  /** Longest subject the gateway accepts (characters). */
  subjectMax: number;
  requiresOpenId?: boolean;
  requiresAuthCode?: boolean;
  requiresClientIp?: boolean;
  /** The payer is sent to a cashier page in a browser: `returnUrl` is meaningful. */
  browserReturn?: boolean;
}

// Alipay out_trade_no: up to 64 chars, letters, digits, underscore.
// https://opendocs.alipay.com/open/59da99d0_alipay.trade.page.pay
const ALIPAY_ORDER_NO = { pattern: /^[A-Za-z0-9_]+$/, min: 1, max: 64, describe: '1-64 letters, digits or _' };
// WeChat Pay v3 out_trade_no: 6-32 chars of digits, letters, _ - * (v2 also allows | and @; we keep the common set).
// https://pay.weixin.qq.com/doc/v3/merchant/4012791856
const WECHAT_ORDER_NO = { pattern: /^[A-Za-z0-9_*-]+$/, min: 6, max: 32, describe: '6-32 letters, digits, _, - or *' };
// UnionPay ACP orderId: 8-40 letters and digits, no '-' or '_'.
// https://open.unionpay.com/tjweb/acproduct/APIList?acpAPIId=275&apiservId=448
const UNIONPAY_ORDER_NO = { pattern: /^[A-Za-z0-9]+$/, min: 8, max: 40, describe: '8-40 letters or digits (no - or _)' };

const alipay = (extra: Partial<ChannelRule> = {}): ChannelRule => ({ provider: 'alipay', orderNo: ALIPAY_ORDER_NO, subjectMax: 256, ...extra });
const wechat = (extra: Partial<ChannelRule> = {}): ChannelRule => ({ provider: 'wechat', orderNo: WECHAT_ORDER_NO, subjectMax: 127, ...extra });
const unionpay = (extra: Partial<ChannelRule> = {}): ChannelRule => ({
  provider: 'unionpay',
  orderNo: UNIONPAY_ORDER_NO,
  subjectMax: 32,
  requiresClientIp: true,
  ...extra,
});

/** Per-channel rules, keyed by channel id. */
export const CHANNEL_RULES: Readonly<Record<ChannelId, ChannelRule>> = {
  alipay_app: alipay(),
  alipay_wap: alipay({ browserReturn: true }),
  alipay_page: alipay({ browserReturn: true }),
  alipay_qr: alipay(),
  alipay_barcode: alipay({ requiresAuthCode: true }),
  wechat_app: wechat(),
  wechat_jsapi: wechat({ requiresOpenId: true }),
  wechat_mini: wechat({ requiresOpenId: true }),
  wechat_h5: wechat({ requiresClientIp: true, browserReturn: true }),
  wechat_native: wechat(),
  wechat_barcode: wechat({ requiresAuthCode: true }),
  unionpay_app: unionpay(),
  unionpay_wap: unionpay({ browserReturn: true }),
  unionpay_page: unionpay({ browserReturn: true }),
};

/** True when `value` is one of the channel ids payweave knows. */
export function isChannelId(value: unknown): value is ChannelId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CHANNEL_RULES, value);
}

/** True when `value` is a provider name. */
export function isProvider(value: unknown): value is Provider {
  return typeof value === 'string' && (PROVIDERS as readonly string[]).includes(value);
}

/** The provider behind a channel id: `providerOf('wechat_h5') === 'wechat'`. */
export function providerOf(channel: ChannelId): Exclude<Provider, 'apple'> {
  if (!isChannelId(channel)) {
    throw new PayValidationError(`unknown channel ${describeChannel(channel)}: expected one of ${CHANNEL_IDS.join(', ')}`, [
      { path: 'channel', message: 'expected a channel id' },
    ]);
  }
  return CHANNEL_RULES[channel].provider;
}

function describeChannel(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
}
