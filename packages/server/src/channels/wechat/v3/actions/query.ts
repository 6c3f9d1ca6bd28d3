/**
 * APIv3 order query by merchant order number, and close.
 * @see https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/query-by-out-trade-no.html
 * @see https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/close-order.html
 */
import { PayError } from '@payweave/core';
import type { ChargeQueryResult, StoredCharge } from '../../../types';
import { V3_PATHS } from '../../constants';
import { chargeStatusOf, isoTime } from '../../map';
import { parseReply, TransactionSchema } from '../../schemas';
import { callV3, type V3Client } from '../api';

/** Query a charge's state at the gateway (verified reply). */
export async function queryV3(client: V3Client, charge: Pick<StoredCharge, 'orderNo'>): Promise<ChargeQueryResult> {
  const path = `${V3_PATHS.queryByOrderNo(charge.orderNo)}?mchid=${encodeURIComponent(client.settings.mchId)}`;
  const reply = await callV3(client, 'order query', 'GET', path);
  const trade = parseReply(TransactionSchema, reply.data, 'order query');
  if (trade.out_trade_no !== charge.orderNo || (trade.mchid !== undefined && trade.mchid !== client.settings.mchId)) {
    throw new PayError('WeChat Pay order query answered for another order or merchant', { channel: 'wechat', code: 'MERCHANT_MISMATCH' });
  }
  const paidAt = isoTime(trade.success_time);
  return {
    status: chargeStatusOf(trade.trade_state),
    ...(trade.transaction_id && { channelTradeNo: trade.transaction_id }),
    ...(trade.amount?.total !== undefined && { amount: trade.amount.total }),
    ...(paidAt && { paidAt }),
    raw: trade,
  };
}

/** Close an unpaid order (WeChat answers 204). */
export async function closeV3(client: V3Client, charge: Pick<StoredCharge, 'orderNo'>): Promise<void> {
  await callV3(client, 'close order', 'POST', V3_PATHS.close(charge.orderNo), { mchid: client.settings.mchId });
}
