/**
 * Refund (退货, txnType 04) through backTransReq.do: partial or full, any day after the payment. The synchronous
 * answer only says UnionPay accepted it; the result comes by back notification (or a query of the refund).
 * @see https://open.unionpay.com/tjweb/acproduct/APIList?acpAPIId=755&apiservId=448 (退货)
 */
import type { RefundRequest, RefundResult, StoredCharge } from '../../types';
import type { UnionPayContext } from '../api';
import { TXN_TYPE } from '../constants';
import { reverseConsume } from './reverse';

/** Ask UnionPay to refund `refund.amount` of a paid charge. */
export function createRefund(ctx: UnionPayContext, charge: StoredCharge, refund: RefundRequest): Promise<RefundResult> {
  return reverseConsume(ctx, charge, refund, TXN_TYPE.refund, 'refund');
}
