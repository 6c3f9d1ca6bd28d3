/**
 * APIv3 notifications: verify the `Wechatpay-*` headers over the raw body, decrypt `resource` with the APIv3 key,
 * check our own merchant and app ids, and normalise payment and refund events. The acknowledgement is HTTP 204 on
 * success and 4xx/5xx with `{"code":"FAIL","message":...}` otherwise (WeChat retries until it gets a 2xx).
 * @see https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/payment-notice.html
 * @see https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/refund-result-notice.html
 */
import { PayError, PaySignatureError, PayUnsupportedError, PayValidationError, type PaymentEvent } from '@payweave/core';
import type { CryptoProvider } from '../../../crypto/provider';
import { fromUtf8 } from '../../../internal/encoding';
import { assertRawNotification } from '../../../notifications/raw';
import type { Acknowledgement, AcknowledgementOutcome, RawNotification, VerifiedNotification } from '../../types';
import type { WechatSettings } from '../config';
import { chargeEventId, isoTime, refundEventId, refundStatusOf } from '../map';
import { parseJsonText, parseNotificationEnvelope, parseNotificationPart, parseTransactionResource, RefundResourceSchema } from '../schemas';
import { decryptResource } from './aead';
import { verifyWechatpaySignature, type PlatformKeyRing } from './verify';
import { ownEntry } from '../../../internal/lookup';

/** What notification handling needs. */
export interface V3NotifyDeps {
  settings: Pick<WechatSettings, 'mchId' | 'appId' | 'miniAppId' | 'apiV3Key'>;
  crypto: CryptoProvider;
  keys: PlatformKeyRing;
  clock: () => number;
}

function mismatch(what: string): PayError {
  return new PayError(`WeChat Pay notification is for another ${what}: check mchId/appId/miniAppId in wechat() config`, {
    channel: 'wechat',
    code: 'MERCHANT_MISMATCH',
  });
}

function invalid(message: string): PayValidationError {
  return new PayValidationError(message, [{ path: 'resource', message }], { channel: 'wechat', code: 'NOTIFICATION_INVALID' });
}

const CHARGE_EVENT: Record<string, PaymentEvent['type']> = {
  SUCCESS: 'charge.succeeded',
  CLOSED: 'charge.closed',
  REVOKED: 'charge.closed',
  PAYERROR: 'charge.failed',
};

/** What an event falls back to when its resource has no success_time: the envelope's create_time, else now. */
interface EventTime {
  createTime: string | undefined;
  now: number;
}

/** The event time: `success_time`, else the fallback (computed only when needed). */
function occurredAt(successTime: string | undefined, fallback: EventTime): string {
  return isoTime(successTime) ?? isoTime(fallback.createTime) ?? new Date(fallback.now).toISOString();
}

function transactionEvent(deps: V3NotifyDeps, plaintext: unknown, raw: unknown, fallback: EventTime): PaymentEvent {
  const trade = parseTransactionResource(plaintext);
  if (trade.mchid !== deps.settings.mchId) throw mismatch('merchant (mchid)');
  // An absent appid must not slip through `undefined === miniAppId` when no mini-program is configured.
  if (!trade.appid || (trade.appid !== deps.settings.appId && trade.appid !== deps.settings.miniAppId)) throw mismatch('app (appid)');
  const type = ownEntry(CHARGE_EVENT, trade.trade_state);
  if (!type) throw invalid(`unexpected trade_state ${JSON.stringify(trade.trade_state.slice(0, 20))} in a payment notification`);
  if (!trade.transaction_id || trade.amount?.total === undefined || !trade.amount.currency) {
    throw invalid('payment notification lacks transaction_id or amount.total/currency');
  }
  return {
    id: chargeEventId(trade.transaction_id, trade.trade_state),
    type,
    provider: 'wechat',
    orderNo: trade.out_trade_no,
    channelTradeNo: trade.transaction_id,
    amount: trade.amount.total,
    currency: trade.amount.currency,
    occurredAt: occurredAt(trade.success_time, fallback),
    raw,
  };
}

function refundEvent(deps: V3NotifyDeps, plaintext: unknown, raw: unknown, fallback: EventTime): PaymentEvent {
  const refund = parseNotificationPart(RefundResourceSchema, plaintext, 'refund');
  if (refund.mchid !== deps.settings.mchId) throw mismatch('merchant (mchid)');
  const status = refundStatusOf(refund.refund_status);
  if (status === 'pending') throw invalid(`unexpected refund_status ${JSON.stringify(refund.refund_status.slice(0, 20))}`);
  return {
    id: refundEventId(refund.refund_id, refund.refund_status),
    type: status === 'succeeded' ? 'refund.succeeded' : 'refund.failed',
    provider: 'wechat',
    orderNo: refund.out_trade_no,
    refundNo: refund.out_refund_no,
    ...(refund.transaction_id && { channelTradeNo: refund.transaction_id }),
    ...(refund.amount && { amount: refund.amount.refund }),
    occurredAt: occurredAt(refund.success_time, fallback),
    raw,
  };
}

/** Verify, decrypt and normalise one APIv3 notification; throws a typed error for anything untrustworthy. */
export async function verifyV3Notification(deps: V3NotifyDeps, request: RawNotification): Promise<VerifiedNotification> {
  const { body = '', headers } = assertRawNotification(request);
  const now = deps.clock();
  await verifyWechatpaySignature(deps.crypto, deps.keys, headers, body, now);
  const envelope = parseNotificationEnvelope(parseJsonText(typeof body === 'string' ? body : fromUtf8(body), 'notification'));
  if (!deps.settings.apiV3Key) throw new PaySignatureError('apiV3Key is not configured: cannot decrypt notifications', { channel: 'wechat', code: 'DECRYPTION_FAILED' });
  const text = await decryptResource(deps.crypto, deps.settings.apiV3Key, envelope.resource);
  const plaintext = parseJsonText(text, 'notification resource');
  const raw = { ...envelope, resource: plaintext };
  const fallback: EventTime = { createTime: envelope.create_time, now };
  if (envelope.event_type.startsWith('TRANSACTION.')) return { event: transactionEvent(deps, plaintext, raw, fallback) };
  if (envelope.event_type.startsWith('REFUND.')) return { event: refundEvent(deps, plaintext, raw, fallback) };
  // Verified, but not a payment or refund event (PAYSCORE.*, ...): acknowledged as ignored so WeChat stops
  // resending it for 24 h; the merchant sees it in the result of notifications.handle.
  throw new PayUnsupportedError(`WeChat Pay event_type ${JSON.stringify(envelope.event_type.slice(0, 40))} is not handled by payweave; acknowledged and ignored`, {
    channel: 'wechat',
    code: 'NOTIFICATION_IGNORED',
  });
}

/** HTTP status for a refused notification: 401 for bad signatures, 400 for bad input, 500 otherwise. */
function failureStatus(error: PayError): number {
  const { code } = error;
  if (PaySignatureError.isInstance(error)) return 401;
  if (PayValidationError.isInstance(error) || code === 'MERCHANT_MISMATCH') return 400;
  return 500;
}

/** The exact APIv3 acknowledgement. */
export function acknowledgeV3(outcome: AcknowledgementOutcome): Acknowledgement {
  if (outcome.ok) return { status: 204, headers: {}, body: '' };
  return {
    status: failureStatus(outcome.error),
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ code: 'FAIL', message: outcome.error.message.slice(0, 200) }),
  };
}
