/**
 * `alipay.trade.pay` (当面付 条码支付): charge the payer's payment code. Code 10000 is paid. Code 10003 (USERPAYING:
 * the wallet asks the payer to confirm) or a system error leaves the outcome open: poll `alipay.trade.query` until the
 * trade is paid or closed, and when the wait runs out cancel it with `alipay.trade.cancel` so that it can never be
 * paid unseen (Alipay's face-to-face guide, BeeCloud's documented recipe). Any other code is a declined payment.
 * @see https://opendocs.alipay.com/open/1f1fe18c_alipay.trade.pay
 * @see https://opendocs.alipay.com/open/194/106039 (当面付 异常处理: 轮询 + 撤销)
 */
import { PayError } from '@payweave/core';
import type { ChargeCreation, ChargeRequest } from '../../types';
import { callGateway, outcomeOf } from '../api';
import { CODE_SUCCESS, CODE_USER_PAYING, METHODS, PRODUCT_CODES } from '../constants';
import { gatewayError } from '../errors';
import { amountOf, isoTimeOf } from '../map';
import type { AlipayRuntime } from '../runtime';
import { parseReply, TradePayReplySchema } from '../schemas';
import { chargeBiz } from './biz';
import { cancelTrade } from './trade-cancel';
import { queryTrade } from './trade-query';

const CREDENTIAL = { channel: 'alipay_barcode' } as const;

/** Charge an `alipay_barcode` payment and drive it to a final state (succeeded, or closed after a cancel). */
export async function createBarcodeCharge(runtime: AlipayRuntime, request: ChargeRequest): Promise<ChargeCreation> {
  const method = METHODS.pay;
  // trade.pay takes no passback_params; undefined members are left out of biz_content.
  const bizContent = { ...chargeBiz(request, PRODUCT_CODES.barcode), passback_params: undefined, scene: 'bar_code', auth_code: request.payer?.authCode };
  let outcome;
  try {
    const { reply, status } = await callGateway(runtime, { method, bizContent, withNotifyUrl: true });
    outcome = outcomeOf(reply);
    if (outcome.code === CODE_SUCCESS) {
      const paid = parseReply(TradePayReplySchema, reply, method);
      const paidAt = isoTimeOf(paid.gmt_payment);
      const amount = amountOf(paid.total_amount, 'total_amount');
      return {
        credential: CREDENTIAL,
        status: 'succeeded',
        ...(paid.trade_no ? { channelTradeNo: paid.trade_no } : {}),
        ...(paidAt ? { paidAt } : {}),
        ...(amount !== undefined ? { amount } : {}),
      };
    }
    if (outcome.code !== CODE_USER_PAYING) {
      const error = gatewayError(method, outcome, reply, status);
      if (!error.isRetryable) throw error; // declined: auth code invalid, balance too low...
    }
  } catch (error) {
    // A lost or failed reply leaves the payment open, exactly like USERPAYING: find out, then cancel.
    if (!(PayError.isInstance(error) && error.isRetryable)) throw error;
  }
  return waitThenCancel(runtime, request.orderNo);
}

/** Poll until the trade settles or the configured wait runs out, then cancel it. */
async function waitThenCancel(runtime: AlipayRuntime, orderNo: string): Promise<ChargeCreation> {
  const { pollIntervalMs, timeoutMs, sleep } = runtime.config.barcode;
  const deadline = runtime.clock() + timeoutMs;
  while (runtime.clock() < deadline) {
    await sleep(pollIntervalMs);
    try {
      const result = await queryTrade(runtime, orderNo);
      if (result.status === 'succeeded' || result.status === 'closed') {
        return {
          credential: CREDENTIAL,
          status: result.status,
          ...(result.channelTradeNo ? { channelTradeNo: result.channelTradeNo } : {}),
          ...(result.paidAt ? { paidAt: result.paidAt } : {}),
          ...(result.amount !== undefined ? { amount: result.amount } : {}),
        };
      }
    } catch {
      // A failed query proves nothing either way; keep polling until the deadline, then cancel (safe in every state).
    }
  }
  await cancelTrade(runtime, orderNo, sleep);
  return { credential: CREDENTIAL, status: 'closed' };
}
