/**
 * WeChat Pay error codes (v3 JSON `code`, v2 `err_code`) -> `PayGatewayError` with a stable payweave `code` and
 * `isRetryable`. The gateway's own code stays in `gatewayCode`.
 * @see https://pay.weixin.qq.com/docs/merchant/development/interface-rules/error-code.html
 */
import { PayGatewayError } from '@payweave/core';
import { ownEntry } from '../../internal/lookup';

const RETRYABLE = new Set(['SYSTEM_ERROR', 'SYSTEMERROR', 'FREQUENCY_LIMITED', 'FREQUENCY_LIMIT', 'BANK_ERROR', 'BANKERROR', 'ORDER_BUSY']);

const CODES: Record<string, string> = {
  ORDER_NOT_EXIST: 'ORDER_NOT_FOUND',
  ORDERNOTEXIST: 'ORDER_NOT_FOUND',
  RESOURCE_NOT_EXISTS: 'ORDER_NOT_FOUND',
  REFUNDNOTEXIST: 'REFUND_NOT_FOUND',
  ORDERPAID: 'ORDER_ALREADY_PAID',
  ORDER_CLOSED: 'ORDER_CLOSED',
  ORDERCLOSED: 'ORDER_CLOSED',
  OUT_TRADE_NO_USED: 'ORDER_NO_REUSED',
  SIGN_ERROR: 'GATEWAY_SIGN_ERROR',
  SIGNERROR: 'GATEWAY_SIGN_ERROR',
  NOT_ENOUGH: 'INSUFFICIENT_BALANCE',
  NOTENOUGH: 'INSUFFICIENT_BALANCE',
  AUTHCODEEXPIRE: 'AUTH_CODE_INVALID',
  AUTH_CODE_INVALID: 'AUTH_CODE_INVALID',
  AUTH_CODE_ERROR: 'AUTH_CODE_INVALID',
  PARAM_ERROR: 'GATEWAY_REJECTED',
  INVALID_REQUEST: 'GATEWAY_REJECTED',
  NO_AUTH: 'GATEWAY_NO_PERMISSION',
  NOAUTH: 'GATEWAY_NO_PERMISSION',
  APPID_MCHID_NOT_MATCH: 'GATEWAY_NO_PERMISSION',
};

export interface GatewayFailure {
  statusCode?: number;
  gatewayCode?: string;
  gatewayMessage?: string;
  requestId?: string;
  raw?: unknown;
  /** False when the error reply carried no verifiable signature: its code is shown, never acted on. */
  verified: boolean;
}

/** A `PayGatewayError` for a failed WeChat Pay call; the message says what happened and where to look. */
export function wechatGatewayError(failure: GatewayFailure, action: string): PayGatewayError {
  const gatewayCode = failure.gatewayCode;
  const code = failure.verified ? (gatewayCode && ownEntry(CODES, gatewayCode)) ?? 'GATEWAY_ERROR' : 'GATEWAY_ERROR_UNVERIFIED';
  const detail = [gatewayCode, failure.gatewayMessage].filter(Boolean).join(': ') || `HTTP ${failure.statusCode ?? '?'}`;
  const unverified = failure.verified ? '' : ' (unsigned reply: not trusted beyond this message)';
  return new PayGatewayError(`WeChat Pay ${action} failed: ${detail.slice(0, 200)}${unverified}`, {
    channel: 'wechat',
    code,
    isRetryable: (gatewayCode !== undefined && RETRYABLE.has(gatewayCode)) || (failure.statusCode ?? 0) >= 500 || failure.statusCode === 429,
    ...(failure.statusCode !== undefined && { statusCode: failure.statusCode }),
    ...(gatewayCode !== undefined && { gatewayCode }),
    ...(failure.gatewayMessage !== undefined && { gatewayMessage: failure.gatewayMessage }),
    ...(failure.requestId !== undefined && { requestId: failure.requestId }),
    ...(failure.raw !== undefined && { raw: failure.raw }),
  });
}
