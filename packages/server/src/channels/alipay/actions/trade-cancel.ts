/**
 * `alipay.trade.cancel` (撤销): reverse a face-to-face trade whatever its state: an unpaid trade is closed, a paid one
 * refunded (`action` close/refund). When the cancel itself fails with `retry_flag=Y`, Alipay asks for a retry.
 * @see https://opendocs.alipay.com/open/13399511_alipay.trade.cancel
 */
import { PayGatewayError } from '@payweave/core';
import { callGateway, outcomeOf } from '../api';
import { CODE_SUCCESS, METHODS } from '../constants';
import { gatewayError } from '../errors';
import type { AlipayRuntime } from '../runtime';
import { CancelReplySchema, parseReply } from '../schemas';

const MAX_ATTEMPTS = 3;

/** Cancel the trade of `orderNo`, retrying while Alipay sets `retry_flag=Y`; returns Alipay's `action`. */
export async function cancelTrade(runtime: AlipayRuntime, orderNo: string, sleep: (ms: number) => Promise<void>): Promise<string | undefined> {
  const method = METHODS.cancel;
  for (let attempt = 1; ; attempt++) {
    const { reply: raw, status } = await callGateway(runtime, { method, bizContent: { out_trade_no: orderNo } });
    const reply = parseReply(CancelReplySchema, raw, method);
    const outcome = outcomeOf(raw);
    if (outcome.code === CODE_SUCCESS) return reply.action;
    const error = gatewayError(method, outcome, raw, status);
    if (reply.retry_flag !== 'Y' || attempt >= MAX_ATTEMPTS) {
      throw new PayGatewayError(`${error.message}; the trade may still be payable: cancel it again or query it`, {
        code: 'CANCEL_FAILED',
        channel: 'alipay',
        isRetryable: reply.retry_flag === 'Y' || error.isRetryable,
        ...(outcome.code ? { gatewayCode: outcome.code } : {}),
        ...(outcome.sub_code ? { gatewaySubCode: outcome.sub_code } : {}),
        raw,
        cause: error,
      });
    }
    await sleep(runtime.config.barcode.pollIntervalMs);
  }
}
