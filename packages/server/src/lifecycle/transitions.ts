import type { ChargeStatus, PaymentEvent, PaymentEventType, RefundStatus } from '@payweave/core';
import type { StoredCharge } from '../channels/types';
import type { Charge } from '@payweave/core';

/** The charge status a charge event moves to. */
export const CHARGE_EVENT_STATUS: Partial<Record<PaymentEventType, ChargeStatus>> = {
  'charge.succeeded': 'succeeded',
  'charge.failed': 'failed',
  'charge.closed': 'closed',
};

/** The refund status a refund event moves to. */
export const REFUND_EVENT_STATUS: Partial<Record<PaymentEventType, RefundStatus>> = {
  'refund.succeeded': 'succeeded',
  'refund.failed': 'failed',
};

/**
 * Legal charge transitions: only a pending charge changes state; `succeeded`, `failed` and `closed` are final
 * (refunds are tracked beside a succeeded charge, not as a status). Anything else is an anomaly to surface.
 */
export const CHARGE_SOURCES: Record<ChargeStatus, readonly ChargeStatus[]> = {
  pending: [],
  succeeded: ['pending'],
  failed: ['pending'],
  closed: ['pending'],
};

/** Final states a verified payment can still arrive in (paid after close): recorded on the charge, refundable. */
export const LATE_PAYMENT_STATUSES: readonly ChargeStatus[] = ['closed', 'failed'];

/** True when `charge` holds money: succeeded, or a verified payment arrived after it was closed or failed. */
export function holdsPayment(charge: Pick<StoredCharge, 'status' | 'paidAt'>): boolean {
  return charge.status === 'succeeded' || (LATE_PAYMENT_STATUSES.includes(charge.status) && charge.paidAt !== undefined);
}

/**
 * The canonical event id: one per real state change, whichever path reported it (notification, browser return,
 * active query), so that a notification and a re-query of the same payment dedupe to one `onEvent` call.
 */
export function canonicalEventId(event: PaymentEvent): string {
  if (event.type.startsWith('charge.') && event.orderNo) return `${event.provider}:charge:${event.orderNo}:${event.type}`;
  if (event.type.startsWith('refund.') && event.refundNo) return `${event.provider}:refund:${event.refundNo}:${event.type}`;
  return event.id;
}

/** The public view of a stored charge: channel-private data stays on the server. */
export function toPublicCharge(charge: StoredCharge): Charge {
  const { provider: _provider, channelData: _channelData, ...rest } = charge;
  return rest;
}
