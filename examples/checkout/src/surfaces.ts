/**
 * The web surfaces the checkout offers, one entry each. A surface shows up in the payment-method picker when its
 * provider is configured (real keys or the sandbox emulator), its channel supports it and its client launcher is
 * built. Adding a surface is adding a line here.
 */
import type { ChannelId, Provider } from '@payweave/core';

/** One way to pay in a browser. */
export interface Surface {
  channel: ChannelId;
  provider: Exclude<Provider, 'apple'>;
  /** The `@payweave/client/<launcher>` module that launches it (exports `<launcher>Launcher`). */
  launcher: string;
  label: string;
  hint: string;
  /** The gateway sends the payer's browser back to `returnUrl` (signed for Alipay and UnionPay). */
  browserReturn: boolean;
  /** The charge needs the payer's WeChat openid (JSAPI: a page opened inside WeChat). */
  needsOpenId?: boolean;
  /** The charge is a QR payload the payer scans with the wallet. */
  qr?: boolean;
}

export const SURFACES: readonly Surface[] = [
  { channel: 'alipay_page', provider: 'alipay', launcher: 'alipay', label: 'Alipay · desktop website', hint: '电脑网站支付: the Alipay cashier in this tab', browserReturn: true },
  { channel: 'alipay_wap', provider: 'alipay', launcher: 'alipay', label: 'Alipay · mobile website', hint: '手机网站支付: the mobile cashier, which opens the Alipay app on a phone', browserReturn: true },
  { channel: 'alipay_qr', provider: 'alipay', launcher: 'alipay', label: 'Alipay · scan a QR code', hint: '当面付 precreate: a code the payer scans with Alipay', browserReturn: false, qr: true },
  { channel: 'wechat_jsapi', provider: 'wechat', launcher: 'wechat', label: 'WeChat Pay · inside WeChat (JSAPI)', hint: 'WeixinJSBridge; outside WeChat the sandbox provides a stand-in bridge', browserReturn: false, needsOpenId: true },
  { channel: 'wechat_h5', provider: 'wechat', launcher: 'wechat', label: 'WeChat Pay · mobile browser (H5)', hint: 'the h5_url cashier, which brings the payer back here', browserReturn: true },
  { channel: 'wechat_native', provider: 'wechat', launcher: 'wechat', label: 'WeChat Pay · scan a QR code (Native)', hint: 'a code_url the payer scans with WeChat', browserReturn: false, qr: true },
  { channel: 'unionpay_wap', provider: 'unionpay', launcher: 'unionpay', label: 'UnionPay · mobile website', hint: '手机网页支付: a form posted to the UnionPay gateway', browserReturn: true },
  { channel: 'unionpay_page', provider: 'unionpay', launcher: 'unionpay', label: 'UnionPay · desktop website', hint: '网关支付: a form posted to the UnionPay gateway', browserReturn: true },
];

/** What the browser needs to know about a surface (serialised into the page). */
export type PublicSurface = Pick<Surface, 'channel' | 'provider' | 'launcher' | 'label' | 'hint' | 'browserReturn' | 'needsOpenId' | 'qr'>;
