/**
 * The exact acknowledgement each gateway waits for before it stops retrying a notification. Emulators pass one of
 * these as `isAcknowledged`; anything else (a 200 with the wrong body included) means "retry".
 */
import type { DeliveryResponse } from './types';

const WECHAT_V2_SUCCESS = /<return_code>\s*(?:<!\[CDATA\[SUCCESS\]\]>|SUCCESS)\s*<\/return_code>/;

/** Acknowledgement predicates per gateway (and WeChat API version). */
export const ACKNOWLEDGEMENTS = {
  /** Body exactly `success`, nothing else (protocols.md §1.6). */
  alipay: (response: DeliveryResponse) => response.status === 200 && response.body === 'success',
  /** HTTP 200 or 204; the body is not required (protocols.md §3.3). */
  wechatV3: (response: DeliveryResponse) => response.status === 200 || response.status === 204,
  /** HTTP 200 with an XML `return_code` of SUCCESS (protocols.md §2.4). */
  wechatV2: (response: DeliveryResponse) => response.status === 200 && WECHAT_V2_SUCCESS.test(response.body),
  /** HTTP 200; the body is irrelevant (protocols.md §4.5). */
  unionpay: (response: DeliveryResponse) => response.status === 200,
  /** Any status from 200 to 206. https://developer.apple.com/documentation/appstoreservernotifications/responding-to-app-store-server-notifications */
  apple: (response: DeliveryResponse) => response.status >= 200 && response.status <= 206,
} as const;
