/**
 * Back notifications (backUrl, authoritative) and front returns (frontUrl, a hint): form-urlencoded POSTs signed like
 * responses. Verify -> check our merId -> normalise to a PaymentEvent. UnionPay stops retrying on HTTP 200 (1, 2, 4,
 * 5 minutes otherwise); the body is not read, we answer `ok`.
 * @see https://open.unionpay.com/tjweb/acproduct/APIList?acpAPIId=755&apiservId=448 (后台通知)
 */
import { type ChargeStatus, PayError, type PaymentEvent, PayUnsupportedError, PayValidationError } from '@payweave/core';
import { fromUtf8Strict } from '../../internal/encoding';
import { assertRawNotification } from '../../notifications/raw';
import type { Acknowledgement, AcknowledgementOutcome, RawNotification, VerifiedNotification } from '../types';
import type { UnionPayContext } from './api';
import { ACK_OK_BODY, CURRENCY_CNY, TXN_TYPE } from './constants';
import { classifyRespCode } from './errors';
import { amountFromTxnAmt, isoFromTxnTime } from './map';
import { parseFormBody, type Fields } from './params';

function malformed(message: string): PayValidationError {
  return new PayValidationError(message, [{ path: 'body', message: 'expected a UnionPay form-urlencoded message' }], {
    code: 'MALFORMED_NOTIFICATION',
    channel: 'unionpay',
  });
}

/** Parse a notification body; throws a typed error when it is not a UnionPay form message. */
function parsedFields(request: RawNotification): Fields {
  const { body } = assertRawNotification(request);
  const text = body === undefined ? '' : typeof body === 'string' ? body : fromUtf8Strict(body);
  if (text === null) throw malformed('UnionPay notification body is not UTF-8 text');
  const fields = parseFormBody(text);
  if (!fields) throw malformed('UnionPay notification body is not a form-urlencoded message: pass the raw POST body');
  return fields;
}

/** After verification: the message must be for our merchant id. */
function assertOurMerchant(ctx: UnionPayContext, fields: Fields): Fields {
  if (fields.merId !== ctx.config.merId) {
    throw new PayError('UnionPay notification is for another merchant id (merId): check which server UnionPay notifies', {
      code: 'MERCHANT_MISMATCH',
      channel: 'unionpay',
    });
  }
  return fields;
}

/** Parse and verify a notification body; throws a typed error for anything that is not a genuine message for us. */
export async function verifiedFields(ctx: UnionPayContext, request: RawNotification): Promise<Fields> {
  return assertOurMerchant(ctx, await ctx.verify(parsedFields(request)));
}

function eventType(fields: Fields): PaymentEvent['type'] {
  const outcome = classifyRespCode(fields.respCode);
  if (outcome === 'unknown') {
    throw new PayError(`UnionPay notification with undecided respCode ${fields.respCode}: let UnionPay retry`, {
      code: 'OUTCOME_UNKNOWN',
      channel: 'unionpay',
      isRetryable: true,
    });
  }
  const ok = outcome === 'ok';
  switch (fields.txnType) {
    case TXN_TYPE.consume:
      return ok ? 'charge.succeeded' : 'charge.failed';
    case TXN_TYPE.refund:
    case TXN_TYPE.consumeUndo:
      return ok ? 'refund.succeeded' : 'refund.failed';
    default:
      throw new PayUnsupportedError(`UnionPay notification of txnType ${JSON.stringify(fields.txnType ?? null)} is not handled by payweave`, {
        code: 'NOTIFICATION_TYPE_UNSUPPORTED',
        channel: 'unionpay',
      });
  }
}

/** Normalise verified notification fields. The id is the same for every redelivery of the same state change. */
export function eventFromFields(fields: Fields, now: number): PaymentEvent {
  const type = eventType(fields);
  // Filled in key by key rather than with conditional spreads (one object instead of four on every notification);
  // optional keys are absent, not undefined, except orderNo/refundNo, which are always present.
  const event = {
    id: `unionpay:${fields.txnType}:${fields.orderId ?? ''}:${fields.queryId ?? ''}:${fields.respCode}`,
    type,
    provider: 'unionpay',
  } as PaymentEvent;
  if (type === 'charge.succeeded' || type === 'charge.failed') event.orderNo = fields.orderId;
  else event.refundNo = fields.orderId;
  if (fields.queryId) event.channelTradeNo = fields.queryId;
  const amount = amountFromTxnAmt(fields.txnAmt);
  if (amount !== undefined) event.amount = amount;
  event.currency = fields.currencyCode === undefined || fields.currencyCode === CURRENCY_CNY ? 'CNY' : fields.currencyCode;
  event.occurredAt = isoFromTxnTime(fields.txnTime) ?? new Date(now).toISOString();
  event.raw = fields;
  return event;
}

/** Verify a back notification and normalise it. */
export async function verifyNotification(ctx: UnionPayContext, request: RawNotification): Promise<VerifiedNotification> {
  // Parsed and verified here rather than through verifiedFields: one async layer less on every notification.
  const fields = assertOurMerchant(ctx, await ctx.verify(parsedFields(request)));
  return { event: eventFromFields(fields, ctx.clock()) };
}

/** Verify a front return (the payer's browser, posted to frontUrl): a hint only; the back notification decides. */
export async function verifyReturn(ctx: UnionPayContext, request: RawNotification): Promise<{ orderNo: string; hint: ChargeStatus }> {
  const fields = await verifiedFields(ctx, request);
  if (!fields.orderId) throw malformed('UnionPay front return has no orderId');
  const outcome = classifyRespCode(fields.respCode);
  return { orderNo: fields.orderId, hint: outcome === 'ok' ? 'succeeded' : outcome === 'failed' ? 'failed' : 'pending' };
}

/** HTTP 200 stops UnionPay's retries; anything else makes it try again. */
export function acknowledge(outcome: AcknowledgementOutcome): Acknowledgement {
  const headers = { 'content-type': 'text/plain; charset=utf-8' };
  if (outcome.ok) return { status: 200, headers, body: ACK_OK_BODY };
  return { status: outcome.error.isRetryable ? 503 : 400, headers, body: 'fail' };
}
