/**
 * Alipay gateway answers (`code` != 10000) to `PayGatewayError` with a stable payweave code, the gateway's
 * code/sub_code/sub_msg, and `isRetryable` where trying again later can succeed.
 * @see https://opendocs.alipay.com/common/02km9f (公共错误码: 10000 success, 20000 service unavailable, 40004 business failure ...)
 */
import { PayGatewayError } from '@payweave/core';
import { ownEntry } from '../../internal/lookup';

/** The fields of an Alipay `*_response` that describe an outcome. */
export interface GatewayOutcome {
  code?: string;
  msg?: string;
  sub_code?: string;
  sub_msg?: string;
}

interface Mapping {
  code: string;
  retryable?: boolean;
  hint?: string;
}

// Top-level codes. 20000 (service temporarily unavailable) is retryable; 20001 is an authorisation problem.
const BY_CODE: Readonly<Record<string, Mapping>> = {
  '20000': { code: 'GATEWAY_UNAVAILABLE', retryable: true, hint: 'Alipay is temporarily unavailable: retry later' },
  '20001': { code: 'AUTHORIZATION_INVALID', hint: 'check app_auth_token / the app authorisation on the open platform' },
  '40001': { code: 'MISSING_PARAMETER' },
  '40002': { code: 'INVALID_PARAMETER' },
  '40006': { code: 'PERMISSION_DENIED', hint: 'the app has not signed up for this product on the Alipay open platform' },
};

// Business sub_codes that deserve their own stable code (the rest keep the top-level mapping).
const BY_SUB_CODE: Readonly<Record<string, Mapping>> = {
  'ACQ.SYSTEM_ERROR': { code: 'GATEWAY_UNAVAILABLE', retryable: true, hint: 'Alipay system error: query the trade, then retry' },
  'aop.ACQ.SYSTEM_ERROR': { code: 'GATEWAY_UNAVAILABLE', retryable: true, hint: 'Alipay system error: query the trade, then retry' },
  'isp.unknow-error': { code: 'GATEWAY_UNAVAILABLE', retryable: true },
  'isv.invalid-signature': {
    code: 'REQUEST_SIGNATURE_REJECTED',
    hint: 'Alipay could not verify our request signature: the privateKey does not belong to the app public key (or certificate) uploaded for this appId',
  },
  'isv.invalid-app-id': { code: 'CONFIG_INVALID', hint: 'the appId is unknown to this gateway (production appId against the sandbox, or the reverse?)' },
  'isv.app-unsigned': { code: 'PERMISSION_DENIED', hint: 'the app has not signed up for this product' },
  'ACQ.TRADE_NOT_EXIST': { code: 'TRADE_NOT_FOUND' },
  'ACQ.TRADE_HAS_SUCCESS': { code: 'TRADE_ALREADY_PAID' },
  'ACQ.TRADE_HAS_FINISHED': { code: 'TRADE_ALREADY_PAID' },
  'ACQ.TRADE_HAS_CLOSE': { code: 'TRADE_CLOSED' },
  'ACQ.TRADE_STATUS_ERROR': { code: 'TRADE_STATUS_INVALID' },
  'ACQ.PAYMENT_AUTH_CODE_INVALID': { code: 'AUTH_CODE_INVALID', hint: 'ask the payer to refresh the payment code' },
  'ACQ.BUYER_BALANCE_NOT_ENOUGH': { code: 'INSUFFICIENT_FUNDS' },
  'ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH': { code: 'INSUFFICIENT_FUNDS' },
  'ACQ.TOTAL_FEE_EXCEED': { code: 'AMOUNT_LIMIT_EXCEEDED' },
  'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL': { code: 'REFUND_AMOUNT_INVALID' },
  'ACQ.SELLER_BALANCE_NOT_ENOUGH': { code: 'MERCHANT_BALANCE_INSUFFICIENT', retryable: true },
  'ACQ.REASON_TRADE_BEEN_FREEZEN': { code: 'TRADE_FROZEN' },
  'ACQ.CONTEXT_INCONSISTENT': { code: 'ORDER_CONFLICT', hint: 'an order with this out_trade_no exists with different details' },
};

/** Build the `PayGatewayError` for a verified (or unsigned, pre-business) Alipay failure of `method`. */
export function gatewayError(method: string, outcome: GatewayOutcome, raw: unknown, statusCode?: number): PayGatewayError {
  const mapping = (outcome.sub_code ? ownEntry(BY_SUB_CODE, outcome.sub_code) : undefined) ?? (outcome.code ? ownEntry(BY_CODE, outcome.code) : undefined);
  const reason = [outcome.code, outcome.msg, outcome.sub_code, outcome.sub_msg].filter(Boolean).join(' ');
  const hint = mapping?.hint ? `: ${mapping.hint}` : '';
  return new PayGatewayError(`alipay ${method} failed (${reason || 'no code'})${hint}`, {
    code: mapping?.code ?? 'GATEWAY_ERROR',
    channel: 'alipay',
    isRetryable: mapping?.retryable ?? false,
    ...(statusCode !== undefined ? { statusCode } : {}),
    ...(outcome.code ? { gatewayCode: outcome.code } : {}),
    ...(outcome.sub_code ? { gatewaySubCode: outcome.sub_code } : {}),
    ...((outcome.sub_msg ?? outcome.msg) ? { gatewayMessage: (outcome.sub_msg ?? outcome.msg) as string } : {}),
    raw,
  });
}

/**
 * Codes that reject a request before any business processing. Alipay may send them unsigned; they carry no trade
 * state, so reporting them without a signature cannot mislead. Every other outcome must be signed.
 */
export const UNSIGNED_ALLOWED_CODES: ReadonlySet<string> = new Set(['20000', '20001', '40001', '40002', '40006']);
