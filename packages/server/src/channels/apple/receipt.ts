/**
 * A routed verifyReceipt answer to an `AppleReceipt`: bundle id and environment enforced, `in_app` and
 * `latest_receipt_info` merged by transaction id (the latest information wins), oldest purchase first.
 * @see https://developer.apple.com/documentation/appstorereceipts/responsebody
 */
import { appIdentifierError, environmentError } from './errors';
import { parseReceiptEntry } from './map';
import type { ReceiptEntry } from './schemas';
import type { RoutedReceipt } from './actions/verify-receipt';
import type { AppleEnvironment } from './types';

/** A receipt whose app and environment were checked, its entries parsed and merged. */
export interface CheckedReceipt {
  bundleId: string;
  environment: AppleEnvironment;
  entries: ReceiptEntry[];
}

/** Check `routed` against the channel and merge its entries; throws `INVALID_APP_IDENTIFIER` / `INVALID_ENVIRONMENT`. */
export function checkReceipt(routed: RoutedReceipt, bundleId: string, accepted: 'Production' | 'Sandbox' | 'auto'): CheckedReceipt {
  const { response, environment } = routed;
  const receiptBundleId = response.receipt?.bundle_id;
  if (receiptBundleId !== bundleId) {
    throw appIdentifierError(`the receipt is for bundle id ${JSON.stringify(receiptBundleId)}, this channel serves ${bundleId}`);
  }
  if (accepted !== 'auto' && environment !== accepted) {
    const hint = environment === 'Sandbox' ? "; App Review and TestFlight buy in the Sandbox: use environment 'auto' in a production app" : '';
    throw environmentError(`the receipt is from the ${environment} environment (configured: ${accepted})${hint}`);
  }
  const merged = new Map<string, ReceiptEntry>();
  for (const value of [...(response.receipt?.in_app ?? []), ...(response.latest_receipt_info ?? [])]) {
    const entry = parseReceiptEntry(value);
    merged.set(entry.transaction_id, { ...merged.get(entry.transaction_id), ...entry });
  }
  const entries = [...merged.values()].sort((a, b) => Number(a.purchase_date_ms) - Number(b.purchase_date_ms));
  return { bundleId, environment, entries };
}
