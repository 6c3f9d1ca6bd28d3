/**
 * Errors and input checks shared by the two crypto providers, so that both fail the same way for the same input
 * (the contract suite asserts codes, not provider-specific messages).
 */
import { PayConfigError, PaySignatureError } from '@payweave/core';

/** Stable code of every authenticated-decryption or padding failure. */
export const DECRYPTION_FAILED = 'DECRYPTION_FAILED';

/** A ciphertext did not authenticate or unpad: forged, corrupted, or decrypted with the wrong key. */
export function decryptionFailed(what: string, cause?: unknown): PaySignatureError {
  return new PaySignatureError(
    `${what} failed: the ciphertext was altered or the key is wrong (check the API key configured for this merchant)`,
    { code: DECRYPTION_FAILED, cause },
  );
}

/** AES key size in bits (128 or 256); throws `PayConfigError` for any other key length. */
export function aesKeyBits(key: Uint8Array, what: string): 128 | 256 {
  if (key.length === 32) return 256;
  if (key.length === 16) return 128;
  throw new PayConfigError(`${what} needs a 32-byte (or 16-byte) key, got ${key.length} bytes: check the configured key`);
}

/** A key handle that was not made by this provider instance. */
export function foreignHandle(): PayConfigError {
  return new PayConfigError('this key handle was imported by another crypto provider: import the key with the provider you use');
}
