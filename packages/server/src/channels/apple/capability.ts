/**
 * `pay.apple`: verify StoreKit 2 transactions and legacy receipts, bind them to accounts, derive appAccountTokens.
 */
import { PayConfigError, PayValidationError } from '@payweave/core';
import type { HttpClient } from '../../http/client';
import type { PaymentStore } from '../../lifecycle/store';
import { deriveAppAccountToken } from './account-token';
import { assertTransactionId, serverApiGet, type ServerApiClient } from './actions/server-api';
import { assertReceiptData, verifyReceiptRouted } from './actions/verify-receipt';
import type { ResolvedAppleConfig } from './config';
import { transactionFromJws, transactionFromReceiptEntry } from './map';
import { checkAccountToken, claimTransaction, ownershipWithoutAccount, refuseOwnedByOthers, type AccountTokenPolicy, type OwnedTransaction } from './ownership';
import { checkReceipt } from './receipt';
import type { AppleCapability, AppleOwnership, AppleReceipt, AppleTransaction } from './types';
import type { SignedDataVerifier } from './verifier';

/** StoreKit 2's `transactionReason` of a verified payload, when it has one. */
const reasonOf = (payload: Record<string, unknown>): { transactionReason?: string } =>
  typeof payload.transactionReason === 'string' ? { transactionReason: payload.transactionReason } : {};

/** What the capability needs once the channel is initialised. */
export interface AppleRuntime {
  verifier: SignedDataVerifier;
  http: HttpClient;
  warn: (message: string) => void;
  /** Present when the config has `serverApi`. */
  serverApi?: ServerApiClient;
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

  /** The accountId option, checked: undefined when not given. */
  const accountOf = (accountId: unknown): string | undefined => {
    if (accountId === undefined) return undefined;
    if (typeof accountId !== 'string' || accountId.length === 0) {
      throw new PayValidationError('apple: accountId must be a non-empty string', [{ path: 'accountId', message: 'expected a non-empty string' }], {
        channel: 'apple',
      });
    }
    return accountId;
  };

  const own = async (transaction: OwnedTransaction, accountId: string | undefined): Promise<AppleOwnership> => {
    const account = accountOf(accountId);
    if (account === undefined) return ownershipWithoutAccount(transaction);
    checkAccountToken(transaction, account, policy);
    return claimTransaction(store(), transaction, account);
  };

  /**
   * Ownership of every transaction of a receipt. Everything that can refuse the receipt (a token of another account,
   * a transaction another account owns) is checked for all of them before the first is bound.
   */
  const ownAll = async (transactions: readonly OwnedTransaction[], accountId: string | undefined): Promise<AppleOwnership[]> => {
    const account = accountOf(accountId);
    if (account !== undefined) {
      for (const transaction of transactions) checkAccountToken(transaction, account, policy);
      await refuseOwnedByOthers(store(), transactions, account);
    }
    const ownership: AppleOwnership[] = [];
    for (const transaction of transactions) ownership.push(await own(transaction, account));
    return ownership;
  };

  const serverApi = (): ServerApiClient => {
    const client = runtime().serverApi;
    if (!client) {
      throw new PayConfigError('apple: the App Store Server API needs serverApi: { issuerId, keyId, privateKey } in apple({ ... })', {
        code: 'SERVER_API_NOT_CONFIGURED',
        channel: 'apple',
      });
    }
    return client;
  };

  /** A JWS returned by the Server API, verified like one from the app; nothing is bound. */
  const lookedUp = async (jws: unknown): Promise<AppleTransaction> => {
    const { payload, environment } = await runtime().verifier.verifyTransaction(jws);
    const transaction = transactionFromJws(payload, environment, 'new');
    return { ...transaction, ownership: ownershipWithoutAccount({ ...transaction, ...reasonOf(payload) }) };
  };

  return {
    // Options read with `?.`: null means no options, as undefined does.
    async verifyTransaction(signedTransaction, options): Promise<AppleTransaction> {
      const { payload, environment } = await runtime().verifier.verifyTransaction(signedTransaction);
      const transaction = transactionFromJws(payload, environment, 'new');
      const ownership = await own({ ...transaction, ...reasonOf(payload) }, options?.accountId);
      return { ...transaction, ownership };
    },

    async verifyReceipt(receiptData, options): Promise<AppleReceipt> {
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
      const bases = checked.entries.map((entry) => transactionFromReceiptEntry(entry, checked.bundleId, checked.environment, 'new'));
      const ownership = await ownAll(bases, options?.accountId);
      const transactions: AppleTransaction[] = bases.map((base, i) => ({ ...base, ownership: ownership[i] as AppleOwnership }));
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

    async getTransactionInfo(transactionId) {
      const id = assertTransactionId(transactionId);
      const body = await serverApiGet(serverApi(), `/inApps/v1/transactions/${id}`);
      return lookedUp(body.signedTransactionInfo);
    },

    async getTransactionHistory(transactionId, options) {
      const id = assertTransactionId(transactionId);
      const query = options?.revision ? `?revision=${encodeURIComponent(options.revision)}` : '';
      const body = await serverApiGet(serverApi(), `/inApps/v2/history/${id}${query}`);
      const signed = Array.isArray(body.signedTransactions) ? body.signedTransactions : [];
      const transactions = await Promise.all(signed.map(lookedUp));
      return { transactions, ...(typeof body.revision === 'string' ? { revision: body.revision } : {}), hasMore: body.hasMore === true };
    },

    appAccountToken(accountId) {
      return deriveAppAccountToken(config.accountTokenSecret, accountId);
    },

    async verifyRenewalInfo(signedRenewalInfo) {
      return (await runtime().verifier.verifyRenewalInfo(signedRenewalInfo)).payload;
    },
  };
}
