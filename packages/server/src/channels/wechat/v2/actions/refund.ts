/**
 * APIv2 refund (mutual TLS with the merchant API certificate) and refund query.
 * @see https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_4
 * @see https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_5
 */
import { PayError } from '@payweave/core';
import type { RefundRequest, RefundResult, StoredCharge } from '../../../types';
import { V2_PATHS } from '../../constants';
import { isoTime, refundStatusOf } from '../../map';
import { businessError, callV2, isBusinessSuccess, type V2Client } from '../api';
import { v2AppId } from './unifiedorder';

/** Request a refund; WeChat accepts it asynchronously, so a success is `pending` until the query or notification. */
export async function refundV2(client: V2Client, charge: StoredCharge, refund: RefundRequest, notifyUrl: string | undefined): Promise<RefundResult> {
  const reply = await callV2(
    client,
    'refund',
    V2_PATHS.refund,
    {
      out_trade_no: charge.orderNo,
      out_refund_no: refund.refundNo,
      total_fee: String(charge.amount),
      refund_fee: String(refund.amount),
      refund_desc: refund.reason,
      notify_url: notifyUrl,
    },
    v2AppId(client, charge.channel),
  );
  if (!isBusinessSuccess(reply)) throw businessError(reply, 'refund');
  if (reply.out_refund_no !== refund.refundNo) throw new PayError('WeChat Pay v2 refund answered for another refund', { channel: 'wechat', code: 'MERCHANT_MISMATCH' });
  return { status: 'pending', ...(reply.refund_id && { channelRefundNo: reply.refund_id }), raw: reply };
}

/** Query a refund by its merchant refund number (the reply lists refunds as `*_$n` fields). */
export async function refundqueryV2(client: V2Client, charge: Pick<StoredCharge, 'channel'>, refund: Pick<RefundRequest, 'refundNo'>): Promise<RefundResult> {
  const reply = await callV2(client, 'refundquery', V2_PATHS.refundquery, { out_refund_no: refund.refundNo }, v2AppId(client, charge.channel));
  if (!isBusinessSuccess(reply)) throw businessError(reply, 'refundquery');
  const count = Number(reply.refund_count ?? '0');
  for (let n = 0; n < Math.min(count, 50); n++) {
    if (reply[`out_refund_no_${n}`] !== refund.refundNo) continue;
    const succeededAt = isoTime(reply[`refund_success_time_${n}`]);
    const refundId = reply[`refund_id_${n}`];
    return { status: refundStatusOf(reply[`refund_status_${n}`]), ...(refundId && { channelRefundNo: refundId }), ...(succeededAt && { succeededAt }), raw: reply };
  }
  throw new PayError(`WeChat Pay v2 refundquery did not list refund ${refund.refundNo}`, { channel: 'wechat', code: 'REFUND_NOT_FOUND' });
}
