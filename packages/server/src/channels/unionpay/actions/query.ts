/**
 * queryTrans.do: the state of one transaction, keyed by its orderId and the txnTime it was sent with.
 * The query's own `respCode` says whether the query worked; `origRespCode` is the original transaction's result.
 * @see https://open.unionpay.com/tjweb/acproduct/APIList?acpAPIId=757&apiservId=448 (交易状态查询)
 */
import { PayError, PayGatewayError } from '@payweave/core';
import type { StoredCharge } from '../../types';
import { callGateway, commonFields, type UnionPayContext } from '../api';
import { BIZ_TYPE, ENDPOINTS, TXN_TYPE } from '../constants';
import type { Fields } from '../params';

/** Query a transaction; resolves to the verified answer, whatever its respCode. */
export async function queryTransaction(ctx: UnionPayContext, orderId: string, txnTime: string): Promise<Fields> {
  const fields: Fields = {
    ...commonFields(ctx),
    txnType: TXN_TYPE.query,
    txnSubType: '00',
    bizType: BIZ_TYPE.query,
    orderId,
    txnTime,
  };
  const answer = await callGateway(ctx, ENDPOINTS.query, fields, 'query');
  // A genuine answer echoes the key it answers for: one about another transaction must not settle this one.
  if ((answer.orderId !== undefined && answer.orderId !== orderId) || (answer.txnTime !== undefined && answer.txnTime !== txnTime)) {
    throw new PayGatewayError('UnionPay query: the signed answer is about another transaction (orderId/txnTime differ); not trusted for this one', {
      code: 'MALFORMED_RESPONSE',
      channel: 'unionpay',
      raw: answer,
    });
  }
  return answer;
}

/** The txnTime a charge was created with (kept in its channelData). */
export function chargeTxnTime(charge: StoredCharge): string {
  const txnTime = charge.channelData?.txnTime;
  if (!txnTime || !/^\d{14}$/.test(txnTime)) {
    throw new PayError(`UnionPay charge ${charge.orderNo} has no txnTime in its channelData: it cannot be queried (was it created by payweave?)`, {
      code: 'TXN_TIME_MISSING',
      channel: 'unionpay',
    });
  }
  return txnTime;
}
