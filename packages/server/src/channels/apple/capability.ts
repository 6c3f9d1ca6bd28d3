/**
 * `pay.apple`: verify StoreKit 2 transactions and legacy receipts, bind them to accounts, derive appAccountTokens.
 */
import { PayValidationError } from '@payweave/core';
import type { HttpClient } from '../../http/client';
import type { PaymentStore } from '../../lifecycle/store';
import { deriveAppAccountToken } from './account-token';
import { assertReceiptData, verifyReceiptRouted } from './actions/verify-receipt';
import type { ResolvedAppleConfig } from './config';
import { ownershipWithoutAccount, transactionFromJws, transactionFromReceiptEntry } from './map';
import { checkAccountToken, claimTransaction, type AccountTokenPolicy, type OwnedTransaction } from './ownership';
import { checkReceipt } from './receipt';
import type { AppleCapability, AppleOwnership, AppleReceipt, AppleTransaction } from './types';
import type { SignedDataVerifier } from './verifier';

/** What the capability needs once the channel is initialised. */
export interface AppleRuntime {
  verifier: SignedDataVerifier;
  http: HttpClient;
  warn: (message: string) => void;
}

/** Build the capability; `runtime()` throws until `init` ran, `store()` is undefined until the server binds one. */
export function createAppleCapability(
  config: ResolvedAppleConfig,
  runtime: () => AppleRuntime,
  store: () => PaymentStore | undefined,
): AppleCapability {
  let warnedNoSecret = false;

  const policy: AccountTokenPolicy = {
    required: config.requireAppAccountToken,
    expectedToken(accountId) {
      if (config.accountTokenSecret) return deriveAppAccountToken(config.accountTokenSecret, accountId);
      if (!warnedNoSecret) {
        warnedNoSecret = true;
        runtime().warn('apple: a transaction carries an appAccountToken but appAccountTokenSecret is not set, so it is not checked');
      }
      return undefined;
    },
  };

  const own = async (transaction: OwnedTransaction & { transactionReason?: string }, accountId: string | undefined): Promise<AppleOwnership> => {
    if (accountId === undefined) {
      return ownershipWithoutAccount(transaction.transactionId, transaction.originalTransactionId, transaction.transactionReason);
    }
    if (typeof accountId !== 'string' || accountId.length === 0) {
      throw new PayValidationError('apple: accountId must be a non-empty string', [{ path: 'accountId', message: 'expected a non-empty string' }], {
        channel: 'apple',
      });
    }
    checkAccountToken(transaction, accountId, policy);
    return claimTransaction(store(), transaction, accountId);
  };

  return {
    async verifyTransaction(signedTransaction, options = {}): Promise<AppleTransaction> {
      const { payload, environment } = await runtime().verifier.verifyTransaction(signedTransaction);
      const transaction = transactionFromJws(payload, environment, 'new');
      const reason = typeof payload.transactionReason === 'string' ? payload.transactionReason : undefined;
      const ownership = await own({ ...transaction, ...(reason ? { transactionReason: reason } : {}) }, options.accountId);
      return { ...transaction, ownership };
    },

    async verifyReceipt(receiptData, options = {}): Promise<AppleReceipt> {
      const data = assertReceiptData(receiptData);
      const { http } = runtime();
      const routed = await verifyReceiptRouted({
        http,
        urls: config.verifyReceiptUrls,
        receiptData: data,
        ...(config.sharedSecret !== undefined ? { sharedSecret: config.sharedSecret } : {}),
        start: config.environment === 'Sandbox' ? 'sandbox' : 'production',
      });
      const checked = checkReceipt(routed, config.bundleId, config.environment);
      const transactions: AppleTransaction[] = [];
      for (const entry of checked.entries) {
        const base = transactionFromReceiptEntry(entry, checked.bundleId, checked.environment, 'new');
        transactions.push({ ...base, ownership: await own(base, options.accountId) });
      }
      const { response } = routed;
      const creation = response.receipt?.receipt_creation_date_ms;
      return {
        bundleId: checked.bundleId,
        environment: checked.environment,
        ...(response.receipt?.application_version ? { applicationVersion: response.receipt.application_version } : {}),
        ...(response.receipt?.original_application_version ? { originalApplicationVersion: response.receipt.original_application_version } : {}),
        ...(creation ? { receiptCreationDate: new Date(Number(creation)).toISOString() } : {}),
        transactions,
        ...(response.latest_receipt ? { latestReceipt: response.latest_receipt } : {}),
        pendingRenewalInfo: response.pending_renewal_info ?? [],
        raw: response,
      };
    },

    appAccountToken(accountId) {
      return deriveAppAccountToken(config.accountTokenSecret, accountId);
    },

    async verifyRenewalInfo(signedRenewalInfo) {
      return (await runtime().verifier.verifyRenewalInfo(signedRenewalInfo)).payload;
    },
  };
}
