/**
 * APIv2 notifications. Payment results are signed XML (verified over every field, unknown ones included). Refund
 * results are unsigned XML whose `req_info` is AES-256-ECB encrypted; since padding is their only authenticity
 * signal, the refund is confirmed with `/pay/refundquery` before an event is produced.
 * @see https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_7&index=8 (支付结果通知)
 * @see https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_16&index=11 (退款结果通知)
 */
import { PayError, PaySignatureError, PayValidationError, type PaymentEvent } from '@payweave/core';
import type { CryptoProvider } from '../../../crypto/provider';
import { assertRawNotification } from '../../../notifications/raw';
import type { Acknowledgement, AcknowledgementOutcome, RawNotification, RefundResult, VerifiedNotification } from '../../types';
import type { WechatSettings } from '../config';
import { V2_ACK } from '../constants';
import { chargeEventId, fen, isoTime, refundEventId, refundStatusOf } from '../map';
import { decryptReqInfo } from './req-info';
import { verifyV2 } from './sign';
import { parseV2Xml } from './xml';

/** What v2 notification handling needs; `confirmRefund` asks the gateway about a refund (refundquery). */
export interface V2NotifyDeps {
  settings: Pick<WechatSettings, 'mchId' | 'appId' | 'miniAppId' | 'apiKey'>;
  crypto: CryptoProvider;
  clock: () => number;
  confirmRefund: (refundNo: string, appId: string) => Promise<RefundResult>;
}

function invalid(message: string): PayValidationError {
  return new PayValidationError(message, [{ path: 'body', message }], { channel: 'wechat', code: 'NOTIFICATION_INVALID' });
}

function checkIds(deps: V2NotifyDeps, fields: Record<string, string>): string {
  const appId = fields.appid ?? '';
  if (fields.mch_id !== deps.settings.mchId || (appId !== deps.settings.appId && appId !== deps.settings.miniAppId)) {
    throw new PayError('WeChat Pay notification is for another merchant or app: check mchId/appId/miniAppId in wechat() config', {
      channel: 'wechat',
      code: 'MERCHANT_MISMATCH',
    });
  }
  return appId;
}

async function paymentEvent(deps: V2NotifyDeps, fields: Record<string, string>, apiKey: string): Promise<PaymentEvent> {
  await verifyV2(deps.crypto, fields, apiKey);
  checkIds(deps, fields);
  const amount = fen(fields.total_fee);
  if (!fields.out_trade_no || !fields.transaction_id || amount === undefined) throw invalid('payment notification lacks out_trade_no, transaction_id or total_fee');
  const state = fields.result_code === 'SUCCESS' ? 'SUCCESS' : 'PAYERROR';
  return {
    id: chargeEventId(fields.transaction_id, state),
    type: state === 'SUCCESS' ? 'charge.succeeded' : 'charge.failed',
    provider: 'wechat',
    orderNo: fields.out_trade_no,
    channelTradeNo: fields.transaction_id,
    amount,
    currency: fields.fee_type || 'CNY',
    occurredAt: isoTime(fields.time_end) ?? new Date(deps.clock()).toISOString(),
    raw: { ...fields },
  };
}

async function refundEvent(deps: V2NotifyDeps, fields: Record<string, string>, apiKey: string): Promise<PaymentEvent> {
  const appId = checkIds(deps, fields);
  const info = await decryptReqInfo(deps.crypto, apiKey, fields.req_info as string);
  if (!info.out_refund_no || !info.refund_id || !info.out_trade_no || !info.refund_status) throw invalid('refund req_info lacks its identifiers');
  const confirmed = await deps.confirmRefund(info.out_refund_no, appId);
  const status = refundStatusOf(info.refund_status);
  if (confirmed.status !== status || (confirmed.channelRefundNo !== undefined && confirmed.channelRefundNo !== info.refund_id)) {
    throw new PaySignatureError('WeChat Pay v2 refund notification does not match refundquery: not trusted', { channel: 'wechat', code: 'NOTIFICATION_UNCONFIRMED' });
  }
  if (status === 'pending') throw invalid(`unexpected refund_status ${JSON.stringify(info.refund_status.slice(0, 20))}`);
  const amount = fen(info.refund_fee);
  return {
    id: refundEventId(info.refund_id, info.refund_status),
    type: status === 'succeeded' ? 'refund.succeeded' : 'refund.failed',
    provider: 'wechat',
    orderNo: info.out_trade_no,
    refundNo: info.out_refund_no,
    ...(info.transaction_id && { channelTradeNo: info.transaction_id }),
    ...(amount !== undefined && { amount }),
    occurredAt: isoTime(info.success_time) ?? new Date(deps.clock()).toISOString(),
    raw: { ...fields, req_info: { ...info } },
  };
}

/** Verify and normalise one APIv2 notification (payment or refund). */
export async function verifyV2Notification(deps: V2NotifyDeps, request: RawNotification): Promise<VerifiedNotification> {
  const { body } = assertRawNotification(request);
  const apiKey = deps.settings.apiKey;
  if (!apiKey) throw new PaySignatureError('apiKey is not configured: cannot verify WeChat Pay v2 notifications', { channel: 'wechat', code: 'SIGNATURE_MISSING' });
  const fields = parseV2Xml(body ?? '');
  if (fields.return_code !== 'SUCCESS') throw invalid(`notification return_code is ${JSON.stringify((fields.return_code ?? '').slice(0, 16))}`);
  if (fields.req_info !== undefined) return { event: await refundEvent(deps, fields, apiKey) };
  return { event: await paymentEvent(deps, fields, apiKey) };
}

/** The exact APIv2 acknowledgement: HTTP 200 with SUCCESS, or FAIL (WeChat then retries). */
export function acknowledgeV2(outcome: AcknowledgementOutcome): Acknowledgement {
  const headers = { 'content-type': 'text/xml; charset=utf-8' };
  if (outcome.ok) return { status: 200, headers, body: V2_ACK.success };
  return { status: 200, headers, body: V2_ACK.failure(outcome.error.code) };
}
