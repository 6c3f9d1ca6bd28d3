/**
 * WeChat Pay gateway constants: hosts, APIv3 paths, APIv2 endpoints, signature schema names and acknowledgements.
 * @see https://pay.weixin.qq.com/docs/merchant/development/interface-rules/introduction.html
 */

/** Production host for both API versions (backup: https://api2.mch.weixin.qq.com). */
export const WECHAT_BASE_URL = 'https://api.mch.weixin.qq.com';

/** Signature schema of APIv3 requests and responses. */
export const AUTHORIZATION_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';

/** Largest accepted |now - Wechatpay-Timestamp|, in seconds. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** WeChat's signature probes start with this; they never verify and are rejected like any bad signature. */
export const SIGNATURE_PROBE_PREFIX = 'WECHATPAY/SIGNTEST/';

/** The only notification/certificate encryption algorithm WeChat uses. */
export const RESOURCE_ALGORITHM = 'AEAD_AES_256_GCM';

/** APIv3 paths. */
export const V3_PATHS = {
  prepay: {
    wechat_jsapi: '/v3/pay/transactions/jsapi',
    wechat_mini: '/v3/pay/transactions/jsapi',
    wechat_app: '/v3/pay/transactions/app',
    wechat_h5: '/v3/pay/transactions/h5',
    wechat_native: '/v3/pay/transactions/native',
  },
  queryByOrderNo: (orderNo: string) => `/v3/pay/transactions/out-trade-no/${encodeURIComponent(orderNo)}`,
  close: (orderNo: string) => `/v3/pay/transactions/out-trade-no/${encodeURIComponent(orderNo)}/close`,
  refunds: '/v3/refund/domestic/refunds',
  refund: (refundNo: string) => `/v3/refund/domestic/refunds/${encodeURIComponent(refundNo)}`,
  certificates: '/v3/certificates',
} as const;

/** APIv2 endpoints (`/secapi/...` require the merchant client certificate: mutual TLS). */
export const V2_PATHS = {
  unifiedorder: '/pay/unifiedorder',
  orderquery: '/pay/orderquery',
  closeorder: '/pay/closeorder',
  micropay: '/pay/micropay',
  reverse: '/secapi/pay/reverse',
  refund: '/secapi/pay/refund',
  refundquery: '/pay/refundquery',
} as const;

/** APIv2 acknowledgement bodies (CDATA as in the official samples). */
export const V2_ACK = {
  success: '<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>',
  failure: (message: string) =>
    `<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[${message.replace(/]]>/g, '')}]]></return_msg></xml>`,
} as const;

/** The micropay recipe: after USERPAYING, query every 5 s; after 30 s without success, reverse. */
export const MICROPAY_POLL = { intervalMs: 5_000, timeoutMs: 30_000, reverseAttempts: 3 } as const;
