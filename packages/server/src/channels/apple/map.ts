/**
 * Apple payloads to payweave shapes: JWS transactions and legacy receipt entries to `AppleTransaction`,
 * notification types to `iap.*` events.
 * @see https://developer.apple.com/documentation/appstoreservernotifications/notificationtype
 */
import { PayValidationError, toPayIssues, type PaymentEvent } from '@payweave/core';
import type * as z from 'zod';
import { canonicalUuid } from './account-token';
import { isJwsTransaction, JwsTransactionSchema, ReceiptEntrySchema, type ReceiptEntry } from './schemas';
import type { AppleEnvironment, AppleOwnership, AppleProductType, AppleTransaction } from './types';

const PRODUCT_TYPES = new Set<string>(['Auto-Renewable Subscription', 'Non-Consumable', 'Consumable', 'Non-Renewing Subscription']);

const iso = (epochMs: number | string | undefined): string | undefined =>
  epochMs === undefined ? undefined : new Date(Number(epochMs)).toISOString();

function parseLenient<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = toPayIssues(result.error);
  throw new PayValidationError(`apple: the verified ${what} lacks fields payweave needs: ${issues[0]?.path}: ${issues[0]?.message}`, issues, {
    code: 'APPLE_PAYLOAD_INVALID',
    channel: 'apple',
  });
}

/** A verified StoreKit 2 transaction payload as an `AppleTransaction` (ownership decided by the caller). */
export function transactionFromJws(payload: Record<string, unknown>, environment: AppleEnvironment, ownership: AppleOwnership): AppleTransaction {
  const tx = isJwsTransaction(payload) ? payload : parseLenient(JwsTransactionSchema, payload, 'transaction');
  const token = canonicalUuid(tx.appAccountToken);
  const expiresDate = iso(tx.expiresDate);
  const revocationDate = iso(tx.revocationDate);
  return {
    transactionId: tx.transactionId,
    originalTransactionId: tx.originalTransactionId,
    productId: tx.productId,
    bundleId: tx.bundleId,
    environment,
    purchaseDate: iso(tx.purchaseDate) as string,
    ...(expiresDate ? { expiresDate } : {}),
    ...(revocationDate ? { revocationDate } : {}),
    ...(token ? { appAccountToken: token } : {}),
    quantity: tx.quantity ?? 1,
    type: tx.type && PRODUCT_TYPES.has(tx.type) ? (tx.type as AppleProductType) : 'Unknown',
    ownership,
    raw: payload,
  };
}

/** Parse one receipt entry (lenient: unknown fields kept in `raw`). */
export function parseReceiptEntry(value: unknown): ReceiptEntry {
  return parseLenient(ReceiptEntrySchema, value, 'receipt entry');
}

/** A legacy receipt entry as an `AppleTransaction`; `type` is only known for expiring (subscription) entries. */
export function transactionFromReceiptEntry(
  entry: ReceiptEntry,
  bundleId: string,
  environment: AppleEnvironment,
  ownership: AppleOwnership,
): AppleTransaction {
  const token = canonicalUuid(entry.app_account_token);
  const expiresDate = iso(entry.expires_date_ms);
  const revocationDate = iso(entry.cancellation_date_ms);
  return {
    transactionId: entry.transaction_id,
    originalTransactionId: entry.original_transaction_id,
    productId: entry.product_id,
    bundleId,
    environment,
    purchaseDate: iso(entry.purchase_date_ms) as string,
    ...(expiresDate ? { expiresDate } : {}),
    ...(revocationDate ? { revocationDate } : {}),
    ...(token ? { appAccountToken: token } : {}),
    quantity: entry.quantity ? Number(entry.quantity) : 1,
    type: expiresDate ? 'Auto-Renewable Subscription' : 'Unknown',
    ownership,
    raw: entry,
  };
}

/** The `iap.*` event type of a Server Notifications V2 `notificationType`. */
export function eventTypeOf(notificationType: string, subtype?: string): PaymentEvent['type'] {
  switch (notificationType) {
    case 'SUBSCRIBED':
    case 'ONE_TIME_CHARGE':
      return 'iap.purchased';
    case 'OFFER_REDEEMED': // an offer code bought a subscription, or changed one the customer already has
      return subtype === undefined || subtype === 'INITIAL_BUY' || subtype === 'RESUBSCRIBE' ? 'iap.purchased' : 'iap.other';
    case 'DID_RENEW':
      return 'iap.renewed';
    case 'REFUND':
      return 'iap.refunded';
    case 'REVOKE':
      return 'iap.revoked';
    case 'EXPIRED':
    case 'GRACE_PERIOD_EXPIRED':
      return 'iap.expired';
    default:
      return 'iap.other';
  }
}
