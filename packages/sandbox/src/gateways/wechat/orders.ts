/**
 * Sandbox orders as WeChat Pay describes them: the transaction JSON (query reply and TRANSACTION.SUCCESS resource),
 * trade states, and the refunds kept in the order's data.
 * @see https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/query-by-out-trade-no.html
 */
import type { SandboxOrder } from '../../orders';
import { SANDBOX_MCH_ID } from './keys';

/** Provider-specific data the emulator keeps on an order. */
export interface WechatOrderData {
  appid: string;
  tradeType: 'JSAPI' | 'APP' | 'MWEB' | 'NATIVE' | 'MICROPAY';
  api: 'v3' | 'v2';
  prepayId?: string;
  attach?: string;
  openid?: string;
  redirectUrl?: string;
  refunds?: WechatRefund[];
}

/** A refund as the emulator records it. */
export interface WechatRefund {
  refundNo: string;
  refundId: string;
  amount: number;
  status: 'PROCESSING' | 'SUCCESS';
  createdAt: string;
  successTime?: string;
}

/** The order's WeChat data. */
export function dataOf(order: SandboxOrder): WechatOrderData {
  return order.data as unknown as WechatOrderData;
}

/** RFC 3339 in Beijing time, as WeChat writes `success_time`. */
export function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

/** `trade_state` of an order. */
export function tradeState(order: SandboxOrder): string {
  if (order.status === 'succeeded') return dataOf(order).refunds?.length ? 'REFUND' : 'SUCCESS';
  if (order.status === 'failed') return 'PAYERROR';
  if (order.status === 'closed') return dataOf(order).tradeType === 'MICROPAY' ? 'REVOKED' : 'CLOSED';
  return 'NOTPAY';
}

/** The APIv3 transaction object of an order. */
export function transactionJson(order: SandboxOrder, state = tradeState(order)): Record<string, unknown> {
  const data = dataOf(order);
  const paid = order.status === 'succeeded';
  return {
    appid: data.appid,
    mchid: SANDBOX_MCH_ID,
    out_trade_no: order.orderNo,
    ...(order.channelTradeNo && { transaction_id: order.channelTradeNo }),
    trade_type: data.tradeType === 'MWEB' ? 'MWEB' : data.tradeType,
    trade_state: state,
    trade_state_desc: paid ? '支付成功' : state,
    ...(paid && { bank_type: 'OTHERS' }),
    attach: data.attach ?? '',
    ...(order.paidAt && { success_time: beijingTime(order.paidAt) }),
    payer: { openid: data.openid ?? 'oSandboxPayer000000000000000' },
    amount: { total: order.amount, ...(paid && { payer_total: order.amount }), currency: 'CNY', payer_currency: 'CNY' },
  };
}

/** The APIv3 refund object. */
export function refundJson(order: SandboxOrder, refund: WechatRefund): Record<string, unknown> {
  return {
    refund_id: refund.refundId,
    out_refund_no: refund.refundNo,
    transaction_id: order.channelTradeNo,
    out_trade_no: order.orderNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(refund.successTime && { success_time: beijingTime(refund.successTime) }),
    create_time: beijingTime(refund.createdAt),
    status: refund.status,
    funds_account: 'AVAILABLE',
    amount: { total: order.amount, refund: refund.amount, payer_total: order.amount, payer_refund: refund.amount, currency: 'CNY' },
  };
}
