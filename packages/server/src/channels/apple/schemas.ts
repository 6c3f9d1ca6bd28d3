/**
 * Lenient schemas of Apple's payloads: only the fields payweave reads are checked, unknown fields and enum values
 * pass through untouched (Apple adds fields every year).
 * @see https://developer.apple.com/documentation/appstoreserverapi/jwstransactiondecodedpayload
 * @see https://developer.apple.com/documentation/appstoreservernotifications/responsebodyv2decodedpayload
 * @see https://developer.apple.com/documentation/appstorereceipts/responsebody
 */
import * as z from 'zod';

const epochMs = z.number().int().nonnegative();

/** JWSTransactionDecodedPayload (dates: epoch milliseconds as numbers). */
export const JwsTransactionSchema = z.looseObject({
  transactionId: z.string().min(1),
  originalTransactionId: z.string().min(1),
  bundleId: z.string().min(1),
  productId: z.string().min(1),
  environment: z.string(),
  purchaseDate: epochMs,
  signedDate: epochMs,
  expiresDate: epochMs.optional(),
  revocationDate: epochMs.optional(),
  appAccountToken: z.string().optional(),
  quantity: z.number().int().positive().optional(),
  type: z.string().optional(),
  transactionReason: z.string().optional(),
});
export type JwsTransaction = z.infer<typeof JwsTransactionSchema>;

const isEpochMs = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
const isNonEmptyString = (value: unknown): boolean => typeof value === 'string' && value.length > 0;
const isOptionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

/**
 * The checks of `JwsTransactionSchema` by hand, for the verification hot path: true exactly when the schema would
 * accept `value` (callers parse with the schema when this is false, to get its issues).
 */
export function isJwsTransaction(value: unknown): value is JwsTransaction {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const tx = value as Record<string, unknown>;
  return (
    isNonEmptyString(tx.transactionId) &&
    isNonEmptyString(tx.originalTransactionId) &&
    isNonEmptyString(tx.bundleId) &&
    isNonEmptyString(tx.productId) &&
    typeof tx.environment === 'string' &&
    isEpochMs(tx.purchaseDate) &&
    isEpochMs(tx.signedDate) &&
    (tx.expiresDate === undefined || isEpochMs(tx.expiresDate)) &&
    (tx.revocationDate === undefined || isEpochMs(tx.revocationDate)) &&
    isOptionalString(tx.appAccountToken) &&
    (tx.quantity === undefined || (Number.isSafeInteger(tx.quantity) && (tx.quantity as number) > 0)) &&
    isOptionalString(tx.type) &&
    isOptionalString(tx.transactionReason)
  );
}

/** The fields every signed payload must carry for the chain and environment checks. */
export const SignedPayloadBaseSchema = z.looseObject({
  signedDate: epochMs,
});

/** JWSRenewalInfoDecodedPayload. */
export const JwsRenewalInfoSchema = z.looseObject({
  environment: z.string(),
  signedDate: epochMs,
});

/** ResponseBodyV2DecodedPayload. */
export const NotificationPayloadSchema = z.looseObject({
  notificationType: z.string().min(1),
  subtype: z.string().optional(),
  notificationUUID: z.string().min(1),
  signedDate: epochMs,
  version: z.string().optional(),
  data: z
    .looseObject({
      environment: z.string().optional(),
      appAppleId: z.number().optional(),
      bundleId: z.string().optional(),
      signedTransactionInfo: z.string().optional(),
      signedRenewalInfo: z.string().optional(),
    })
    .optional(),
  summary: z.looseObject({ environment: z.string().optional(), appAppleId: z.number().optional(), bundleId: z.string().optional() }).optional(),
  externalPurchaseToken: z.looseObject({ appAppleId: z.number().optional(), bundleId: z.string().optional() }).optional(),
  appData: z.looseObject({ environment: z.string().optional(), appAppleId: z.number().optional(), bundleId: z.string().optional() }).optional(),
});
export type NotificationPayload = z.infer<typeof NotificationPayloadSchema>;

/** The notification request body Apple POSTs. */
export const NotificationBodySchema = z.looseObject({ signedPayload: z.string().min(1) });

const msString = z.string().regex(/^\d+$/);

/** One `in_app` / `latest_receipt_info` entry (every value a string). */
export const ReceiptEntrySchema = z.looseObject({
  transaction_id: z.string().min(1),
  original_transaction_id: z.string().min(1),
  product_id: z.string().min(1),
  quantity: z.string().regex(/^\d+$/).optional(),
  purchase_date_ms: msString,
  expires_date_ms: msString.optional(),
  cancellation_date_ms: msString.optional(),
  app_account_token: z.string().optional(),
});
export type ReceiptEntry = z.infer<typeof ReceiptEntrySchema>;

/** The verifyReceipt response body (only `status` is guaranteed on errors). */
export const ReceiptResponseSchema = z.looseObject({
  status: z.number().int(),
  environment: z.string().optional(),
  'is-retryable': z.union([z.boolean(), z.number()]).optional(),
  receipt: z
    .looseObject({
      bundle_id: z.string().optional(),
      application_version: z.string().optional(),
      original_application_version: z.string().optional(),
      receipt_creation_date_ms: msString.optional(),
      in_app: z.array(z.unknown()).optional(),
    })
    .optional(),
  latest_receipt: z.string().optional(),
  latest_receipt_info: z.array(z.unknown()).optional(),
  pending_renewal_info: z.array(z.unknown()).optional(),
});
export type ReceiptResponse = z.infer<typeof ReceiptResponseSchema>;
