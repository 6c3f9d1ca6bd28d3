/**
 * Payment-creating methods: `alipay.trade.page.pay` / `.wap.pay` (the browser arrives with the signed request and
 * sees the cashier), `alipay.trade.precreate` (a QR code that opens the cashier), `alipay.trade.pay` (a scanned
 * payment code: the last digit of the code picks the outcome, see the README), and `alipay.trade.app.pay` orders
 * handed to the sandbox "wallet".
 * @see https://opendocs.alipay.com/open/8ad49e4a_alipay.trade.precreate
 * @see https://opendocs.alipay.com/open/1f1fe18c_alipay.trade.pay
 */
import { toYuan } from '@payweave/core';
import type { GatewayContext, RouteArgs } from '../../../types';
import { AlipayRefusal, reply } from '../replies';
import { bizString, type AlipayRequest } from '../request';
import { beijingTime } from '../protocol';
import { newTradeNo, notifyTrade } from '../trades';
import { openTrade } from './orders';

/** Page and wap pay: the answer is the cashier page itself. */
export function browserPay(context: GatewayContext, call: AlipayRequest): Response {
  const order = openTrade(context, call, call.method === 'alipay.trade.wap.pay' ? 'wap' : 'page');
  return context.cashierPage(order);
}

/** Precreate: the QR code is a link to the sandbox cashier. */
export async function precreate(context: GatewayContext, call: AlipayRequest, args: RouteArgs): Promise<Response> {
  const order = openTrade(context, call, 'qr');
  return reply(call.method, { code: '10000', msg: 'Success', out_trade_no: order.orderNo, qr_code: context.cashierUrl(args.origin, order.orderNo) });
}

/** Barcode pay. Auth code ending in 1: the payer must confirm (USERPAYING); 2: balance too low; 3: invalid code. */
export async function barcodePay(context: GatewayContext, call: AlipayRequest): Promise<Response> {
  const authCode = bizString(call.biz, 'auth_code');
  if (call.biz.scene !== 'bar_code') throw new AlipayRefusal('40002', 'isv.invalid-parameter', 'scene 必须是 bar_code');
  if (authCode.endsWith('3') || !/^\d{16,24}$/.test(authCode)) throw new AlipayRefusal('40004', 'ACQ.PAYMENT_AUTH_CODE_INVALID', '支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款');
  if (authCode.endsWith('2')) throw new AlipayRefusal('40004', 'ACQ.BUYER_BALANCE_NOT_ENOUGH', '买家余额不足');
  const opened = openTrade(context, call, 'barcode');
  const order = context.orders.update('alipay', opened.orderNo, { channelTradeNo: opened.channelTradeNo ?? newTradeNo(context) });
  const common = { trade_no: order.channelTradeNo, out_trade_no: order.orderNo, buyer_logon_id: 'san***@sandbox.test', total_amount: toYuan(order.amount) };
  if (authCode.endsWith('1')) return reply(call.method, { code: '10003', msg: ' order success pay inprocess', ...common });
  const paid = context.orders.update('alipay', order.orderNo, { status: 'succeeded', paidAt: new Date(context.clock()).toISOString() });
  notifyTrade(paid, context);
  return reply(call.method, {
    code: '10000',
    msg: 'Success',
    ...common,
    receipt_amount: toYuan(paid.amount),
    gmt_payment: beijingTime(context.clock()),
    fund_bill_list: [{ fund_channel: 'ALIPAYACCOUNT', amount: toYuan(paid.amount) }],
    buyer_user_id: '2088000000000099',
  });
}

/** The sandbox wallet: an app hands it the order string; the answer says where the payer confirms. */
export function appPay(context: GatewayContext, call: AlipayRequest, args: RouteArgs): Response {
  const order = openTrade(context, call, 'app');
  return Response.json({ resultStatus: '8000', memo: 'confirm on the sandbox cashier', cashierUrl: context.cashierUrl(args.origin, order.orderNo) });
}
