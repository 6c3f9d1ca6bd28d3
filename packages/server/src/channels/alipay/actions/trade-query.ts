/**
 * `alipay.trade.query`: the gateway's verified view of a trade. A trade Alipay has never seen (the payer has not
 * opened the cashier or scanned the code yet) is `ACQ.TRADE_NOT_EXIST`: still pending, not an error.
 * @see https://opendocs.alipay.com/open/82ea786a_alipay.trade.query
 */
import { PayGatewayError } from '@payweave/core';
import type { ChargeQueryResult } from '../../types';
import { callForSuccess } from '../api';
import { METHODS } from '../constants';
import { amountOf, chargeStatusOf, isoTimeOf } from '../map';
import type { AlipayRuntime } from '../runtime';
import { parseReply, TradeQueryReplySchema } from '../schemas';

/** Query the trade of `orderNo` and map it to a charge status. */
export async function queryTrade(runtime: AlipayRuntime, orderNo: string): Promise<ChargeQueryResult> {
  const method = METHODS.query;
  let reply;
  try {
    reply = parseReply(TradeQueryReplySchema, await callForSuccess(runtime, { method, bizContent: { out_trade_no: orderNo } }), method);
  } catch (error) {
    if (PayGatewayError.isInstance(error) && error.code === 'TRADE_NOT_FOUND') return { status: 'pending', raw: error.raw };
    throw error;
  }
  const amount = amountOf(reply.total_amount, 'total_amount');
  const paidAt = isoTimeOf(reply.send_pay_date);
  const status = chargeStatusOf(reply.trade_status);
  return {
    status,
    ...(reply.trade_no ? { channelTradeNo: reply.trade_no } : {}),
    ...(amount !== undefined ? { amount } : {}),
    ...(paidAt && status === 'succeeded' ? { paidAt } : {}),
    raw: reply,
  };
}
