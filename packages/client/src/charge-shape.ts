/**
 * A light shape check of what the merchant server returns. The client carries no schemas (no zod in the browser
 * bundle): it checks the fields it relies on and trusts the merchant's own server for the rest.
 */
import type { Charge } from '@payweave/core';

const STATUSES = ['pending', 'succeeded', 'failed', 'closed'];

/** True when `value` has the fields of a `Charge` the client uses: order number, channel, status, credential. */
export function isChargeLike(value: unknown): value is Charge {
  if (typeof value !== 'object' || value === null) return false;
  const charge = value as Partial<Record<keyof Charge, unknown>>;
  const credential = charge.credential as { channel?: unknown } | null | undefined;
  return (
    typeof charge.orderNo === 'string' &&
    typeof charge.channel === 'string' &&
    STATUSES.includes(charge.status as string) &&
    typeof credential === 'object' &&
    credential !== null &&
    typeof credential.channel === 'string'
  );
}
