/**
 * Lenient schemas of WeChat Pay APIv3 output: only the fields payweave reads, unknown fields and enum values pass.
 * @see https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/query-by-out-trade-no.html
 */
import { PayGatewayError, PayValidationError, toPayIssues } from '@payweave/core';
import * as z from 'zod';

const amount = z.looseObject({
  total: z.number().int().nonnegative().optional(),
  payer_total: z.number().int().nonnegative().optional(),
  currency: z.string().optional(),
  payer_currency: z.string().optional(),
});

/** Prepay reply: one of the three credentials depending on the surface. */
export const PrepayReplySchema = z.looseObject({
  prepay_id: z.string().min(1).optional(),
  h5_url: z.string().min(1).optional(),
  code_url: z.string().min(1).optional(),
});

/** A transaction (query reply and decrypted TRANSACTION.* resource). */
export const TransactionSchema = z.looseObject({
  appid: z.string().optional(),
  mchid: z.string().optional(),
  out_trade_no: z.string().min(1),
  transaction_id: z.string().optional(),
  trade_type: z.string().optional(),
  trade_state: z.string().min(1),
  trade_state_desc: z.string().optional(),
  success_time: z.string().optional(),
  attach: z.string().optional(),
  amount: amount.optional(),
  payer: z.looseObject({ openid: z.string().optional() }).optional(),
});
export type Transaction = z.infer<typeof TransactionSchema>;

/** A refund (create/query reply). */
export const RefundSchema = z.looseObject({
  refund_id: z.string().min(1),
  out_refund_no: z.string().min(1),
  transaction_id: z.string().optional(),
  out_trade_no: z.string().optional(),
  status: z.string().min(1),
  success_time: z.string().optional(),
  amount: z.looseObject({ refund: z.number().int().nonnegative(), total: z.number().int().nonnegative().optional(), currency: z.string().optional() }).optional(),
});
export type RefundReply = z.infer<typeof RefundSchema>;

/** A decrypted REFUND.* notification resource. */
export const RefundResourceSchema = z.looseObject({
  mchid: z.string().optional(),
  out_trade_no: z.string().min(1),
  transaction_id: z.string().optional(),
  out_refund_no: z.string().min(1),
  refund_id: z.string().min(1),
  refund_status: z.string().min(1),
  success_time: z.string().optional(),
  amount: z.looseObject({ total: z.number().int().nonnegative().optional(), refund: z.number().int().nonnegative(), payer_refund: z.number().int().optional() }).optional(),
});
export type RefundResource = z.infer<typeof RefundResourceSchema>;

/** The notification envelope (before decryption). */
export const NotificationSchema = z.looseObject({
  id: z.string().min(1),
  create_time: z.string().optional(),
  event_type: z.string().min(1),
  resource_type: z.string().optional(),
  summary: z.string().optional(),
  resource: z.looseObject({
    algorithm: z.string(),
    ciphertext: z.string().min(1),
    nonce: z.string().min(1),
    associated_data: z.string().optional(),
    original_type: z.string().optional(),
  }),
});
export type NotificationEnvelope = z.infer<typeof NotificationSchema>;

/** Parse a verified gateway reply; a shape we cannot use is a `PayGatewayError` (`GATEWAY_RESPONSE_INVALID`). */
export function parseReply<S extends z.ZodType>(schema: S, value: unknown, action: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = toPayIssues(result.error)[0];
  throw new PayGatewayError(`WeChat Pay ${action} reply is missing what payweave needs (${issue?.path}: ${issue?.message})`, {
    channel: 'wechat',
    code: 'GATEWAY_RESPONSE_INVALID',
    raw: value,
  });
}

/** Parse a verified notification part; a shape we cannot use is a `PayValidationError` (`NOTIFICATION_INVALID`). */
export function parseNotificationPart<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new PayValidationError(`WeChat Pay notification ${what} is malformed`, toPayIssues(result.error), { channel: 'wechat', code: 'NOTIFICATION_INVALID' });
}

/** `JSON.parse` that reports a `PayValidationError` instead of a SyntaxError. */
export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PayValidationError(`WeChat Pay ${what} is not JSON`, [{ path: 'body', message: 'expected JSON' }], {
      channel: 'wechat',
      code: 'NOTIFICATION_INVALID',
      cause: error,
    });
  }
}
