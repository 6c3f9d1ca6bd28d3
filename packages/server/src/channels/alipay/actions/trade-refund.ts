/**
 * `alipay.trade.refund`: refund (part of) a paid trade. `out_request_no` (our refundNo) makes the call idempotent:
 * a repeat returns the first result with `fund_change=N`, so an `N` is confirmed by a refund query, never assumed.
 * @see https://opendocs.alipay.com/open/f60979b3_alipay.trade.refund
 */
import { toYuan } from '@payweave/core';
import type { RefundRequest, RefundResult, StoredCharge } from '../../types';
import { callForSuccess } from '../api';
import { METHODS } from '../constants';
import { isoTimeOf } from '../map';
import type { AlipayRuntime } from '../runtime';
import { parseReply, RefundReplySchema } from '../schemas';
import { queryRefund } from './trade-refund-query';

/** Refund `refund.amount` fen of `charge`. */
export async function refundTrade(runtime: AlipayRuntime, charge: StoredCharge, refund: RefundRequest): Promise<RefundResult> {
  const method = METHODS.refund;
  const biz = {
    out_trade_no: charge.orderNo,
    refund_amount: toYuan(refund.amount),
    out_request_no: refund.refundNo,
    refund_reason: refund.reason,
  };
  const reply = parseReply(RefundReplySchema, await callForSuccess(runtime, { method, bizContent: biz }), method);
  if (reply.fund_change !== 'Y') return queryRefund(runtime, charge.orderNo, refund.refundNo);
  const succeededAt = isoTimeOf(reply.gmt_refund_pay);
  return {
    status: 'succeeded',
    ...(succeededAt ? { succeededAt } : {}),
    raw: reply,
  };
}
