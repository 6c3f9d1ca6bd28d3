/**
 * Emulated APIv2 endpoints (XML): unifiedorder, orderquery, closeorder, micropay (+ reverse), refund (+ refundquery).
 * Requests must carry the sandbox appid/mch_id and a valid MD5 or HMAC-SHA256 `sign`. Payment codes steer micropay:
 * one ending in `0000` answers USERPAYING and succeeds at the first query, one ending in `0001` stays USERPAYING
 * (so the merchant reverses it), any other code pays at once.
 * @see https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_1
 */
import { ACKNOWLEDGEMENTS } from '../../../notifications/acknowledgements';
import type { SandboxOrder } from '../../../orders';
import type { GatewayContext, SandboxRoute } from '../../../types';
import { SANDBOX_APP_ID, SANDBOX_MCH_ID, SANDBOX_MINI_APP_ID } from '../keys';
import { dataOf, tradeState, type WechatOrderData } from '../orders';
import { encryptReqInfo, failReply, parseXml, signedReply, signV2, toXml, type V2Message } from '../protocol-v2';

type Handler = (request: V2Message, origin: string, signType: string) => Promise<V2Message> | V2Message;

const TRADE_TYPES: Record<string, WechatOrderData['tradeType']> = { JSAPI: 'JSAPI', APP: 'APP', MWEB: 'MWEB', NATIVE: 'NATIVE' };
const fail = (code: string, description: string): V2Message => ({ result_code: 'FAIL', err_code: code, err_code_des: description });
const compactTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);

function route(context: GatewayContext, path: string, handle: Handler): SandboxRoute {
  return {
    method: 'POST',
    path,
    handle: async ({ request, origin }) => {
      let message: V2Message;
      try {
        message = parseXml(await request.text());
      } catch (error) {
        return failReply((error as Error).message);
      }
      const signType = message.sign_type || 'MD5';
      if (message.mch_id !== SANDBOX_MCH_ID || ![SANDBOX_APP_ID, SANDBOX_MINI_APP_ID].includes(message.appid ?? '')) return failReply('appid/mch_id mismatch');
      if (message.sign !== (await signV2(message, signType))) return failReply('签名错误');
      const result = await handle(message, origin, signType);
      return signedReply({ appid: message.appid as string, mch_id: SANDBOX_MCH_ID, result_code: 'SUCCESS', ...result }, signType);
    },
  };
}

function orderFields(order: SandboxOrder): V2Message {
  return {
    out_trade_no: order.orderNo,
    trade_state: tradeState(order),
    total_fee: String(order.amount),
    fee_type: 'CNY',
    trade_type: dataOf(order).tradeType,
    ...(order.channelTradeNo && { transaction_id: order.channelTradeNo }),
    ...(order.paidAt && { time_end: compactTime(order.paidAt) }),
  };
}

/** Notify a paid v2 order: signed XML, acknowledged by `<return_code>SUCCESS</return_code>`. */
export function notifyV2Payment(context: GatewayContext, order: SandboxOrder): void {
  if (!order.notifyUrl) return;
  const data = dataOf(order);
  context.notify({
    url: order.notifyUrl,
    orderNo: order.orderNo,
    label: 'SUCCESS',
    isAcknowledged: ACKNOWLEDGEMENTS.wechatV2,
    buildRequest: async () => {
      const fields: V2Message = { appid: data.appid, mch_id: SANDBOX_MCH_ID, nonce_str: crypto.randomUUID().replace(/-/g, ''), return_code: 'SUCCESS', result_code: 'SUCCESS', openid: data.openid ?? 'oSandboxPayer', is_subscribe: 'N', bank_type: 'OTHERS', cash_fee: String(order.amount), ...orderFields(order) };
      delete fields.trade_state;
      fields.sign = await signV2(fields, 'MD5');
      return { headers: { 'content-type': 'text/xml' }, body: toXml(fields) };
    },
  });
}

function pay(context: GatewayContext, order: SandboxOrder): SandboxOrder {
  return context.orders.update('wechat', order.orderNo, { status: 'succeeded', paidAt: new Date(context.clock()).toISOString(), channelTradeNo: `4200${String(context.nextSequence()).padStart(24, '0')}` });
}

const chinaDateTime = (iso: string) => compactTime(iso).replace(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/, '$1-$2-$3 $4:$5:$6');

/** The APIv2 routes. */
export function v2Routes(context: GatewayContext): SandboxRoute[] {
  const find = (orderNo: string | undefined) => (orderNo ? context.orders.get('wechat', orderNo) : undefined);
  return [
    route(context, '/pay/unifiedorder', (m, origin) => {
      const tradeType = TRADE_TYPES[m.trade_type ?? ''];
      if (!tradeType || !m.out_trade_no || !/^\d+$/.test(m.total_fee ?? '') || !m.notify_url) return fail('PARAM_ERROR', 'missing or invalid parameter');
      if (tradeType === 'JSAPI' && !m.openid) return fail('PARAM_ERROR', 'openid is required for JSAPI');
      const existing = find(m.out_trade_no);
      if (existing) return existing.status === 'succeeded' ? fail('ORDERPAID', '该订单已支付') : fail('OUT_TRADE_NO_USED', '商户订单号重复');
      const prepayId = `wx${String(context.nextSequence()).padStart(28, '0')}`;
      const data: WechatOrderData = { appid: m.appid as string, tradeType, api: 'v2', prepayId, ...(m.openid && { openid: m.openid }), ...(m.attach && { attach: m.attach }) };
      context.orders.create({ provider: 'wechat', orderNo: m.out_trade_no, amount: Number(m.total_fee), subject: m.body ?? '', notifyUrl: m.notify_url, data: { ...data } });
      return {
        trade_type: m.trade_type as string,
        prepay_id: prepayId,
        ...(tradeType === 'NATIVE' && { code_url: context.cashierUrl(origin, m.out_trade_no) }),
        ...(tradeType === 'MWEB' && { mweb_url: `${origin}${context.basePath}/h5/${encodeURIComponent(m.out_trade_no)}?prepay_id=${prepayId}&package=1` }),
      };
    }),
    route(context, '/pay/orderquery', (m) => {
      let order = find(m.out_trade_no);
      if (!order) return fail('ORDERNOTEXIST', '此交易订单号不存在');
      if (order.status === 'pending' && dataOf(order).tradeType === 'MICROPAY' && order.data.payOnQuery) order = pay(context, order);
      return orderFields(order);
    }),
    route(context, '/pay/closeorder', (m) => {
      const order = find(m.out_trade_no);
      if (!order) return fail('ORDERNOTEXIST', '此交易订单号不存在');
      if (order.status === 'succeeded') return fail('ORDERPAID', '订单已支付');
      context.orders.update('wechat', order.orderNo, { status: 'closed' });
      return {};
    }),
    route(context, '/pay/micropay', (m) => {
      if (!m.out_trade_no || !/^\d+$/.test(m.total_fee ?? '') || !/^\d{18}$/.test(m.auth_code ?? '')) return fail('PARAM_ERROR', 'missing or invalid parameter');
      if (find(m.out_trade_no)) return fail('OUT_TRADE_NO_USED', '商户订单号重复');
      const code = m.auth_code as string;
      const order = context.orders.create({ provider: 'wechat', orderNo: m.out_trade_no, amount: Number(m.total_fee), subject: m.body ?? '', data: { appid: m.appid, tradeType: 'MICROPAY', api: 'v2', payOnQuery: code.endsWith('0000') } });
      if (code.endsWith('0000') || code.endsWith('0001')) return fail('USERPAYING', '需要用户输入支付密码');
      const paid = pay(context, order);
      return { ...orderFields(paid), trade_type: 'MICROPAY' };
    }),
    route(context, '/secapi/pay/reverse', (m) => {
      const order = find(m.out_trade_no);
      if (!order) return fail('ORDERNOTEXIST', '此交易订单号不存在');
      context.orders.update('wechat', order.orderNo, { status: 'closed' });
      return { recall: 'N' };
    }),
    route(context, '/secapi/pay/refund', async (m) => {
      const order = find(m.out_trade_no);
      if (!order || order.status !== 'succeeded') return fail('ORDERNOTEXIST', '订单不存在或未支付');
      const refunds = dataOf(order).refunds ?? [];
      const refundFee = Number(m.refund_fee);
      if (!m.out_refund_no || Number(m.total_fee) !== order.amount || !(refundFee > 0) || refunds.reduce((s, r) => s + r.amount, 0) + refundFee > order.amount) return fail('PARAM_ERROR', 'refund amounts do not fit');
      const now = new Date(context.clock()).toISOString();
      const refund = { refundNo: m.out_refund_no, refundId: `5030${String(context.nextSequence()).padStart(25, '0')}`, amount: refundFee, status: 'SUCCESS' as const, createdAt: now, successTime: now };
      context.orders.update('wechat', order.orderNo, { data: { refunds: [...refunds, refund] } });
      if (m.notify_url) {
        const info = { out_refund_no: refund.refundNo, out_trade_no: order.orderNo, refund_account: 'REFUND_SOURCE_RECHARGE_FUNDS', refund_fee: String(refundFee), refund_id: refund.refundId, refund_recv_accout: '支付用户零钱', refund_request_source: 'API', refund_status: 'SUCCESS', settlement_refund_fee: String(refundFee), settlement_total_fee: String(order.amount), success_time: chinaDateTime(now), total_fee: String(order.amount), transaction_id: order.channelTradeNo ?? '' };
        context.notify({
          url: m.notify_url,
          orderNo: order.orderNo,
          label: 'REFUND SUCCESS',
          isAcknowledged: ACKNOWLEDGEMENTS.wechatV2,
          buildRequest: async () => ({
            headers: { 'content-type': 'text/xml' },
            body: toXml({ return_code: 'SUCCESS', appid: m.appid as string, mch_id: SANDBOX_MCH_ID, nonce_str: crypto.randomUUID().replace(/-/g, ''), req_info: await encryptReqInfo(toXml(info).replace(/^<xml>/, '<root>').replace(/<\/xml>$/, '</root>')) }),
          }),
        });
      }
      return { out_trade_no: order.orderNo, out_refund_no: refund.refundNo, refund_id: refund.refundId, refund_fee: String(refundFee), total_fee: String(order.amount) };
    }),
    route(context, '/pay/refundquery', (m) => {
      for (const order of context.orders.list('wechat')) {
        const refund = dataOf(order).refunds?.find((r) => r.refundNo === m.out_refund_no);
        if (refund) {
          return { out_trade_no: order.orderNo, refund_count: '1', out_refund_no_0: refund.refundNo, refund_id_0: refund.refundId, refund_fee_0: String(refund.amount), refund_status_0: refund.status, ...(refund.successTime && { refund_success_time_0: chinaDateTime(refund.successTime) }) };
        }
      }
      return fail('REFUNDNOTEXIST', '退款订单查询失败');
    }),
  ];
}
