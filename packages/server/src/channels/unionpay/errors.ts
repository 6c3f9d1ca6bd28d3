/**
 * UnionPay `respCode` -> outcome. `00` is success of this request; `03`/`04`/`05` mean the outcome is not known yet
 * (query again later); anything else is a `PayGatewayError` carrying the code and UnionPay's message.
 * @see https://open.unionpay.com/tjweb/acproduct/APIList?apiservId=448 (应答码 table of the ACP specification)
 */
import { PayGatewayError } from '@payweave/core';
import { UNKNOWN_RESP_CODES } from './constants';
import type { Fields } from './params';
import { ownEntry } from '../../internal/lookup';

/** How a response code reads: done, unknown (retry/query later) or failed. */
export type RespOutcome = 'ok' | 'unknown' | 'failed';

/** Classify a UnionPay response code. */
export function classifyRespCode(code: string | undefined): RespOutcome {
  if (code === '00') return 'ok';
  if (code !== undefined && UNKNOWN_RESP_CODES.has(code)) return 'unknown';
  return 'failed';
}

// Codes whose meaning tells the merchant what to do; the rest keep UnionPay's own respMsg.
const HINTS: Record<string, { code: string; hint: string; retryable?: boolean }> = {
  '06': { code: 'GATEWAY_BUSY', hint: 'UnionPay is busy; try again shortly', retryable: true },
  '11': { code: 'SIGNATURE_REJECTED', hint: 'UnionPay rejected the signature: check that signCert is the certificate registered for this merId' },
  '12': { code: 'DUPLICATE_ORDER', hint: 'this orderId was already used with another txnTime; use a new order number' },
  '31': { code: 'MERCHANT_STATUS_INVALID', hint: 'the merchant id is not active for this product; check merId and environment' },
  '32': { code: 'NO_PERMISSION', hint: 'this merId may not use this transaction type; ask UnionPay to enable the product' },
  '34': { code: 'TRANSACTION_NOT_FOUND', hint: 'UnionPay has no such transaction (yet)' },
  '35': { code: 'ORIGINAL_STATE_INVALID', hint: 'the original transaction is not in a state that allows this operation' },
};

/** The error for a failed (or, with `unknown`, undecided) verified response. */
export function gatewayError(fields: Fields, action: string, statusCode?: number): PayGatewayError {
  const respCode = fields.respCode;
  const known = respCode === undefined ? undefined : ownEntry(HINTS, respCode);
  const unknown = classifyRespCode(respCode) === 'unknown';
  const message = unknown
    ? `UnionPay ${action}: outcome not known yet (respCode ${respCode}); query the transaction later`
    : `UnionPay ${action} failed: ${known ? known.hint : 'see gatewayCode/gatewayMessage'} (respCode ${respCode ?? 'missing'})`;
  return new PayGatewayError(message, {
    code: unknown ? 'OUTCOME_UNKNOWN' : known?.code ?? 'GATEWAY_ERROR',
    channel: 'unionpay',
    isRetryable: unknown || known?.retryable === true,
    ...(statusCode === undefined ? {} : { statusCode }),
    ...(respCode === undefined ? {} : { gatewayCode: respCode }),
    ...(fields.respMsg === undefined ? {} : { gatewayMessage: fields.respMsg }),
    ...(fields.queryId === undefined ? {} : { requestId: fields.queryId }),
    raw: fields,
  });
}
