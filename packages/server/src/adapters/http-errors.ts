import { PayError } from '@payweave/core';
import { ownEntry } from '../internal/lookup';

/** A JSON response. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
}

const STATUS_BY_TYPE: Record<string, number> = {
  PayValidationError: 400,
  PayUnsupportedError: 400,
  PaySignatureError: 502,
  PayGatewayError: 502,
  PayConnectionError: 503,
};

const STATUS_BY_CODE: Record<string, number> = { ORDER_NOT_FOUND: 404, CHARGE_NOT_FOUND: 404, REFUND_NOT_FOUND: 404, STORE_FAILED: 503 };

/** What the payer's side is told instead of a message meant for the merchant's logs. */
const HIDDEN_MESSAGE_BY_CODE: Record<string, string> = { STORE_FAILED: 'payment service temporarily unavailable: retry' };

/**
 * A client-facing error body `{ error: { type, code, message, issues? } }`. Configuration and unexpected errors are
 * reported by code only: their details are for the merchant's logs, not for the payer's browser.
 */
export function errorResponse(error: unknown): Response {
  if (!PayError.isInstance(error)) return json(500, { error: { type: 'PayError', code: 'INTERNAL_ERROR', message: 'internal error' } });
  const status = ownEntry(STATUS_BY_CODE, error.code) ?? ownEntry(STATUS_BY_TYPE, error.type) ?? 500;
  const exposed = status < 500 || error.type === 'PayGatewayError' || error.type === 'PayConnectionError';
  const issues = (error as { issues?: unknown }).issues;
  return json(status, {
    error: {
      type: error.type,
      code: error.code,
      message: exposed ? error.message : (ownEntry(HIDDEN_MESSAGE_BY_CODE, error.code) ?? 'payment service configuration error'),
      ...(Array.isArray(issues) && status === 400 ? { issues } : {}),
    },
  });
}
