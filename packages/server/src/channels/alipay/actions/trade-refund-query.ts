/**
 * `alipay.trade.fastpay.refund.query`: the state of one refund request (`out_request_no`). Alipay documents that a
 * reply with refund data and an empty or `REFUND_SUCCESS` `refund_status` is a successful refund; a reply without
 * refund data means the refund has not (yet) succeeded.
 * @see https://opendocs.alipay.com/open/357441a2_alipay.trade.fastpay.refund.query
 */
import type { RefundResult } from '../../types';
import { callForSuccess } from '../api';
import { METHODS } from '../constants';
import { isoTimeOf } from '../map';
import type { AlipayRuntime } from '../runtime';
import { parseReply, RefundQueryReplySchema } from '../schemas';

/** Query refund `refundNo` of order `orderNo`. */
export async function queryRefund(runtime: AlipayRuntime, orderNo: string, refundNo: string): Promise<RefundResult> {
  const method = METHODS.refundQuery;
  const biz = { out_trade_no: orderNo, out_request_no: refundNo, query_options: ['gmt_refund_pay'] };
  const reply = parseReply(RefundQueryReplySchema, await callForSuccess(runtime, { method, bizContent: biz }), method);
  const hasData = Boolean(reply.refund_amount);
  const succeeded = hasData && (!reply.refund_status || reply.refund_status === 'REFUND_SUCCESS');
  const succeededAt = succeeded ? isoTimeOf(reply.gmt_refund_pay) : undefined;
  return {
    status: succeeded ? 'succeeded' : 'pending',
    ...(succeededAt ? { succeededAt } : {}),
    raw: reply,
  };
}
