/**
 * The shared shape of refund (04) and consume undo (31): a new back transaction pointing at the payment's queryId.
 */
import { PayError, PayValidationError } from '@payweave/core';
import type { RefundRequest, RefundResult, StoredCharge } from '../../types';
import { backUrl, callGateway, commonFields, type UnionPayContext } from '../api';
import { BIZ_TYPE, CHANNEL_TYPE, CURRENCY_CNY, ENDPOINTS } from '../constants';
import { classifyRespCode, gatewayError } from '../errors';
import { txnTimeAt } from '../map';
import { chargeTxnTime, queryTransaction } from './query';

// The refund's own orderId: UnionPay allows 8-40 letters and digits only.
const ORDER_ID = /^[A-Za-z0-9]{8,40}$/;

async function originalQueryId(ctx: UnionPayContext, charge: StoredCharge): Promise<string> {
  if (charge.channelTradeNo) return charge.channelTradeNo;
  const answer = await queryTransaction(ctx, charge.orderNo, chargeTxnTime(charge));
  if (classifyRespCode(answer.respCode) === 'ok' && classifyRespCode(answer.origRespCode) === 'ok' && answer.queryId) {
    return answer.queryId;
  }
  throw new PayError(`UnionPay charge ${charge.orderNo} is not paid (or not known yet): nothing to reverse`, {
    code: 'CHARGE_NOT_PAID',
    channel: 'unionpay',
  });
}

/** Send a refund-like back transaction; `pending` until its notification (or a query) gives the result. */
export async function reverseConsume(
  ctx: UnionPayContext,
  charge: StoredCharge,
  request: RefundRequest,
  txnType: string,
  action: string,
): Promise<RefundResult> {
  if (!ORDER_ID.test(request.refundNo)) {
    throw new PayValidationError(`UnionPay ${action}: refundNo becomes the new orderId and must be 8-40 letters or digits`, [
      { path: 'refundNo', message: '8-40 letters or digits (no - or _)' },
    ]);
  }
  const txnTime = txnTimeAt(ctx.clock());
  const fields = {
    ...commonFields(ctx),
    txnType,
    txnSubType: '00',
    bizType: BIZ_TYPE.gatewayConsume,
    channelType: charge.channelData?.channelType ?? CHANNEL_TYPE.pc,
    orderId: request.refundNo,
    origQryId: await originalQueryId(ctx, charge),
    txnTime,
    txnAmt: String(request.amount),
    currencyCode: CURRENCY_CNY,
    backUrl: backUrl(ctx),
  };
  const answer = await callGateway(ctx, ENDPOINTS.back, fields, action);
  const outcome = classifyRespCode(answer.respCode);
  if (outcome === 'failed') throw gatewayError(answer, action);
  return {
    status: 'pending',
    ...(answer.queryId ? { channelRefundNo: answer.queryId } : {}),
    channelData: { txnTime },
    raw: answer,
  };
}
