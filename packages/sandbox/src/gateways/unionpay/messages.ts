/**
 * Request checks and the messages the emulated gateway sends: answers, back notifications, front returns.
 */
import type { GatewayContext, SandboxOrder } from '../../types';
import { MERCHANT_CERT_ID, SANDBOX_MER_ID } from './keys';
import { beijingTime, kvText, merchantSignatureValid, signAsGateway, type AcpFields } from './protocol';

/** A request the gateway refuses: an ACP response code and message. */
export class AcpRefusal extends Error {
  constructor(
    readonly respCode: string,
    readonly respMsg: string,
    /** Signature failures are answered unsigned. */
    readonly signed = true,
  ) {
    super(`${respCode} ${respMsg}`);
  }
}

/** One refund or consume undo recorded on its original order (`order.data.refunds`). */
export interface SandboxReversal {
  orderId: string;
  txnTime: string;
  txnType: string;
  txnAmt: string;
  queryId: string;
  origQryId: string;
}

/** Check what every merchant request must carry; resolves to its fields or throws `AcpRefusal`. */
export async function checkMerchantRequest(body: string): Promise<AcpFields> {
  const fields = Object.fromEntries(new URLSearchParams(body));
  if (fields.version !== '5.1.0') throw new AcpRefusal('10', `unsupported version ${fields.version ?? '(none)'}`);
  if (fields.signMethod !== '01') throw new AcpRefusal('10', 'signMethod must be 01');
  if (fields.certId !== MERCHANT_CERT_ID) throw new AcpRefusal('11', `unknown certId ${fields.certId ?? '(none)'}`, false);
  if (!(await merchantSignatureValid(fields))) throw new AcpRefusal('11', 'signature verification failed', false);
  if (fields.merId !== SANDBOX_MER_ID) throw new AcpRefusal('31', `unknown merId ${fields.merId ?? '(none)'}`);
  if (fields.accessType !== '0') throw new AcpRefusal('10', 'accessType must be 0');
  return fields;
}

/** Throw `AcpRefusal` 10 unless every field matches its pattern. */
export function requireFields(fields: AcpFields, patterns: Record<string, RegExp>): void {
  for (const [key, pattern] of Object.entries(patterns)) {
    if (!pattern.test(fields[key] ?? '')) throw new AcpRefusal('10', `field ${key} is missing or malformed`);
  }
}

/** A `text/plain` ACP answer: signed (as the gateway does) unless the refusal says otherwise. */
export async function acpResponse(fields: AcpFields, signed = true): Promise<Response> {
  const text = kvText(signed ? await signAsGateway({ merId: SANDBOX_MER_ID, ...fields }) : { ...fields });
  return new Response(text, { status: 200, headers: { 'content-type': 'text/plain;charset=UTF-8' } });
}

/** The answer for a refusal. */
export function refusalResponse(refusal: AcpRefusal, echo: AcpFields = {}): Promise<Response> {
  return acpResponse({ ...echo, respCode: refusal.respCode, respMsg: refusal.respMsg }, refusal.signed);
}

/** A 21-digit UnionPay serial (queryId, tn) from the clock and the sandbox sequence. */
export function serial(context: GatewayContext): string {
  return `${beijingTime(context.clock())}${String(context.nextSequence()).padStart(7, '0')}`;
}

/** The fields of a consume result (back notification and front return). */
export function consumeResult(order: SandboxOrder, respCode: string, context: GatewayContext): AcpFields {
  const now = beijingTime(context.clock());
  return {
    merId: SANDBOX_MER_ID,
    accessType: '0',
    bizType: '000201',
    txnType: '01',
    txnSubType: '01',
    orderId: order.orderNo,
    txnTime: String(order.data.txnTime),
    txnAmt: String(order.amount),
    currencyCode: '156',
    ...(order.channelTradeNo ? { queryId: order.channelTradeNo } : {}),
    respCode,
    respMsg: respCode === '00' ? 'success' : 'payment failed',
    traceNo: now.slice(-6),
    traceTime: now.slice(4),
    settleDate: now.slice(4, 8),
    settleAmt: String(order.amount),
    settleCurrencyCode: '156',
  };
}

/** The fields of a refund / undo result notification. */
export function reversalResult(reversal: SandboxReversal): AcpFields {
  return {
    merId: SANDBOX_MER_ID,
    accessType: '0',
    bizType: '000201',
    txnType: reversal.txnType,
    txnSubType: '00',
    orderId: reversal.orderId,
    origQryId: reversal.origQryId,
    txnTime: reversal.txnTime,
    txnAmt: reversal.txnAmt,
    currencyCode: '156',
    queryId: reversal.queryId,
    respCode: '00',
    respMsg: 'success',
  };
}

/** A back notification body builder (form-urlencoded, signed at each attempt). */
export function notificationRequest(fields: AcpFields): () => Promise<{ headers: Record<string, string>; body: string }> {
  return async () => ({
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: new URLSearchParams(await signAsGateway(fields)).toString(),
  });
}
