/**
 * Binding purchases to accounts. A receipt or signed transaction names no account, so a valid one captured on a
 * jailbroken device could be replayed by another account. The store binds each `originalTransactionId` to the
 * first account that presents it; every later presentation by another account is refused.
 *
 * Ownership of an accepted transaction:
 * - `new`: this call bound the original transaction to the account (first purchase, or first sight of it);
 * - `restore`: the account owned it already and presents the original purchase, or a transaction it presented before;
 * - `renewal`: the account owned it already and presents a later transaction it never presented before.
 * "Presented before" is tracked by also claiming `tx:<transactionId>` in the same store (original transaction ids
 * are digits only, so the prefixed keys never collide with them).
 */
import { PayConfigError } from '@payweave/core';
import type { PaymentStore } from '../../lifecycle/store';
import { canonicalUuid } from './account-token';
import { accountTokenMismatchError, claimedByOtherAccountError } from './errors';
import type { AppleOwnership } from './types';

/** What ownership needs to know about a transaction. */
export interface OwnedTransaction {
  transactionId: string;
  originalTransactionId: string;
  appAccountToken?: string;
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

/** Bind the transaction to `accountId` and say how it relates to the account; throws when another account owns it. */
export async function claimTransaction(store: PaymentStore | undefined, transaction: OwnedTransaction, accountId: string): Promise<AppleOwnership> {
  if (!store) {
    throw new PayConfigError('apple: verifying with an accountId needs a store: register apple() with createPayServer', {
      code: 'STORE_MISSING',
      channel: 'apple',
    });
  }
  const claim = await store.claimAppleTransaction(transaction.originalTransactionId, accountId);
  if (claim.owner !== accountId) throw claimedByOtherAccountError(transaction.originalTransactionId);
  const isOriginal = transaction.transactionId === transaction.originalTransactionId;
  if (isOriginal) return claim.created ? 'new' : 'restore';
  const seen = await store.claimAppleTransaction(`tx:${transaction.transactionId}`, accountId);
  if (claim.created) return 'new';
  return seen.created ? 'renewal' : 'restore';
}
