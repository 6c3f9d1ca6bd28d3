/**
 * The errors the client reports, built from @payweave/core's classes. Stable codes: WAIT_TIMEOUT, ABORTED,
 * SERVER_ERROR (or the merchant server's own code), INVALID_RESPONSE, CONNECTION_FAILED.
 */
import { PayConnectionError, PayError, PayValidationError, type PayIssue } from '@payweave/core';

/** The operation was canceled through its `AbortSignal`. */
export function abortedError(what: string, reason?: unknown): PayError {
  return new PayError(`${what} was aborted`, { code: 'ABORTED', cause: reason });
}

/** `waitForResult` ran out of time while the charge was still pending (or the server kept failing). */
export function waitTimeoutError(orderNo: string, timeoutMs: number, lastError?: unknown): PayError {
  return new PayError(
    `order ${orderNo} not final after ${timeoutMs} ms; the payer may still be paying: wait again or show "checking payment"`,
    { code: 'WAIT_TIMEOUT', isRetryable: true, cause: lastError },
  );
}

/** The merchant server could not be reached (network down, DNS, CORS, TLS). */
export function connectionError(what: string, cause: unknown): PayConnectionError {
  const detail = typeof (cause as Error | null)?.message === 'string' ? (cause as Error).message : 'no details';
  return new PayConnectionError(`${what} failed (${detail}): check the endpoint, network and CORS`, { cause });
}

/** A 2xx answer that is not a Charge. */
export function invalidResponseError(what: string): PayError {
  return new PayError(`${what} did not return a Charge: serve it with createChargeRoutes from @payweave/server`, {
    code: 'INVALID_RESPONSE',
  });
}

/**
 * A non-2xx answer of the merchant server as a `PayError`, from its JSON `{ error: { type, code, message, issues? } }`
 * when it sent one (a `PayValidationError` when it lists issues), else coded `SERVER_ERROR`.
 */
export function serverError(status: number, data: unknown, what: string): PayError {
  const body: { code?: unknown; message?: unknown; issues?: unknown; isRetryable?: unknown } =
    (data as { error?: object } | null)?.error ?? {};
  // A code is adopted only in payweave's shape, so that `code` stays a stable UPPER_SNAKE identifier.
  const hasCode = typeof body.code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(body.code);
  const options = {
    code: hasCode ? (body.code as string) : 'SERVER_ERROR',
    isRetryable: typeof body.isRetryable === 'boolean' ? body.isRetryable : status >= 500 || status === 408 || status === 429,
    cause: { status, body: data },
  };
  const message = hasCode && typeof body.message === 'string' && body.message.trim() ? body.message : `${what} answered HTTP ${status}; see the server log`;
  // The merchant's own server is trusted to send `issues` as payweave wrote them: `{ path, message }[]`.
  if (hasCode && Array.isArray(body.issues)) return new PayValidationError(message, body.issues as PayIssue[], options);
  return new PayError(message, options);
}
