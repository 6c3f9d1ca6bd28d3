/**
 * Charge and refund status through queryTrans.do (see query.ts), mapped to payweave statuses.
 */
import { PayError } from '@payweave/core';
import type { ChargeQueryResult, RefundRequest, RefundResult, StoredCharge } from '../../types';
import type { UnionPayContext } from '../api';
import { classifyRespCode, gatewayError } from '../errors';
import { amountFromTxnAmt, chargeStatusFromQuery } from '../map';
import { chargeTxnTime, queryTransaction } from './query';

/** Ask UnionPay for a charge's state. Undecided answers stay `pending`; a failed query throws. */
export async function queryCharge(ctx: UnionPayContext, charge: StoredCharge): Promise<ChargeQueryResult> {
  const answer = await queryTransaction(ctx, charge.orderNo, chargeTxnTime(charge));
  const status = chargeStatusFromQuery(answer);
  if (status === 'unknown') {
    if (classifyRespCode(answer.respCode) === 'unknown') return { status: 'pending', raw: answer };
    throw gatewayError(answer, 'query');
  }
  const amount = amountFromTxnAmt(answer.txnAmt);
  return {
    status,
    ...(status === 'succeeded' && answer.queryId ? { channelTradeNo: answer.queryId } : {}),
    ...(amount === undefined ? {} : { amount }),
    raw: answer,
  };
}

/** Ask UnionPay for a refund's (or consume undo's) state, keyed by its own orderId and txnTime. */
export async function queryRefund(ctx: UnionPayContext, _charge: StoredCharge, refund: RefundRequest): Promise<RefundResult> {
  const txnTime = refund.channelData?.txnTime;
  if (!txnTime) {
    throw new PayError(`UnionPay refund ${refund.refundNo} has no txnTime in its channelData: pass back what createRefund returned`, {
      code: 'TXN_TIME_MISSING',
      channel: 'unionpay',
    });
  }
  const answer = await queryTransaction(ctx, refund.refundNo, txnTime);
  const status = chargeStatusFromQuery(answer);
  if (status === 'unknown') {
    if (classifyRespCode(answer.respCode) === 'unknown') return { status: 'pending', raw: answer };
    throw gatewayError(answer, 'refund query');
  }
  return {
    status: status === 'succeeded' ? 'succeeded' : status === 'failed' ? 'failed' : 'pending',
    ...(answer.queryId ? { channelRefundNo: answer.queryId } : {}),
    raw: answer,
  };
}
