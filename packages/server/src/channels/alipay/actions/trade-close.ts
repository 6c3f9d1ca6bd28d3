/**
 * `alipay.trade.close`: close an unpaid trade so it can no longer be paid. A trade Alipay has never seen needs no
 * closing (`ACQ.TRADE_NOT_EXIST`); a paid trade cannot be closed (`ACQ.TRADE_STATUS_ERROR`, surfaced as an error).
 * @see https://opendocs.alipay.com/open/e84f0d79_alipay.trade.close
 */
import { PayGatewayError } from '@payweave/core';
import { callForSuccess } from '../api';
import { METHODS } from '../constants';
import type { AlipayRuntime } from '../runtime';

/** Close the trade of `orderNo`. */
export async function closeTrade(runtime: AlipayRuntime, orderNo: string): Promise<void> {
  try {
    await callForSuccess(runtime, { method: METHODS.close, bizContent: { out_trade_no: orderNo } });
  } catch (error) {
    if (PayGatewayError.isInstance(error) && error.code === 'TRADE_NOT_FOUND') return;
    throw error;
  }
}
