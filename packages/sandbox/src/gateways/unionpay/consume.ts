/**
 * Consume endpoints: `frontTransReq.do` (the browser posts the merchant's signed form; answered with the cashier
 * page) and `appTransReq.do` (server to server; answered with a signed `tn`).
 */
import type { GatewayContext, SandboxOrder, SandboxRoute } from '../../types';
import { htmlResponse, html, page } from '../../html';
import { AcpRefusal, acpResponse, checkMerchantRequest, refusalResponse, requireFields, serial } from './messages';
import type { AcpFields } from './protocol';

const CONSUME_FIELDS = {
  txnType: /^01$/,
  txnSubType: /^01$/,
  bizType: /^000201$/,
  channelType: /^0[78]$/,
  orderId: /^[A-Za-z0-9]{8,40}$/,
  txnTime: /^\d{14}$/,
  txnAmt: /^[1-9]\d{0,11}$/,
  currencyCode: /^156$/,
  backUrl: /^https?:\/\/\S+$/,
};

function commodityName(fields: AcpFields): string {
  return /commodityName=([^&}]*)/.exec(fields.riskRateInfo ?? '')?.[1] || 'UnionPay order';
}

function recordConsume(context: GatewayContext, fields: AcpFields, surface: 'front' | 'app'): SandboxOrder {
  requireFields(fields, CONSUME_FIELDS);
  const orderId = fields.orderId as string;
  if (context.orders.get('unionpay', orderId)) throw new AcpRefusal('12', `duplicate orderId ${orderId}`);
  return context.orders.create({
    provider: 'unionpay',
    orderNo: orderId,
    amount: Number(fields.txnAmt),
    subject: commodityName(fields),
    merchantName: 'payweave sandbox merchant (UnionPay)',
    notifyUrl: fields.backUrl as string,
    ...(fields.frontUrl ? { returnUrl: fields.frontUrl } : {}),
    data: { txnTime: fields.txnTime, channelType: fields.channelType, surface, refunds: [] },
  });
}

function errorPage(refusal: AcpRefusal): Response {
  const body = html`<main><h1>UnionPay sandbox refused the request</h1><p data-testid="sandbox-error" data-code="${refusal.respCode}">${refusal.respCode}: ${refusal.respMsg}</p></main>`;
  return htmlResponse(page({ title: 'UnionPay sandbox error', body }), 400);
}

/** The two consume routes. */
export function consumeRoutes(context: GatewayContext): SandboxRoute[] {
  return [
    {
      method: 'POST',
      path: '/gateway/api/frontTransReq.do',
      handle: async ({ request }) => {
        try {
          const order = recordConsume(context, await checkMerchantRequest(await request.text()), 'front');
          return context.cashierPage(order);
        } catch (error) {
          if (error instanceof AcpRefusal) return errorPage(error);
          throw error;
        }
      },
    },
    {
      method: 'POST',
      path: '/gateway/api/appTransReq.do',
      handle: async ({ request }) => {
        let fields: AcpFields = {};
        try {
          fields = await checkMerchantRequest(await request.text());
          const order = recordConsume(context, fields, 'app');
          const tn = serial(context);
          context.orders.update('unionpay', order.orderNo, { data: { tn } });
          const { orderId, txnTime, txnType, txnSubType, bizType, accessType } = fields;
          return acpResponse({ orderId, txnTime, txnType, txnSubType, bizType, accessType, respCode: '00', respMsg: 'success', tn } as AcpFields);
        } catch (error) {
          if (error instanceof AcpRefusal) return refusalResponse(error, fields.orderId ? { orderId: fields.orderId } : {});
          throw error;
        }
      },
    },
  ];
}
