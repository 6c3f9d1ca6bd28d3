/**
 * A light shape check of what the merchant server returns. The client carries no schemas (no zod in the browser
 * bundle): it checks the fields it relies on and trusts the merchant's own server for the rest.
 */
import type { Charge } from '@payweave/core';

/** True when `value` has the fields of a `Charge` the client relies on: order number, status, credential channel. */
export function isChargeLike(value: unknown): value is Charge {
  const charge = value as Partial<Charge> | null | undefined;
  return typeof charge?.orderNo === 'string' && typeof charge.status === 'string' && typeof charge.credential?.channel === 'string';
}
