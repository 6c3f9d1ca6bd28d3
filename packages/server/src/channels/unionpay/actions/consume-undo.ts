/**
 * Consume undo (消费撤销, txnType 31): cancels a payment in full on the day it was made (before UnionPay's daily
 * cut-off), so that it is never settled. Outside that window, use a refund.
 * @see https://open.unionpay.com/tjweb/acproduct/APIList?acpAPIId=755&apiservId=448 (消费撤销)
 */
import { PayValidationError } from '@payweave/core';
import type { RefundRequest, RefundResult, StoredCharge } from '../../types';
import type { UnionPayContext } from '../api';
import { TXN_TYPE } from '../constants';
import { reverseConsume } from './reverse';

/** Undo a same-day payment; the amount must be the whole charge. */
export async function undoConsume(ctx: UnionPayContext, charge: StoredCharge, undo: RefundRequest): Promise<RefundResult> {
  if (undo.amount !== charge.amount) {
    throw new PayValidationError('a UnionPay consume undo reverses the whole payment: pass the full amount, or refund instead', [
      { path: 'amount', message: `expected ${charge.amount}` },
    ]);
  }
  return reverseConsume(ctx, charge, undo, TXN_TYPE.consumeUndo, 'consume undo');
}
