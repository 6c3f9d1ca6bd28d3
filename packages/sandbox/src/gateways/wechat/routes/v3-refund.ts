/**
 * Emulated APIv3 domestic refunds: accepted as PROCESSING, settled at once, REFUND.SUCCESS notified when the request
 * named a notify_url; query by out_refund_no.
 * @see https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/create.html
 */
import type { GatewayContext, SandboxRoute } from '../../../types';
import { ACKNOWLEDGEMENTS } from '../../../notifications/acknowledgements';
import { SANDBOX_MCH_ID } from '../keys';
import { dataOf, refundJson, type WechatRefund } from '../orders';
import { notificationRequest } from '../protocol';
import { requireString, v3Route, WechatError } from './v3-common';

/** The APIv3 refund routes. */
export function v3RefundRoutes(context: GatewayContext): SandboxRoute[] {
  return [
    v3Route(context, 'POST', '/v3/refund/domestic/refunds', ({ body }) => {
      const order = context.orders.get('wechat', requireString(body, 'out_trade_no'));
      if (!order) throw new WechatError(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
      if (order.status !== 'succeeded') throw new WechatError(403, 'NOT_ENOUGH', '订单未支付');
      const refundNo = requireString(body, 'out_refund_no');
      const amount = (body.amount ?? {}) as { refund?: unknown; total?: unknown };
      const refunds = dataOf(order).refunds ?? [];
      const existing = refunds.find((r) => r.refundNo === refundNo);
      if (existing) return [200, refundJson(order, existing)];
      const refunded = refunds.reduce((sum, r) => sum + r.amount, 0);
      if (typeof amount.refund !== 'number' || amount.refund <= 0 || amount.total !== order.amount || refunded + amount.refund > order.amount) {
        throw new WechatError(400, 'PARAM_ERROR', 'amount.refund/total do not fit the order');
      }
      const now = new Date(context.clock()).toISOString();
      const refund: WechatRefund = { refundNo, refundId: `5030${String(context.nextSequence()).padStart(25, '0')}`, amount: amount.refund, status: 'PROCESSING', createdAt: now };
      const settled: WechatRefund = { ...refund, status: 'SUCCESS', successTime: now };
      const updated = context.orders.update('wechat', order.orderNo, { data: { refunds: [...refunds, settled] } });
      if (typeof body.notify_url === 'string') {
        const resource = { mchid: SANDBOX_MCH_ID, out_trade_no: order.orderNo, transaction_id: order.channelTradeNo, out_refund_no: refundNo, refund_id: refund.refundId, refund_status: 'SUCCESS', success_time: refundJson(updated, settled).success_time, user_received_account: '支付用户零钱', amount: { total: order.amount, refund: refund.amount, payer_total: order.amount, payer_refund: refund.amount } };
        context.notify({
          url: body.notify_url,
          orderNo: order.orderNo,
          label: 'REFUND.SUCCESS',
          isAcknowledged: ACKNOWLEDGEMENTS.wechatV3,
          buildRequest: () => notificationRequest('REFUND.SUCCESS', '退款成功', 'refund', resource, `EV-${refund.refundId}`, context.clock()),
        });
      }
      return [200, refundJson(updated, refund)];
    }),
    v3Route(context, 'GET', '/v3/refund/domestic/refunds/:refundNo', ({ params }) => {
      for (const order of context.orders.list('wechat')) {
        const refund = dataOf(order).refunds?.find((r) => r.refundNo === params.refundNo);
        if (refund) return [200, refundJson(order, refund)];
      }
      throw new WechatError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    }),
  ];
}
