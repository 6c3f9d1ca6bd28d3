/**
 * Trade management: `alipay.trade.query`, `.close` and `.cancel` on the sandbox's order book.
 * @see https://opendocs.alipay.com/open/82ea786a_alipay.trade.query
 * @see https://opendocs.alipay.com/open/e84f0d79_alipay.trade.close
 * @see https://opendocs.alipay.com/open/13399511_alipay.trade.cancel
 */
import { toYuan } from '@payweave/core';
import type { GatewayContext, SandboxOrder } from '../../../types';
import { AlipayRefusal, reply } from '../replies';
import { bizString, type AlipayRequest } from '../request';
import { beijingTime } from '../protocol';
import { newTradeNo, tradeStatus } from '../trades';

function findTrade(context: GatewayContext, call: AlipayRequest): SandboxOrder {
  const order = context.orders.get('alipay', bizString(call.biz, 'out_trade_no'));
  if (!order) throw new AlipayRefusal('40004', 'ACQ.TRADE_NOT_EXIST', '交易不存在');
  return order;
}

/** Query: the trade's status, amount and payment time. */
export async function query(context: GatewayContext, call: AlipayRequest): Promise<Response> {
  const order = findTrade(context, call);
  return reply(call.method, {
    code: '10000',
    msg: 'Success',
    trade_no: order.channelTradeNo ?? '',
    out_trade_no: order.orderNo,
    buyer_logon_id: 'san***@sandbox.test',
    trade_status: tradeStatus(order),
    total_amount: toYuan(order.amount),
    ...(order.paidAt ? { send_pay_date: beijingTime(Date.parse(order.paidAt)) } : {}),
  });
}

/** Close: only an unpaid trade. */
export async function close(context: GatewayContext, call: AlipayRequest): Promise<Response> {
  const order = findTrade(context, call);
  if (order.status === 'succeeded') throw new AlipayRefusal('40004', 'ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
  context.orders.update('alipay', order.orderNo, { status: 'closed' });
  return reply(call.method, { code: '10000', msg: 'Success', trade_no: order.channelTradeNo ?? '', out_trade_no: order.orderNo });
}

/** Cancel: closes an unpaid trade, refunds a paid one (action close/refund). */
export async function cancel(context: GatewayContext, call: AlipayRequest): Promise<Response> {
  const order = findTrade(context, call);
  const action = order.status === 'succeeded' ? 'refund' : 'close';
  const tradeNo = order.channelTradeNo ?? newTradeNo(context);
  context.orders.update('alipay', order.orderNo, { status: 'closed', channelTradeNo: tradeNo });
  return reply(call.method, { code: '10000', msg: 'Success', trade_no: tradeNo, out_trade_no: order.orderNo, retry_flag: 'N', action });
}
