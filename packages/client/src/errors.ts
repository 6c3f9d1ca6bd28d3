/**
 * The errors the client reports, built from @payweave/core's classes. Stable codes: WAIT_TIMEOUT, ABORTED,
 * SERVER_ERROR (or the merchant server's own code), INVALID_RESPONSE, CONNECTION_FAILED, VALIDATION_FAILED.
 */
import { PayConnectionError, PayError, PayValidationError, type PayIssue } from '@payweave/core';

/** The message of whatever was thrown, for our own messages: text only, never the thrown value itself. */
export function detailOf(cause: unknown): string {
  const message = (cause as Error | null)?.message;
  return typeof message === 'string' ? message : 'no details';
}

/** A bad argument of a client method (`what` names it): a `PayValidationError` whose one issue is at `path`. */
export function invalidArgument(what: string, path: string, expected: string): PayValidationError {
  return new PayValidationError(`${what} must be ${expected}`, [{ path, message: `expected ${expected}` }]);
}

/** The operation was canceled through its `AbortSignal`. */
export function abortedError(what: string, reason?: unknown): PayError {
  return new PayError(`${what} was aborted`, { code: 'ABORTED', cause: reason });
}

/** `waitForResult` ran out of time while the charge was still pending (or the server kept failing). */
export function waitTimeoutError(orderNo: string, timeoutMs: number, lastError?: unknown): PayError {
  return new PayError(`order ${orderNo} not final after ${timeoutMs} ms: the payer may still be paying, wait again`, {
    code: 'WAIT_TIMEOUT',
    isRetryable: true,
    cause: lastError,
  });
}

/** The merchant server could not be reached (network down, DNS, CORS, TLS). */
export function connectionError(what: string, cause: unknown): PayConnectionError {
  return new PayConnectionError(`${what} failed (${detailOf(cause)}): check the endpoint, network and CORS`, { cause });
}

/** A 2xx answer without what the client asked for (`expected`: 'a Charge'...): the routes are not payweave's. */
export function invalidResponseError(what: string, expected = 'a Charge', routes = 'createChargeRoutes'): PayError {
  return new PayError(`${what} did not return ${expected}: serve it with ${routes}`, { code: 'INVALID_RESPONSE' });
}

/**
 * A non-2xx answer of the merchant server as a `PayError`, from its JSON `{ error: { type, code, message, issues? } }`
 * when it sent one (a `PayValidationError` when it lists issues), else coded `SERVER_ERROR`.
 */
export function serverError(status: number, data: unknown, what: string): PayError {
  const { code, message, issues, isRetryable }: { code?: unknown; message?: unknown; issues?: unknown; isRetryable?: unknown } =
    (data as { error?: object } | null)?.error ?? {};
  // A code is adopted only in payweave's shape, so that `code` stays a stable UPPER_SNAKE identifier.
  const adopted = typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code);
  const options = {
    code: adopted ? code : 'SERVER_ERROR',
    isRetryable: typeof isRetryable === 'boolean' ? isRetryable : status >= 500 || status === 408 || status === 429,
    cause: { status, body: data },
  };
  const text = adopted && typeof message === 'string' && message.trim() ? message : `${what} answered HTTP ${status}; see the server log`;
  // The merchant's own server is trusted to send `issues` as payweave wrote them: `{ path, message }[]`.
  return adopted && Array.isArray(issues) ? new PayValidationError(text, issues as PayIssue[], options) : new PayError(text, options);
}
