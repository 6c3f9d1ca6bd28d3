/**
 * The consume (消费, txnType 01) fields shared by the browser and app surfaces.
 * @see https://open.unionpay.com/tjweb/api/dictionary?apiSvcId=448 (消费接口)
 */
import type { ChargeRequest } from '../../types';
import { backUrl, commonFields, type UnionPayContext } from '../api';
import { BIZ_TYPE, CURRENCY_CNY, TXN_TYPE } from '../constants';
import { channelTypeFor, payTimeoutFor, txnTimeAt } from '../map';
import type { Fields } from '../params';

/** `riskRateInfo` is a `{k=v&...}` composite: keep the subject free of the characters that structure it. */
function commodityName(subject: string): string {
  return subject.replace(/[{}&=]/g, ' ').trim();
}

/** Unsigned consume fields for `request`, stamped with `txnTime` (kept with the charge for later queries). */
export function consumeFields(ctx: UnionPayContext, request: ChargeRequest, txnTime = txnTimeAt(ctx.clock())): Fields {
  const browser = request.channel !== 'unionpay_app';
  return {
    ...commonFields(ctx),
    txnType: TXN_TYPE.consume,
    txnSubType: '01',
    bizType: BIZ_TYPE.gatewayConsume,
    channelType: channelTypeFor(request.channel),
    currencyCode: CURRENCY_CNY,
    orderId: request.orderNo,
    txnTime,
    txnAmt: String(request.amount), // txnAmt is integer fen already
    backUrl: backUrl(ctx),
    frontUrl: browser ? request.returnUrl ?? '' : '',
    customerIp: browser ? request.clientIp ?? '' : '',
    payTimeout: payTimeoutFor(request.expiresAt) ?? '',
    riskRateInfo: `{commodityName=${commodityName(request.subject)}}`,
  };
}
