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

type Loose = Record<string, unknown>;

const isRecord = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';
const nonEmptyString = (value: unknown): boolean => typeof value === 'string' && value.length > 0;
const optionalCount = (value: unknown): boolean => value === undefined || (Number.isSafeInteger(value) && (value as number) >= 0);

/** The checks of `NotificationSchema`, by hand (the notification hot path). */
function isNotificationEnvelope(value: unknown): value is NotificationEnvelope {
  if (!isRecord(value) || !nonEmptyString(value.id) || !nonEmptyString(value.event_type)) return false;
  if (!optionalString(value.create_time) || !optionalString(value.resource_type) || !optionalString(value.summary)) return false;
  const resource = value.resource;
  return (
    isRecord(resource) &&
    typeof resource.algorithm === 'string' &&
    nonEmptyString(resource.ciphertext) &&
    nonEmptyString(resource.nonce) &&
    optionalString(resource.associated_data) &&
    optionalString(resource.original_type)
  );
}

/** The checks of `TransactionSchema`, by hand (the notification hot path). */
function isTransaction(value: unknown): value is Transaction {
  if (!isRecord(value) || !nonEmptyString(value.out_trade_no) || !nonEmptyString(value.trade_state)) return false;
  for (const key of ['appid', 'mchid', 'transaction_id', 'trade_type', 'trade_state_desc', 'success_time', 'attach'] as const) {
    if (!optionalString(value[key])) return false;
  }
  const { amount, payer } = value;
  if (amount !== undefined) {
    if (!isRecord(amount) || !optionalCount(amount.total) || !optionalCount(amount.payer_total)) return false;
    if (!optionalString(amount.currency) || !optionalString(amount.payer_currency)) return false;
  }
  return payer === undefined || (isRecord(payer) && optionalString(payer.openid));
}

/**
 * A notification envelope: checked by hand, and only a value that fails the hand check goes through the schema, so
 * the errors are the schema's (`PayValidationError`, `NOTIFICATION_INVALID`).
 */
export function parseNotificationEnvelope(value: unknown): NotificationEnvelope {
  return isNotificationEnvelope(value) ? value : parseNotificationPart(NotificationSchema, value, 'envelope');
}

/** A decrypted TRANSACTION.* resource, checked like `parseNotificationEnvelope`. */
export function parseTransactionResource(value: unknown): Transaction {
  return isTransaction(value) ? value : parseNotificationPart(TransactionSchema, value, 'transaction');
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
