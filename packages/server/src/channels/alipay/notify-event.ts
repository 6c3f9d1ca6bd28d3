/**
 * A verified `trade_status_sync` notification as a `PaymentEvent`. Refunds arrive as trade notifications too: they
 * carry `out_biz_no` (the refund request number) and `refund_fee` (the total refunded so far), with `trade_status`
 * TRADE_SUCCESS (partial) or TRADE_CLOSED (full refund).
 * @see https://opendocs.alipay.com/open/203/105286 (异步通知参数; 退款: out_biz_no, refund_fee, gmt_refund)
 */
import { PayUnsupportedError, type PaymentEvent } from '@payweave/core';
import { requireField, type FormFields } from './form';
import { amountOf, chargeStatusOf, isoTimeOf } from './map';
import { beijingTimeToIso } from './time';

/** Event for a verified trade notification; throws `NOTIFICATION_IGNORED` for states that change nothing. */
export function toTradeEvent(fields: FormFields): PaymentEvent {
  const orderNo = requireField(fields, 'out_trade_no', 'notification');
  const tradeNo = requireField(fields, 'trade_no', 'notification');
  const tradeStatus = requireField(fields, 'trade_status', 'notification');
  const raw = fields.record; // the decoded fields as received: the event owns them from here
  const notifyTime = beijingTimeToIso(requireField(fields, 'notify_time', 'notification'));
  const refundNo = fields.get('out_biz_no');
  if (refundNo && (fields.get('refund_fee') || fields.get('gmt_refund'))) {
    return {
      // One event per refund request, whichever trade status the refund left behind.
      id: `alipay:${tradeNo}:refund:${refundNo}`,
      type: 'refund.succeeded',
      provider: 'alipay',
      orderNo,
      refundNo,
      channelTradeNo: tradeNo,
      currency: 'CNY',
      occurredAt: isoTimeOf(fields.get('gmt_refund')) ?? notifyTime,
      raw,
    };
  }
  const status = chargeStatusOf(tradeStatus);
  if (status === 'pending') {
    throw new PayUnsupportedError(`alipay ${tradeStatus.slice(0, 30)} notification changes nothing: acknowledged and ignored`, {
      code: 'NOTIFICATION_IGNORED',
      channel: 'alipay',
    });
  }
  const type = status === 'succeeded' ? 'charge.succeeded' : 'charge.closed';
  const amount = amountOf(requireField(fields, 'total_amount', 'notification'), 'total_amount');
  const occurredAt = status === 'succeeded' ? (isoTimeOf(fields.get('gmt_payment')) ?? notifyTime) : (isoTimeOf(fields.get('gmt_close')) ?? notifyTime);
  return {
    // One id per state change: stable across redeliveries, and TRADE_SUCCESS then TRADE_FINISHED count once.
    id: `alipay:${tradeNo}:${type}`,
    type,
    provider: 'alipay',
    orderNo,
    channelTradeNo: tradeNo,
    ...(amount !== undefined ? { amount } : {}),
    currency: 'CNY',
    occurredAt,
    raw,
  };
}
