/**
 * The emulator's view of a trade: trade numbers, `trade_status`, and the signed messages a settled trade produces
 * (the `trade_status_sync` notification and the browser return).
 * @see https://opendocs.alipay.com/open/270/105902 (异步通知参数)
 * @see https://opendocs.alipay.com/open/270/105899 (同步跳转 return_url)
 */
import { toYuan } from '@payweave/core';
import { ACKNOWLEDGEMENTS } from '../../notifications/acknowledgements';
import type { GatewayContext, SandboxOrder } from '../../types';
import { SANDBOX_APP_ID, SANDBOX_SELLER_ID } from './keys';
import { beijingTime, signMessage, type AlipayFields } from './protocol';

/** One refund recorded on a trade. */
export interface SandboxRefund {
  outRequestNo: string;
  amount: number;
  at: number;
}

/** Refunds recorded on an order. */
export const refundsOf = (order: SandboxOrder): SandboxRefund[] => (order.data.refunds as SandboxRefund[] | undefined) ?? [];
/** Total refunded, in fen. */
export const refundedOf = (order: SandboxOrder): number => refundsOf(order).reduce((sum, refund) => sum + refund.amount, 0);

/** A 28-digit trade number like Alipay's (`2024010222001` + sequence). */
export function newTradeNo(context: GatewayContext): string {
  const day = beijingTime(context.clock()).slice(0, 10).replace(/-/g, '');
  return `${day}22001${String(context.nextSequence()).padStart(15, '0')}`;
}

/** `trade_status` of an order: a fully refunded trade is closed. */
export function tradeStatus(order: SandboxOrder): string {
  if (order.status === 'pending') return 'WAIT_BUYER_PAY';
  if (order.status === 'succeeded') return refundedOf(order) >= order.amount ? 'TRADE_CLOSED' : 'TRADE_SUCCESS';
  return 'TRADE_CLOSED';
}

const paidAtOf = (order: SandboxOrder) => beijingTime(order.paidAt ? Date.parse(order.paidAt) : Date.parse(order.createdAt));

/** Fields every notification about `order` carries. */
function notificationFields(order: SandboxOrder, context: GatewayContext): AlipayFields {
  const total = toYuan(order.amount);
  const passback = order.data.passbackParams as string | undefined;
  return {
    notify_time: beijingTime(context.clock()),
    notify_type: 'trade_status_sync',
    notify_id: `sandbox${String(context.nextSequence()).padStart(12, '0')}`,
    app_id: SANDBOX_APP_ID,
    auth_app_id: SANDBOX_APP_ID,
    charset: 'utf-8',
    version: '1.0',
    trade_no: order.channelTradeNo ?? '',
    out_trade_no: order.orderNo,
    buyer_id: '2088000000000099',
    buyer_logon_id: 'san***@sandbox.test',
    seller_id: SANDBOX_SELLER_ID,
    trade_status: tradeStatus(order),
    total_amount: total,
    receipt_amount: total,
    invoice_amount: total,
    buyer_pay_amount: total,
    point_amount: '0.00',
    subject: order.subject,
    gmt_create: beijingTime(Date.parse(order.createdAt)),
    gmt_payment: paidAtOf(order),
    fund_bill_list: `[{"amount":"${total}","fundChannel":"ALIPAYACCOUNT"}]`,
    ...(passback ? { passback_params: passback } : {}),
  };
}

/** Deliver a signed `trade_status_sync` about `order` (re-signed for every attempt, with a fresh notify_time). */
export function notifyTrade(order: SandboxOrder, context: GatewayContext, extra: () => AlipayFields = () => ({})): void {
  if (!order.notifyUrl) return;
  const label = extra().out_biz_no ? `refund ${extra().out_biz_no}` : tradeStatus(order);
  context.notify({
    url: order.notifyUrl,
    orderNo: order.orderNo,
    label,
    isAcknowledged: ACKNOWLEDGEMENTS.alipay,
    buildRequest: async () => {
      const current = context.orders.require('alipay', order.orderNo);
      const fields = await signMessage({ ...notificationFields(current, context), ...extra() });
      return { headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: new URLSearchParams(fields).toString() };
    },
  });
}

/** The merchant's return URL with the signed parameters Alipay appends after a page/wap payment. */
export async function signedReturnUrl(order: SandboxOrder, context: GatewayContext): Promise<string | undefined> {
  if (!order.returnUrl) return undefined;
  const fields = await signMessage({
    charset: 'utf-8',
    out_trade_no: order.orderNo,
    method: `${String(order.data.method)}.return`,
    total_amount: toYuan(order.amount),
    trade_no: order.channelTradeNo ?? '',
    auth_app_id: SANDBOX_APP_ID,
    version: '1.0',
    app_id: SANDBOX_APP_ID,
    seller_id: SANDBOX_SELLER_ID,
    timestamp: beijingTime(context.clock()),
  });
  const url = new URL(order.returnUrl);
  for (const [key, value] of Object.entries(fields)) url.searchParams.set(key, value);
  return url.toString();
}
