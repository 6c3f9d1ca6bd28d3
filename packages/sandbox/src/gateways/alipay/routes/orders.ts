/**
 * Recording a new trade from a payment-creating request (page, wap, app, precreate, pay), with Alipay's rules for a
 * repeated `out_trade_no`: the same pending order may be reopened, different terms or a settled trade are refused.
 * @see https://opendocs.alipay.com/open/59da99d0_alipay.trade.page.pay (公共错误码 ACQ.CONTEXT_INCONSISTENT ...)
 */
import { fromYuan } from '@payweave/core';
import type { GatewayContext, SandboxOrder } from '../../../types';
import { AlipayRefusal } from '../replies';
import { bizString, type AlipayRequest } from '../request';

/** The surfaces the emulator records, kept in `order.data.surface`. */
export type Surface = 'page' | 'wap' | 'app' | 'qr' | 'barcode';

function amountOf(yuan: string): number {
  try {
    const fen = fromYuan(yuan);
    if (fen > 0) return fen;
  } catch {
    // fall through to the gateway's refusal
  }
  throw new AlipayRefusal('40002', 'isv.invalid-parameter', `total_amount 不合法: ${yuan}`);
}

/** Find or create the trade a request describes; throws `AlipayRefusal` for a conflicting or settled order. */
export function openTrade(context: GatewayContext, call: AlipayRequest, surface: Surface): SandboxOrder {
  const orderNo = bizString(call.biz, 'out_trade_no');
  const amount = amountOf(bizString(call.biz, 'total_amount'));
  const subject = bizString(call.biz, 'subject');
  const existing = context.orders.get('alipay', orderNo);
  if (existing) {
    if (existing.status === 'succeeded') throw new AlipayRefusal('40004', 'ACQ.TRADE_HAS_SUCCESS', '交易已被支付');
    if (existing.status !== 'pending') throw new AlipayRefusal('40004', 'ACQ.TRADE_HAS_CLOSE', '交易已经关闭');
    if (existing.amount !== amount || existing.data.surface !== surface) throw new AlipayRefusal('40004', 'ACQ.CONTEXT_INCONSISTENT', '交易信息被篡改');
    return existing;
  }
  const passback = typeof call.biz.passback_params === 'string' ? call.biz.passback_params : undefined;
  return context.orders.create({
    provider: 'alipay',
    orderNo,
    amount,
    subject,
    merchantName: 'payweave sandbox merchant (Alipay)',
    ...(call.params.notify_url ? { notifyUrl: call.params.notify_url } : {}),
    ...(call.params.return_url ? { returnUrl: call.params.return_url } : {}),
    data: { surface, method: call.method, refunds: [], ...(passback ? { passbackParams: passback } : {}) },
  });
}
