/**
 * Refunds: `alipay.trade.refund` (idempotent on `out_request_no`: a repeat answers `fund_change=N`) and
 * `alipay.trade.fastpay.refund.query`. A refund also sends a `trade_status_sync` carrying `out_biz_no` and the total
 * `refund_fee`, TRADE_CLOSED once fully refunded.
 * @see https://opendocs.alipay.com/open/f60979b3_alipay.trade.refund
 * @see https://opendocs.alipay.com/open/357441a2_alipay.trade.fastpay.refund.query
 */
import { fromYuan, toYuan } from '@payweave/core';
import type { GatewayContext } from '../../../types';
import { AlipayRefusal, reply } from '../replies';
import { bizString, type AlipayRequest } from '../request';
import { beijingTime } from '../protocol';
import { notifyTrade, refundedOf, refundsOf } from '../trades';

function refundAmount(yuan: string): number {
  try {
    const fen = fromYuan(yuan);
    if (fen > 0) return fen;
  } catch {
    // refused below
  }
  throw new AlipayRefusal('40002', 'isv.invalid-parameter', `refund_amount 不合法: ${yuan}`);
}

/** Refund (part of) a paid trade. */
export async function refund(context: GatewayContext, call: AlipayRequest): Promise<Response> {
  const orderNo = bizString(call.biz, 'out_trade_no');
  const order = context.orders.get('alipay', orderNo);
  if (!order) throw new AlipayRefusal('40004', 'ACQ.TRADE_NOT_EXIST', '交易不存在');
  if (order.status !== 'succeeded') throw new AlipayRefusal('40004', 'ACQ.TRADE_STATUS_ERROR', '交易状态非法');
  const amount = refundAmount(bizString(call.biz, 'refund_amount'));
  const outRequestNo = typeof call.biz.out_request_no === 'string' && call.biz.out_request_no ? call.biz.out_request_no : orderNo;
  const base = { code: '10000', msg: 'Success', trade_no: order.channelTradeNo, out_trade_no: orderNo, buyer_logon_id: 'san***@sandbox.test' };
  const known = refundsOf(order).find((r) => r.outRequestNo === outRequestNo);
  if (known) return reply(call.method, { ...base, fund_change: 'N', refund_fee: toYuan(refundedOf(order)) });
  if (refundedOf(order) + amount > order.amount) throw new AlipayRefusal('40004', 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限');
  const at = context.clock();
  const updated = context.orders.update('alipay', orderNo, { data: { refunds: [...refundsOf(order), { outRequestNo, amount, at }] } });
  const refundFields = () => ({ out_biz_no: outRequestNo, refund_fee: toYuan(refundedOf(updated)), gmt_refund: `${beijingTime(at)}.000` });
  notifyTrade(updated, context, refundFields);
  return reply(call.method, { ...base, fund_change: 'Y', refund_fee: toYuan(refundedOf(updated)), gmt_refund_pay: beijingTime(at) });
}

/** Query one refund request; an unknown one answers success without refund data, as Alipay does. */
export async function refundQuery(context: GatewayContext, call: AlipayRequest): Promise<Response> {
  const orderNo = bizString(call.biz, 'out_trade_no');
  const order = context.orders.get('alipay', orderNo);
  if (!order) throw new AlipayRefusal('40004', 'ACQ.TRADE_NOT_EXIST', '交易不存在');
  const outRequestNo = bizString(call.biz, 'out_request_no');
  const found = refundsOf(order).find((r) => r.outRequestNo === outRequestNo);
  const base = { code: '10000', msg: 'Success', trade_no: order.channelTradeNo, out_trade_no: orderNo, out_request_no: outRequestNo };
  if (!found) return reply(call.method, base);
  return reply(call.method, {
    ...base,
    total_amount: toYuan(order.amount),
    refund_amount: toYuan(found.amount),
    refund_status: 'REFUND_SUCCESS',
    gmt_refund_pay: beijingTime(found.at),
  });
}
