/**
 * Alipay <-> payweave core: trade status to charge status, yuan strings to minor units, Beijing times to ISO.
 * @see https://opendocs.alipay.com/open/194/103296 (交易状态: WAIT_BUYER_PAY, TRADE_CLOSED, TRADE_SUCCESS, TRADE_FINISHED)
 */
import { fromYuan, PayValidationError, type ChargeStatus } from '@payweave/core';
import { beijingTimeToIso } from './time';

/**
 * `TRADE_SUCCESS` and `TRADE_FINISHED` are both paid (FINISHED may arrive alone for non-refundable products);
 * `TRADE_CLOSED` is an unpaid timeout/close or a full refund; `WAIT_BUYER_PAY` is pending. An unknown future value
 * stays pending: it never settles a charge.
 */
export function chargeStatusOf(tradeStatus: string | undefined): ChargeStatus {
  switch (tradeStatus) {
    case 'TRADE_SUCCESS':
    case 'TRADE_FINISHED':
      return 'succeeded';
    case 'TRADE_CLOSED':
      return 'closed';
    default:
      return 'pending';
  }
}

/** A gateway yuan amount to fen, as a `PayValidationError` naming the field when it is not an exact amount. */
export function amountOf(yuan: string | undefined, field: string): number | undefined {
  if (yuan === undefined || yuan === '') return undefined;
  try {
    return fromYuan(yuan);
  } catch {
    throw new PayValidationError(`alipay ${field} is not a yuan amount: ${JSON.stringify(yuan.slice(0, 20))}`, [
      { path: field, message: 'expected a yuan amount with at most two decimals' },
    ], { channel: 'alipay' });
  }
}

/** An optional Beijing `gmt_*` time to ISO 8601, or undefined when absent or unreadable (it is informational). */
export function isoTimeOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return beijingTimeToIso(value);
  } catch {
    return undefined;
  }
}
