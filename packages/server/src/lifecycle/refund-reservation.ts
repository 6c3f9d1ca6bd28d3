/**
 * The refund reservation every store makes inside `insertRefund`: pending refunds count against the charge until
 * they fail, so two refunds created at once (or one while another is still pending) cannot together exceed it.
 */
import { PayValidationError } from '@payweave/core';
import type { StoredRefund } from './store';

/** Throws `REFUND_EXCEEDS_CHARGE` unless `refund` fits beside the `reserved` (pending + succeeded) refunds. */
export function assertRefundable(charge: { amount: number } | null | undefined, reserved: number, refund: Pick<StoredRefund, 'amount' | 'orderNo'>): void {
  const left = Math.max(0, (charge?.amount ?? 0) - reserved);
  if (refund.amount <= left) return;
  throw new PayValidationError(
    `refund of ${refund.amount} fen exceeds the ${left} fen left to refund on ${refund.orderNo} (refunds still pending count until they fail)`,
    [{ path: 'amount', message: 'exceeds refundable amount' }],
    { code: 'REFUND_EXCEEDS_CHARGE' },
  );
}
