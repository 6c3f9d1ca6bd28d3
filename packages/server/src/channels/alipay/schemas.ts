/**
 * Lenient schemas of verified Alipay replies: only the fields payweave reads, unknown fields ignored, unknown enum
 * values accepted as plain strings (a new trade status must not break parsing; map.ts keeps it pending).
 * @see https://opendocs.alipay.com/open/82ea786a_alipay.trade.query (and the page of each method)
 */
import { PayGatewayError } from '@payweave/core';
import * as z from 'zod';

const text = z.string().optional();

/** Outcome fields every `*_response` carries. */
export const OutcomeSchema = z.object({ code: text, msg: text, sub_code: text, sub_msg: text });

export const TradeQueryReplySchema = OutcomeSchema.extend({
  trade_no: text,
  out_trade_no: text,
  trade_status: text,
  total_amount: text,
  send_pay_date: text,
});

export const PrecreateReplySchema = OutcomeSchema.extend({ out_trade_no: text, qr_code: text });

export const TradePayReplySchema = OutcomeSchema.extend({
  trade_no: text,
  out_trade_no: text,
  total_amount: text,
  gmt_payment: text,
});

export const CancelReplySchema = OutcomeSchema.extend({ trade_no: text, out_trade_no: text, retry_flag: text, action: text });

export const CloseReplySchema = OutcomeSchema.extend({ trade_no: text, out_trade_no: text });

export const RefundReplySchema = OutcomeSchema.extend({
  trade_no: text,
  out_trade_no: text,
  fund_change: text,
  refund_fee: text,
  gmt_refund_pay: text,
});

export const RefundQueryReplySchema = OutcomeSchema.extend({
  trade_no: text,
  out_trade_no: text,
  out_request_no: text,
  refund_amount: text,
  refund_status: text,
  gmt_refund_pay: text,
});

/** Parse a verified reply object; a reply of the wrong shape is a `PayGatewayError` (code `RESPONSE_MALFORMED`). */
export function parseReply<S extends z.ZodType>(schema: S, reply: unknown, method: string): z.output<S> {
  const result = schema.safeParse(reply);
  if (result.success) return result.data;
  const path = result.error.issues[0]?.path.map(String).join('.') ?? '(root)';
  throw new PayGatewayError(`alipay ${method} replied with an unexpected shape (at ${path})`, {
    code: 'RESPONSE_MALFORMED',
    channel: 'alipay',
    raw: reply,
  });
}
