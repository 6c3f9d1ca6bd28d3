/**
 * APIv3 domestic refunds: create and query by merchant refund number.
 * @see https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/create.html
 * @see https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/query-by-out-refund-no.html
 */
import { PayError } from '@payweave/core';
import type { RefundRequest, RefundResult, StoredCharge } from '../../../types';
import { V3_PATHS } from '../../constants';
import { isoTime, refundStatusOf } from '../../map';
import { parseReply, RefundSchema, type RefundReply } from '../../schemas';
import { callV3, type V3Client } from '../api';

function toResult(reply: RefundReply, refundNo: string): RefundResult {
  if (reply.out_refund_no !== refundNo) {
    throw new PayError('WeChat Pay answered for another refund', { channel: 'wechat', code: 'MERCHANT_MISMATCH' });
  }
  const succeededAt = isoTime(reply.success_time);
  return { status: refundStatusOf(reply.status), channelRefundNo: reply.refund_id, ...(succeededAt && { succeededAt }), raw: reply };
}

/** Request a refund of `refund.amount` fen of the charge. */
export async function refundV3(client: V3Client, charge: StoredCharge, refund: RefundRequest, notifyUrl: string | undefined): Promise<RefundResult> {
  const body: Record<string, unknown> = { out_trade_no: charge.orderNo, out_refund_no: refund.refundNo };
  if (refund.reason) body.reason = refund.reason;
  if (notifyUrl) body.notify_url = notifyUrl;
  body.amount = { refund: refund.amount, total: charge.amount, currency: charge.currency };
  const reply = await callV3(client, 'refund', 'POST', V3_PATHS.refunds, body);
  return toResult(parseReply(RefundSchema, reply.data, 'refund'), refund.refundNo);
}

/** Query a refund's state. */
export async function queryRefundV3(client: V3Client, refund: Pick<RefundRequest, 'refundNo'>): Promise<RefundResult> {
  const reply = await callV3(client, 'refund query', 'GET', V3_PATHS.refund(refund.refundNo));
  return toResult(parseReply(RefundSchema, reply.data, 'refund query'), refund.refundNo);
}
