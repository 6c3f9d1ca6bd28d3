/**
 * `appAccountToken`: the UUID an app passes to StoreKit (`Product.PurchaseOption.appAccountToken(uuid)`), echoed by
 * Apple inside the signed transaction. Deriving it from the account id lets the server check, without storing
 * anything, that a transaction was bought for the account now presenting it.
 *
 * Derivation (stable: changing it would orphan every token already handed to StoreKit):
 *   mac   = HMAC-SHA256(key = appAccountTokenSecret, message = UTF-8("payweave:appAccountToken:v1:" + accountId))
 *   bytes = mac[0..16); bytes[6] = 0x50 | (bytes[6] & 0x0f)   (version 5: name-based)
 *                       bytes[8] = 0x80 | (bytes[8] & 0x3f)   (RFC 4122 variant)
 *   token = lower-case 8-4-4-4-12 hex of bytes
 * The secret keeps account ids unguessable from tokens (Apple and the device see the token, never the id).
 * @see https://developer.apple.com/documentation/storekit/product/purchaseoption/appaccounttoken(_:)
 */
import { PayConfigError, PayValidationError } from '@payweave/core';
import { toHex, utf8 } from '../../internal/encoding';
import { hmacSha256Sync } from '../../internal/sha256';

const DOMAIN = 'payweave:appAccountToken:v1:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The appAccountToken UUID of `accountId` under `secret`. */
export function deriveAppAccountToken(secret: Uint8Array | undefined, accountId: string): string {
  if (!secret) {
    throw new PayConfigError('apple: set appAccountTokenSecret in apple({ ... }) to derive appAccountTokens', {
      code: 'APP_ACCOUNT_TOKEN_SECRET_MISSING',
      channel: 'apple',
    });
  }
  if (typeof accountId !== 'string' || accountId.length === 0) {
    throw new PayValidationError('apple: accountId must be a non-empty string', [{ path: 'accountId', message: 'expected a non-empty string' }]);
  }
  const bytes = hmacSha256Sync(secret, utf8(DOMAIN + accountId)).slice(0, 16);
  bytes[6] = 0x50 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = toHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Canonical lower-case form of a UUID string, or null when `value` is not one (StoreKit may send upper case). */
export function canonicalUuid(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const lower = value.toLowerCase();
  return UUID.test(lower) ? lower : null;
}
