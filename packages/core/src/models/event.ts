import * as z from 'zod';
import { PROVIDERS } from '../channels';

export const PAYMENT_EVENT_TYPES = [
  'charge.succeeded',
  'charge.failed',
  'charge.closed',
  'refund.succeeded',
  'refund.failed',
  'iap.purchased',
  'iap.renewed',
  'iap.refunded',
  'iap.revoked',
  'iap.expired',
  'iap.other',
] as const;
export type PaymentEventType = (typeof PAYMENT_EVENT_TYPES)[number];

/** A verified gateway notification (or query result), normalised. `id` is stable across redeliveries. */
export const PaymentEventSchema = z.object({
  id: z.string().min(1),
  type: z.enum(PAYMENT_EVENT_TYPES),
  provider: z.enum(PROVIDERS),
  orderNo: z.string().optional(),
  refundNo: z.string().optional(),
  channelTradeNo: z.string().optional(),
  amount: z.number().int().nonnegative().optional(),
  currency: z.string().optional(),
  occurredAt: z.string(),
  raw: z.unknown(),
});
export type PaymentEvent = z.infer<typeof PaymentEventSchema>;
