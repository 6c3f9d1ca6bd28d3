/**
 * iOS 6-style transaction receipts (`SKPaymentTransaction.transactionReceipt`): base64 of an old-style (NeXTSTEP)
 * property list whose `purchase-info` is itself base64 of a plist holding `transaction-id`. Reading the id lets a
 * server look the transaction up with the App Store Server API when only such a receipt is at hand.
 * @see https://developer.apple.com/documentation/appstoreserverapi/get_transaction_history (look-up by transaction id)
 */
import { PayValidationError } from '@payweave/core';
import { fromBase64, fromUtf8Strict } from '../../internal/encoding';

const MAX_RECEIPT_LENGTH = 256 * 1024;

function invalid(message: string): PayValidationError {
  return new PayValidationError(`apple: ${message}`, [{ path: 'receipt', message }], { code: 'LEGACY_RECEIPT_INVALID', channel: 'apple' });
}

function decodePlistText(base64: string, what: string): string {
  const bytes = /^[A-Za-z0-9+/=\s]+$/.test(base64) ? fromBase64(base64) : null;
  const text = bytes ? fromUtf8Strict(bytes) : null;
  if (text === null) throw invalid(`the ${what} is not base64 of a text property list`);
  return text;
}

/** The value of `"key" = "value";` in an old-style plist dictionary, or undefined (`key` is a literal without regex characters). */
function plistString(text: string, key: 'purchase-info' | 'transaction-id'): string | undefined {
  return new RegExp(`"${key}"\\s*=\\s*"([^"]*)"\\s*;`).exec(text)?.[1];
}

/** The transaction id inside a legacy transaction receipt (not verified: Apple's servers hold the truth). */
export function transactionIdFromLegacyReceipt(receipt: string): string {
  if (typeof receipt !== 'string' || receipt.length === 0 || receipt.length > MAX_RECEIPT_LENGTH) {
    throw invalid('pass the base64 transaction receipt as a string');
  }
  const purchaseInfo = plistString(decodePlistText(receipt, 'receipt'), 'purchase-info');
  if (purchaseInfo === undefined) throw invalid('the receipt has no purchase-info entry');
  const transactionId = plistString(decodePlistText(purchaseInfo, 'purchase-info'), 'transaction-id');
  if (transactionId === undefined || !/^\d+$/.test(transactionId)) throw invalid('the purchase-info has no numeric transaction-id');
  return transactionId;
}
