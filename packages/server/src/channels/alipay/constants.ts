/**
 * Alipay gateway constants: endpoints, method names, product codes, acknowledgement bodies.
 * @see https://opendocs.alipay.com/common/02kf5q (gateway and common parameters)
 */

/** Production gateway. */
export const PRODUCTION_GATEWAY = 'https://openapi.alipay.com/gateway.do';
/** Alipay's own sandbox (沙箱环境) gateway. */
export const SANDBOX_GATEWAY = 'https://openapi-sandbox.dl.alipaydev.com/gateway.do';

/** The gateway methods this channel calls or signs. */
export const METHODS = {
  appPay: 'alipay.trade.app.pay',
  pagePay: 'alipay.trade.page.pay',
  wapPay: 'alipay.trade.wap.pay',
  precreate: 'alipay.trade.precreate',
  pay: 'alipay.trade.pay',
  query: 'alipay.trade.query',
  close: 'alipay.trade.close',
  cancel: 'alipay.trade.cancel',
  refund: 'alipay.trade.refund',
  refundQuery: 'alipay.trade.fastpay.refund.query',
} as const;

/** `product_code` per surface. */
export const PRODUCT_CODES = {
  app: 'QUICK_MSECURITY_PAY',
  page: 'FAST_INSTANT_TRADE_PAY',
  wap: 'QUICK_WAP_WAY',
  barcode: 'FACE_TO_FACE_PAYMENT',
} as const;

/** `code` of a successful gateway call. */
export const CODE_SUCCESS = '10000';
/** `code` of `alipay.trade.pay` while the payer confirms in the wallet (sub_code often absent). */
export const CODE_USER_PAYING = '10003';

/** The notification acknowledgement Alipay looks for: exactly these seven bytes, nothing else. */
export const ACK_SUCCESS = 'success';
/** Any other body makes Alipay redeliver. */
export const ACK_FAILURE = 'failure';

/** Defaults of the barcode payment wait (Alipay's face-to-face guide: query every 5 s for 30 s, then cancel). */
export const BARCODE_DEFAULTS = { pollIntervalMs: 5_000, timeoutMs: 30_000 } as const;

/** The only notification type whose signature excludes `sign_type` as well as `sign` (see notify.ts). */
export const TRADE_STATUS_SYNC = 'trade_status_sync';
