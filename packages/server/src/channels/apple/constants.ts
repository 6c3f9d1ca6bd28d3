/**
 * Apple endpoints, marker OIDs and limits.
 * @see https://developer.apple.com/documentation/appstorereceipts/verifyreceipt
 * @see https://developer.apple.com/documentation/appstoreserverapi
 */

/** Legacy receipt validation endpoints (deprecated by Apple in 2023, still served). */
export const VERIFY_RECEIPT_URLS = {
  production: 'https://buy.itunes.apple.com/verifyReceipt',
  sandbox: 'https://sandbox.itunes.apple.com/verifyReceipt',
} as const;

/** App Store Server API base URLs. */
export const SERVER_API_URLS = {
  production: 'https://api.storekit.apple.com',
  sandbox: 'https://api.storekit-sandbox.apple.com',
} as const;

/** Extension Apple puts on every App Store receipt-signing leaf certificate. */
export const LEAF_MARKER_OID = '1.2.840.113635.100.6.11.1';
/** Extension Apple puts on the Worldwide Developer Relations intermediate CA. */
export const INTERMEDIATE_MARKER_OID = '1.2.840.113635.100.6.2.1';

/**
 * Upper bound on a compact JWS we accept. Apple's signed transactions are ~4-6 KB and notifications ~15 KB
 * (three certificates, nested JWS); anything far larger is hostile input, refused before decoding.
 */
export const MAX_JWS_LENGTH = 128 * 1024;
/** Upper bound on the decoded JWS header (it holds the three x5c certificates). */
export const MAX_HEADER_LENGTH = 16 * 1024;

/** How many verified certificate chains the verifier keeps (Apple rotates leaves every few months). */
export const CHAIN_CACHE_SIZE = 32;

/** verifyReceipt status codes the router acts on. */
export const RECEIPT_STATUS = {
  OK: 0,
  /** Valid receipt whose subscription expired (iOS 6-style receipts): Apple still returns the receipt. */
  SUBSCRIPTION_EXPIRED: 21006,
  /** A sandbox receipt was sent to production: retry on sandbox. */
  SANDBOX_RECEIPT: 21007,
  /** A production receipt was sent to sandbox: retry on production. */
  PRODUCTION_RECEIPT: 21008,
} as const;

/** Timeout of one verifyReceipt call. */
export const RECEIPT_TIMEOUT_MS = 15_000;
