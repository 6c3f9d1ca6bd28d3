/** Building failed launch results: one helper for the client core and every launcher. */
import { PayError, type Charge } from '@payweave/core';
import type { LaunchResult } from './types';

/** `{ status: 'failed' }` for `charge` with `error`, and the wallet's `raw` answer when there is one. */
export function failed(charge: Charge, error: PayError, raw?: unknown): LaunchResult {
  return { status: 'failed', charge, error, ...(raw !== undefined && { raw }) };
}

/** A failed result whose error is a `PayError` coded `code` about the charge's channel. */
export function failedWith(charge: Charge, code: string, message: string, raw?: unknown, isRetryable?: boolean): LaunchResult {
  return failed(charge, new PayError(message, { code, channel: charge.channel, isRetryable }), raw);
}
