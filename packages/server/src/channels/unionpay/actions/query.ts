/**
 * queryTrans.do: the state of one transaction, keyed by its orderId and the txnTime it was sent with.
 * The query's own `respCode` says whether the query worked; `origRespCode` is the original transaction's result.
 * @see https://open.unionpay.com/tjweb/acproduct/APIList?acpAPIId=757&apiservId=448 (交易状态查询)
 */
import { PayError } from '@payweave/core';
import type { StoredCharge } from '../../types';
import { callGateway, commonFields, type UnionPayContext } from '../api';
import { BIZ_TYPE, ENDPOINTS, TXN_TYPE } from '../constants';
import type { Fields } from '../params';

/** Query a transaction; resolves to the verified answer, whatever its respCode. */
export function queryTransaction(ctx: UnionPayContext, orderId: string, txnTime: string): Promise<Fields> {
  const fields: Fields = {
    ...commonFields(ctx),
    txnType: TXN_TYPE.query,
    txnSubType: '00',
    bizType: BIZ_TYPE.query,
    orderId,
    txnTime,
  };
  return callGateway(ctx, ENDPOINTS.query, fields, 'query');
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
