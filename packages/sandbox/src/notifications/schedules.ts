/**
 * How long each gateway waits before retrying an unacknowledged notification: the delays between attempts, in real
 * milliseconds, before `timeScale`. The first attempt is immediate; after the last delay's attempt fails, it gives up.
 */
import type { Provider } from '@payweave/core';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Retry delays per provider. */
export const RETRY_SCHEDULES: Readonly<Record<Provider, readonly number[]>> = {
  // 8 notifications within 25 hours: 4m, 10m, 10m, 1h, 2h, 6h, 15h.
  // https://opendocs.alipay.com/open/270/105902 (异步通知说明)
  alipay: [4 * MINUTE, 10 * MINUTE, 10 * MINUTE, HOUR, 2 * HOUR, 6 * HOUR, 15 * HOUR],
  // APIv3 (and v2) payment notifications: 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h, 24h4m in total.
  // https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/payment-notice.html
  wechat: [
    15 * SECOND, 15 * SECOND, 30 * SECOND, 3 * MINUTE, 10 * MINUTE, 20 * MINUTE, 30 * MINUTE, 30 * MINUTE,
    30 * MINUTE, 60 * MINUTE, 3 * HOUR, 3 * HOUR, 3 * HOUR, 6 * HOUR, 6 * HOUR,
  ],
  // ACP back notification: up to 5 sends, retried after 1, 2, 4 and 5 minutes (protocols.md §4.5).
  unionpay: [MINUTE, 2 * MINUTE, 4 * MINUTE, 5 * MINUTE],
  // App Store Server Notifications V2 (production): five retries at 1, 12, 24, 48 and 72 hours after the previous
  // attempt. Apple's own sandbox sends once; an emulator that wants that passes `schedule: []`.
  // https://developer.apple.com/documentation/appstoreservernotifications/responding-to-app-store-server-notifications
  apple: [HOUR, 12 * HOUR, 24 * HOUR, 48 * HOUR, 72 * HOUR],
};
