import { PayValidationError } from '@payweave/core';
import type { RawNotification } from '../channels/types';

/** Largest notification body accepted (bytes). Real notifications are a few KB. */
export const MAX_NOTIFICATION_BYTES = 1024 * 1024;

/**
 * Signatures cover the exact bytes the gateway sent, so a body that a framework already parsed into an object (or
 * re-serialised) cannot be verified. Refuse it with a message that says how to get the raw body.
 */
export function assertRawNotification(request: unknown): RawNotification {
  if (typeof request !== 'object' || request === null) {
    throw new PayValidationError('expected a RawNotification { body, headers, method?, url? }', [{ path: '(root)', message: 'expected an object' }], {
      code: 'RAW_BODY_REQUIRED',
    });
  }
  const { body, headers } = request as RawNotification;
  if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
    throw new PayValidationError(
      'pass the raw request body (string or bytes), not a parsed object: signatures cover the exact bytes. ' +
        'Express: express.raw({ type: "*/*" }) or express.text({ type: "*/*" }); Fetch: await request.text()',
      [{ path: 'body', message: 'expected string | Uint8Array' }],
      { code: 'RAW_BODY_REQUIRED' },
    );
  }
  const size = typeof body === 'string' ? body.length : body?.byteLength ?? 0;
  if (size > MAX_NOTIFICATION_BYTES) {
    throw new PayValidationError(`notification body of ${size} bytes exceeds the ${MAX_NOTIFICATION_BYTES}-byte limit`, [{ path: 'body', message: 'too large' }], {
      code: 'BODY_TOO_LARGE',
    });
  }
  if (headers !== undefined && (typeof headers !== 'object' || headers === null)) {
    throw new PayValidationError('headers must be an object of header name -> value', [{ path: 'headers', message: 'expected an object' }], {
      code: 'RAW_BODY_REQUIRED',
    });
  }
  return request as RawNotification;
}

/** Case-insensitive single header value. */
export function headerValue(headers: RawNotification['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
