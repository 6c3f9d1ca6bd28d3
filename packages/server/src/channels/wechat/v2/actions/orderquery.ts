/**
 * APIv2 order query and close.
 * @see https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_2
 * @see https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_3
 */
import { PayError } from '@payweave/core';
import type { ChargeQueryResult, StoredCharge } from '../../../types';
import { V2_PATHS } from '../../constants';
import { chargeStatusOf, fen, isoTime } from '../../map';
import { businessError, callV2, isBusinessSuccess, type V2Client } from '../api';
import { v2AppId } from './unifiedorder';

/** The verified orderquery reply for a charge (raw fields). */
export async function orderqueryFields(client: V2Client, charge: Pick<StoredCharge, 'orderNo' | 'channel'>): Promise<Record<string, string>> {
  const reply = await callV2(client, 'orderquery', V2_PATHS.orderquery, { out_trade_no: charge.orderNo }, v2AppId(client, charge.channel));
  if (!isBusinessSuccess(reply)) throw businessError(reply, 'orderquery');
  if (reply.out_trade_no !== undefined && reply.out_trade_no !== charge.orderNo) {
    throw new PayError('WeChat Pay v2 orderquery answered for another order', { channel: 'wechat', code: 'MERCHANT_MISMATCH' });
  }
  return reply;
}

/** Normalise an orderquery (or micropay) reply. */
export function queryResultOf(reply: Record<string, string>): ChargeQueryResult {
  const amount = fen(reply.total_fee);
  const paidAt = isoTime(reply.time_end);
  return {
    status: chargeStatusOf(reply.trade_state),
    ...(reply.transaction_id && { channelTradeNo: reply.transaction_id }),
    ...(amount !== undefined && { amount }),
    ...(paidAt && { paidAt }),
    raw: reply,
  };
}

/** Query a charge's state. */
export async function orderqueryV2(client: V2Client, charge: Pick<StoredCharge, 'orderNo' | 'channel'>): Promise<ChargeQueryResult> {
  return queryResultOf(await orderqueryFields(client, charge));
}

/** Close an unpaid order. */
export async function closeorderV2(client: V2Client, charge: Pick<StoredCharge, 'orderNo' | 'channel'>): Promise<void> {
  const reply = await callV2(client, 'closeorder', V2_PATHS.closeorder, { out_trade_no: charge.orderNo }, v2AppId(client, charge.channel));
  if (!isBusinessSuccess(reply)) throw businessError(reply, 'closeorder');
}
