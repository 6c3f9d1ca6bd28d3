/**
 * The business parameters every payment-creating method shares (`biz_content`), from a validated charge request.
 * Key order is fixed (it shapes the exact `biz_content` string that is signed and sent; vector A1 uses this order).
 * @see https://opendocs.alipay.com/open/cd12c885_alipay.trade.app.pay (请求参数)
 */
import { toYuan } from '@payweave/core';
import type { ChargeRequest } from '../../types';
import { isoToBeijingTime } from '../time';

/** `biz_content` members for a new trade; `productCode` is omitted for methods that do not take one. */
export function chargeBiz(request: ChargeRequest, productCode?: string): Record<string, unknown> {
  return {
    out_trade_no: request.orderNo,
    total_amount: toYuan(request.amount),
    subject: request.subject,
    product_code: productCode,
    body: request.body,
    // time_expire is an absolute Beijing time (timeout_express is relative); the payer cannot pay after it.
    time_expire: request.expiresAt ? isoToBeijingTime(request.expiresAt) : undefined,
    // Returned verbatim in the notification; Alipay asks for it URL-encoded.
    passback_params: request.metadata ? encodeURIComponent(JSON.stringify(request.metadata)) : undefined,
  };
}
