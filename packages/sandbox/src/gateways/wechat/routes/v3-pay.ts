/**
 * Emulated APIv3 payment endpoints: prepay for JSAPI (and mini-programs), APP, H5 and Native, query by
 * out_trade_no, close.
 * @see https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/direct-jsons/jsapi-prepay.html
 */
import { PayError } from '@payweave/core';
import type { GatewayContext, SandboxRoute } from '../../../types';
import { PLATFORM_CERT_PEM, PLATFORM_SERIAL, SANDBOX_APP_ID, SANDBOX_MCH_ID, SANDBOX_MINI_APP_ID } from '../keys';
import { encryptResource } from '../protocol';
import { dataOf, transactionJson, type WechatOrderData } from '../orders';
import { requireString, v3Route, WechatError } from './v3-common';

const SURFACES = { jsapi: 'JSAPI', app: 'APP', h5: 'MWEB', native: 'NATIVE' } as const;

function prepay(context: GatewayContext, surface: keyof typeof SURFACES): SandboxRoute {
  return v3Route(context, 'POST', `/v3/pay/transactions/${surface}`, ({ body, origin }) => {
    const appid = requireString(body, 'appid');
    if (requireString(body, 'mchid') !== SANDBOX_MCH_ID) throw new WechatError(400, 'MCH_NOT_EXISTS', 'unknown mchid');
    const allowed = surface === 'jsapi' ? [SANDBOX_APP_ID, SANDBOX_MINI_APP_ID] : [SANDBOX_APP_ID];
    if (!allowed.includes(appid)) throw new WechatError(400, 'APPID_MCHID_NOT_MATCH', 'appid is not bound to the sandbox merchant');
    const amount = body.amount as { total?: unknown; currency?: unknown } | undefined;
    if (typeof amount?.total !== 'number' || !Number.isInteger(amount.total) || amount.total <= 0) throw new WechatError(400, 'PARAM_ERROR', 'amount.total must be a positive integer (fen)');
    const openid = (body.payer as { openid?: unknown } | undefined)?.openid;
    if (surface === 'jsapi' && typeof openid !== 'string') throw new WechatError(400, 'PARAM_ERROR', 'payer.openid is required');
    const orderNo = requireString(body, 'out_trade_no');
    const prepayId = `wx${String(context.nextSequence()).padStart(28, '0')}`;
    const data: WechatOrderData = { appid, tradeType: SURFACES[surface], api: 'v3', prepayId, ...(typeof body.attach === 'string' && { attach: body.attach }), ...(typeof openid === 'string' && { openid }) };
    try {
      context.orders.create({ provider: 'wechat', orderNo, amount: amount.total, subject: requireString(body, 'description'), notifyUrl: requireString(body, 'notify_url'), data: { ...data } });
    } catch (error) {
      if (!PayError.isInstance(error) || error.code !== 'SANDBOX_ORDER_EXISTS') throw error;
      const existing = context.orders.require('wechat', orderNo);
      if (existing.status === 'succeeded') throw new WechatError(400, 'ORDERPAID', '该订单已支付');
      if (existing.status !== 'pending') throw new WechatError(400, 'ORDER_CLOSED', '订单已关闭');
      throw new WechatError(400, 'OUT_TRADE_NO_USED', '商户订单号重复');
    }
    if (surface === 'h5') return [200, { h5_url: `${origin}${context.basePath}/h5/${encodeURIComponent(orderNo)}?prepay_id=${prepayId}&package=1` }];
    if (surface === 'native') return [200, { code_url: context.cashierUrl(origin, orderNo) }];
    return [200, { prepay_id: prepayId }];
  });
}

function findOrder(context: GatewayContext, orderNo: string) {
  const order = context.orders.get('wechat', orderNo);
  if (!order) throw new WechatError(404, 'ORDER_NOT_EXIST', '订单不存在');
  return order;
}

/** The APIv3 payment routes. */
export function v3PayRoutes(context: GatewayContext): SandboxRoute[] {
  return [
    ...(['jsapi', 'app', 'h5', 'native'] as const).map((surface) => prepay(context, surface)),
    // The platform certificate list, encrypted with the APIv3 key and signed with the certificate it carries.
    v3Route(
      context,
      'GET',
      '/v3/certificates',
      async () => [
        200,
        {
          data: [
            {
              serial_no: PLATFORM_SERIAL,
              effective_time: '2026-01-01T00:00:00+08:00',
              expire_time: '2046-01-01T00:00:00+08:00',
              encrypt_certificate: await encryptResource(PLATFORM_CERT_PEM, 'certificate'),
            },
          ],
        },
      ],
      'certificate',
    ),
    v3Route(context, 'GET', '/v3/pay/transactions/out-trade-no/:orderNo', ({ params, url }) => {
      if (url.searchParams.get('mchid') !== SANDBOX_MCH_ID) throw new WechatError(400, 'PARAM_ERROR', 'mchid query parameter is required');
      return [200, transactionJson(findOrder(context, params.orderNo as string))];
    }),
    v3Route(context, 'POST', '/v3/pay/transactions/out-trade-no/:orderNo/close', ({ params, body }) => {
      if (body.mchid !== SANDBOX_MCH_ID) throw new WechatError(400, 'PARAM_ERROR', 'mchid is required');
      const order = findOrder(context, params.orderNo as string);
      if (order.status === 'succeeded') throw new WechatError(400, 'ORDERPAID', '该订单已支付');
      if (order.status === 'pending') context.orders.update('wechat', order.orderNo, { status: 'closed', data: { ...dataOf(order) } });
      return [204];
    }),
  ];
}
