/**
 * The public shapes of `pay.apple`: verified transactions and receipts, and the capability object itself.
 * @see https://developer.apple.com/documentation/appstoreserverapi/jwstransactiondecodedpayload
 */
/** The App Store environment a payload was signed in. */
export type AppleEnvironment = 'Production' | 'Sandbox';

/** Apple's product types; legacy receipts do not say, so their entries carry `'Unknown'` unless they expire. */
export type AppleProductType =
  | 'Auto-Renewable Subscription'
  | 'Non-Consumable'
  | 'Consumable'
  | 'Non-Renewing Subscription'
  | 'Unknown';

/**
 * How a transaction relates to the account presenting it: `new` (first claim of its original transaction),
 * `restore` (the owning account presents a transaction it presented before, or the original purchase again),
 * `renewal` (a later transaction of a subscription the account already owns).
 */
export type AppleOwnership = 'new' | 'restore' | 'renewal';

/** A verified App Store transaction, from a StoreKit 2 JWS or a legacy receipt entry. Dates are ISO 8601. */
export interface AppleTransaction {
  transactionId: string;
  originalTransactionId: string;
  productId: string;
  bundleId: string;
  environment: AppleEnvironment;
  purchaseDate: string;
  expiresDate?: string;
  /** Set when Apple refunded or revoked the transaction: grant nothing for it. */
  revocationDate?: string;
  /** Lower-case UUID the app passed to StoreKit (`pay.apple.appAccountToken(accountId)`). */
  appAccountToken?: string;
  quantity: number;
  type: AppleProductType;
  ownership: AppleOwnership;
  /** The verified payload (JWS) or receipt entry, verbatim. */
  raw: unknown;
}

/** A verified legacy receipt (`verifyReceipt`), its `in_app` and `latest_receipt_info` merged by transaction id. */
export interface AppleReceipt {
  bundleId: string;
  environment: AppleEnvironment;
  applicationVersion?: string;
  originalApplicationVersion?: string;
  receiptCreationDate?: string;
  /** Every transaction of the receipt, oldest purchase first. */
  transactions: AppleTransaction[];
  /** The latest base64 receipt Apple returned for auto-renewable subscriptions. */
  latestReceipt?: string;
  pendingRenewalInfo: unknown[];
  /** Apple's response body, verbatim. */
  raw: unknown;
}

/** Options of `verifyTransaction` / `verifyReceipt`. */
export interface AppleVerifyOptions {
  /**
   * The authenticated account presenting the purchase. When given, the original transaction is bound to it (first
   * come, first served), its `appAccountToken` must match, and `ownership` says new / restore / renewal.
   */
  accountId?: string;
}

/** `pay.apple`: Apple-specific operations (Apple has no charges). */
export interface AppleCapability {
  /** Verify a StoreKit 2 signed transaction (JWS) and, with `accountId`, bind it to that account. */
  verifyTransaction(signedTransaction: string, options?: AppleVerifyOptions): Promise<AppleTransaction>;
  /** Verify a legacy app receipt with Apple (production first, sandbox on 21007) and bind its transactions. */
  verifyReceipt(receiptData: string, options?: AppleVerifyOptions): Promise<AppleReceipt>;
  /** The deterministic UUID to pass to StoreKit as `appAccountToken` for this account. */
  appAccountToken(accountId: string): string;
  /**
   * App Store Server API: look a transaction up by id (needs `serverApi` in the config). The JWS Apple returns is
   * verified; nothing is bound to an account (`ownership` comes from the transaction alone).
   */
  getTransactionInfo(transactionId: string): Promise<AppleTransaction>;
  /** App Store Server API: one page of a customer's transaction history (needs `serverApi`); pass `revision` for the next. */
  getTransactionHistory(transactionId: string, options?: { revision?: string }): Promise<AppleTransactionHistory>;
  /** Verify a signed renewal info (JWS) and return its verified payload. */
  verifyRenewalInfo(signedRenewalInfo: string): Promise<Record<string, unknown>>;
}

/** One page of `getTransactionHistory`. */
export interface AppleTransactionHistory {
  transactions: AppleTransaction[];
  /** Pass to the next call while `hasMore`. */
  revision?: string;
  hasMore: boolean;
}
