/**
 * Binding purchases to accounts. A receipt or signed transaction names no account, so a valid one captured on a
 * jailbroken device could be replayed by another account. The store binds each `originalTransactionId` to the
 * first account that presents it; every later presentation by another account is refused.
 *
 * Ownership of an accepted transaction:
 * - `new`: this call bound the original transaction to the account (first purchase, or first sight of it);
 * - `renewal`: the account owned it already and presents, for the first time, a later transaction of the
 *   subscription (a renewal, resubscription or upgrade);
 * - `restore`: anything else the owner presents: the original purchase again, a transaction it presented before,
 *   or a one-time purchase restored under a new transaction id (StoreKit's restore issues one).
 * "Presented before" is the store's `recordAppleTransaction`.
 * @see https://developer.apple.com/documentation/storekit/skpaymenttransaction/original
 */
import { PayConfigError } from '@payweave/core';
import type { PaymentStore } from '../../lifecycle/store';
import { canonicalUuid } from './account-token';
import { accountTokenMismatchError, claimedByOtherAccountError } from './errors';
import type { AppleOwnership, AppleProductType } from './types';

/** What ownership needs to know about a transaction. */
export interface OwnedTransaction {
  transactionId: string;
  originalTransactionId: string;
  appAccountToken?: string;
  type: AppleProductType;
  /** StoreKit 2's `transactionReason` (`PURCHASE` | `RENEWAL`); receipts have none. */
  transactionReason?: string;
}

/** True for a later transaction of a subscription; a one-time purchase gets a new id only when it is restored. */
function extendsSubscription(transaction: OwnedTransaction): boolean {
  if (transaction.transactionId === transaction.originalTransactionId) return false;
  return transaction.transactionReason === 'RENEWAL' || transaction.type === 'Auto-Renewable Subscription';
}

/** Ownership when no account is given: read from the transaction alone (nothing is bound). */
export function ownershipWithoutAccount(transaction: OwnedTransaction): AppleOwnership {
  if (transaction.transactionId === transaction.originalTransactionId) return 'new';
  return extendsSubscription(transaction) ? 'renewal' : 'restore';
}

/** How the appAccountToken is checked. */
export interface AccountTokenPolicy {
  /** The expected token of an account, or undefined when no secret is configured (no check possible). */
  expectedToken(accountId: string): string | undefined;
  /** Refuse transactions without a token. */
  required: boolean;
}

/** Throws when the transaction's appAccountToken says it was bought for another account. */
export function checkAccountToken(transaction: OwnedTransaction, accountId: string, policy: AccountTokenPolicy): void {
  const presented = canonicalUuid(transaction.appAccountToken);
  if (presented === null) {
    if (policy.required) throw accountTokenMismatchError();
    return;
  }
  const expected = policy.expectedToken(accountId);
  if (expected !== undefined && presented !== expected) throw accountTokenMismatchError();
}

function requireStore(store: PaymentStore | undefined): PaymentStore {
  if (!store) {
    throw new PayConfigError('apple: verifying with an accountId needs a store: register apple() with createPayServer', {
      code: 'STORE_MISSING',
      channel: 'apple',
    });
  }
  return store;
}

/**
 * Throws when any of `transactions` is bound to another account, before anything is bound. A receipt holds several
 * transactions: claimed one at a time, a captured receipt replayed by another account would bind the owner's
 * not-yet-presented purchases to that account before the first conflict stopped it, and the owner would be refused
 * them later. Two presentations racing can still interleave; the claims themselves stay first come, first served.
 */
export async function refuseOwnedByOthers(store: PaymentStore | undefined, transactions: readonly OwnedTransaction[], accountId: string): Promise<void> {
  const checked = requireStore(store);
  for (const originalTransactionId of new Set(transactions.map((transaction) => transaction.originalTransactionId))) {
    const owner = await checked.getAppleOwner(originalTransactionId);
    if (owner !== null && owner !== accountId) throw claimedByOtherAccountError(originalTransactionId);
  }
}

/** Bind the transaction to `accountId` and say how it relates to the account; throws when another account owns it. */
export async function claimTransaction(store: PaymentStore | undefined, transaction: OwnedTransaction, accountId: string): Promise<AppleOwnership> {
  const bound = requireStore(store);
  const claim = await bound.claimAppleTransaction(transaction.originalTransactionId, accountId);
  if (claim.owner !== accountId) throw claimedByOtherAccountError(transaction.originalTransactionId);
  const firstSight = await bound.recordAppleTransaction(transaction.transactionId, transaction.originalTransactionId, accountId);
  if (claim.created) return 'new';
  return firstSight && extendsSubscription(transaction) ? 'renewal' : 'restore';
}
