/**
 * Back-end endpoints: `queryTrans.do` (state of a consume, refund or undo by orderId + txnTime) and
 * `backTransReq.do` (refund 04, consume undo 31), which answers at once and notifies the result to backUrl.
 */
import { ACKNOWLEDGEMENTS } from '../../notifications/acknowledgements';
import type { GatewayContext, SandboxOrder, SandboxRoute } from '../../types';
import { AcpRefusal, acpResponse, checkMerchantRequest, notificationRequest, refusalResponse, requireFields, reversalResult, serial, type SandboxReversal } from './messages';
import { beijingTime, type AcpFields } from './protocol';

const reversalsOf = (order: SandboxOrder) => (order.data.refunds ?? []) as SandboxReversal[];

function findReversal(context: GatewayContext, orderId: string): { order: SandboxOrder; reversal: SandboxReversal } | undefined {
  for (const order of context.orders.list('unionpay')) {
    const reversal = reversalsOf(order).find((r) => r.orderId === orderId);
    if (reversal) return { order, reversal };
  }
  return undefined;
}

function queryAnswer(context: GatewayContext, fields: AcpFields): AcpFields {
  requireFields(fields, { txnType: /^00$/, orderId: /^[A-Za-z0-9]{8,40}$/, txnTime: /^\d{14}$/ });
  const echo = { orderId: fields.orderId as string, txnTime: fields.txnTime as string, txnType: '00', txnSubType: '00', bizType: '000000', accessType: '0' };
  const order = context.orders.get('unionpay', echo.orderId);
  if (order && order.data.txnTime === echo.txnTime) {
    if (order.status === 'pending') return { ...echo, respCode: '34', respMsg: 'no such transaction yet' };
    const paid = order.status === 'succeeded';
    return {
      ...echo,
      respCode: '00',
      respMsg: 'success',
      origRespCode: paid ? '00' : '01',
      origRespMsg: paid ? 'success' : 'payment failed',
      txnAmt: String(order.amount),
      currencyCode: '156',
      ...(order.channelTradeNo ? { queryId: order.channelTradeNo } : {}),
    };
  }
  const found = findReversal(context, echo.orderId);
  if (found && found.reversal.txnTime === echo.txnTime) {
    const { reversal } = found;
    return { ...echo, respCode: '00', respMsg: 'success', origRespCode: '00', origRespMsg: 'success', txnAmt: reversal.txnAmt, currencyCode: '156', queryId: reversal.queryId };
  }
  return { ...echo, respCode: '34', respMsg: 'no such transaction' };
}

function reverse(context: GatewayContext, fields: AcpFields): SandboxReversal {
  requireFields(fields, {
    txnType: /^(04|31)$/,
    txnSubType: /^00$/,
    orderId: /^[A-Za-z0-9]{8,40}$/,
    txnTime: /^\d{14}$/,
    txnAmt: /^[1-9]\d{0,11}$/,
    origQryId: /^\S+$/,
    backUrl: /^https?:\/\/\S+$/,
  });
  const original = context.orders.list('unionpay').find((order) => order.channelTradeNo === fields.origQryId);
  if (!original || original.status !== 'succeeded') throw new AcpRefusal('35', 'original transaction not found or not paid');
  if (context.orders.get('unionpay', fields.orderId as string) || findReversal(context, fields.orderId as string)) {
    throw new AcpRefusal('12', `duplicate orderId ${fields.orderId}`);
  }
  const reversed = reversalsOf(original).reduce((sum, r) => sum + Number(r.txnAmt), 0);
  const amount = Number(fields.txnAmt);
  if (fields.txnType === '31') {
    const sameDay = String(original.data.txnTime).slice(0, 8) === beijingTime(context.clock()).slice(0, 8);
    if (!sameDay || reversed > 0 || amount !== original.amount) throw new AcpRefusal('35', 'consume undo: same day, full amount, not refunded');
  } else if (reversed + amount > original.amount) {
    throw new AcpRefusal('35', 'refund amount exceeds the refundable amount');
  }
  const reversal: SandboxReversal = {
    orderId: fields.orderId as string,
    txnTime: fields.txnTime as string,
    txnType: fields.txnType as string,
    txnAmt: fields.txnAmt as string,
    queryId: serial(context),
    origQryId: fields.origQryId as string,
  };
  context.orders.update('unionpay', original.orderNo, { data: { refunds: [...reversalsOf(original), reversal] } });
  context.notify({ url: fields.backUrl as string, orderNo: original.orderNo, label: `txnType ${reversal.txnType}`, buildRequest: notificationRequest(reversalResult(reversal)), isAcknowledged: ACKNOWLEDGEMENTS.unionpay });
  return reversal;
}

/** The query and back-transaction routes. */
export function backRoutes(context: GatewayContext): SandboxRoute[] {
  const answer = (work: (fields: AcpFields) => AcpFields | Promise<AcpFields>) => async ({ request }: { request: Request }) => {
    let fields: AcpFields = {};
    try {
      fields = await checkMerchantRequest(await request.text());
      return await acpResponse(await work(fields));
    } catch (error) {
      if (error instanceof AcpRefusal) return refusalResponse(error, fields.orderId ? { orderId: fields.orderId } : {});
      throw error;
    }
  };
  return [
    { method: 'POST', path: '/gateway/api/queryTrans.do', handle: answer((fields) => queryAnswer(context, fields)) },
    {
      method: 'POST',
      path: '/gateway/api/backTransReq.do',
      handle: answer((fields) => {
        const reversal = reverse(context, fields);
        const { orderId, txnTime, txnType, txnSubType, bizType, accessType, txnAmt, origQryId } = fields;
        return { orderId, txnTime, txnType, txnSubType, bizType, accessType, txnAmt, origQryId, queryId: reversal.queryId, respCode: '00', respMsg: 'success' } as AcpFields;
      }),
    },
  ];
}
