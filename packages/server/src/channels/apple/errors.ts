/**
 * Apple failures as typed payweave errors. JWS codes follow the statuses of Apple's own verifier
 * (INVALID_APP_IDENTIFIER, INVALID_ENVIRONMENT, INVALID_CHAIN_LENGTH, INVALID_CERTIFICATE); verifyReceipt
 * statuses map to `PayGatewayError`s whose `gatewayCode` is the numeric status.
 * @see https://developer.apple.com/documentation/appstorereceipts/status
 */
import { PayError, PayGatewayError, PaySignatureError } from '@payweave/core';

const CHANNEL = 'apple';

/** Why a JWS was refused: each is a `PaySignatureError` code. */
export type JwsFailure =
  | 'JWS_MALFORMED'
  | 'JWS_ALGORITHM_UNSUPPORTED'
  | 'INVALID_CHAIN_LENGTH'
  | 'INVALID_CERTIFICATE'
  | 'CERTIFICATE_CHAIN_INVALID'
  | 'SIGNATURE_INVALID';

/** A JWS that must not be trusted. */
export function jwsError(code: JwsFailure, message: string, cause?: unknown): PaySignatureError {
  return new PaySignatureError(`apple: ${message}`, { code, channel: CHANNEL, cause });
}

/** An authentic payload for another app (bundle id / app Apple id). */
export function appIdentifierError(message: string): PayError {
  return new PayError(`apple: ${message}`, { code: 'INVALID_APP_IDENTIFIER', channel: CHANNEL });
}

/** An authentic payload from an environment this channel does not accept. */
export function environmentError(message: string): PayError {
  return new PayError(`apple: ${message}`, { code: 'INVALID_ENVIRONMENT', channel: CHANNEL });
}

/** The transaction is bound to another account: a receipt or JWS replayed by a second account. */
export function claimedByOtherAccountError(originalTransactionId: string): PayError {
  return new PayError(
    `apple: original transaction ${originalTransactionId} belongs to another account; refuse the grant (a purchase ` +
      'is bound to the first account that presented it)',
    { code: 'TRANSACTION_CLAIMED_BY_OTHER_ACCOUNT', channel: CHANNEL },
  );
}

/** The transaction's appAccountToken is not the one derived for the presenting account. */
export function accountTokenMismatchError(): PayError {
  return new PayError(
    'apple: the transaction was bought with another account\'s appAccountToken: refuse the grant (purchase with ' +
      'pay.apple.appAccountToken(accountId) in StoreKit)',
    { code: 'APP_ACCOUNT_TOKEN_MISMATCH', channel: CHANNEL },
  );
}

interface ReceiptStatusRule {
  code: string;
  retryable: boolean;
  hint: string;
}

function receiptStatusRule(status: number): ReceiptStatusRule {
  if (status >= 21100 && status <= 21199) {
    return { code: 'RECEIPT_SERVER_ERROR', retryable: true, hint: 'Apple internal data access error; retry later' };
  }
  switch (status) {
    case 21000:
      return { code: 'RECEIPT_REQUEST_INVALID', retryable: false, hint: 'the request to the App Store was malformed' };
    case 21002:
      return { code: 'RECEIPT_MALFORMED', retryable: true, hint: 'receipt-data was malformed or Apple had a temporary issue; retry, then check that the app sends the whole base64 receipt' };
    case 21003:
      return { code: 'RECEIPT_NOT_AUTHENTICATED', retryable: false, hint: 'the receipt could not be authenticated: refuse it' };
    case 21004:
      return { code: 'SHARED_SECRET_MISMATCH', retryable: false, hint: 'the sharedSecret does not match the app: copy the app-specific shared secret from App Store Connect' };
    case 21005:
      return { code: 'RECEIPT_SERVER_UNAVAILABLE', retryable: true, hint: 'the receipt server is temporarily unavailable; retry later' };
    case 21009:
      return { code: 'RECEIPT_SERVER_ERROR', retryable: true, hint: 'Apple internal data access error; retry later' };
    case 21010:
      return { code: 'RECEIPT_ACCOUNT_NOT_FOUND', retryable: false, hint: 'the user account cannot be found or was deleted' };
    default:
      return { code: 'RECEIPT_REJECTED', retryable: false, hint: 'Apple rejected the receipt' };
  }
}

/** A non-zero verifyReceipt status as a `PayGatewayError` (`isRetryable` per Apple's status table and `is-retryable`). */
export function receiptStatusError(status: number, isRetryableFlag: boolean, raw: unknown): PayGatewayError {
  const rule = receiptStatusRule(status);
  return new PayGatewayError(`apple: verifyReceipt status ${status}: ${rule.hint}`, {
    code: rule.code,
    channel: CHANNEL,
    isRetryable: rule.retryable || isRetryableFlag,
    gatewayCode: String(status),
    raw,
  });
}
