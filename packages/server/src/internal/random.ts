/** Random identifiers from the platform CSPRNG (globalThis.crypto exists on Node 20 and every edge runtime). */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` characters of [A-Za-z0-9], uniformly distributed (rejection sampling, no modulo bias). */
export function randomToken(length = 32): string {
  let out = '';
  while (out.length < length) {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

/** A charge id: `ch_` + 24 random characters. */
export function newChargeId(): string {
  return `ch_${randomToken(24)}`;
}

/** A refund id: `re_` + 24 random characters. */
export function newRefundId(): string {
  return `re_${randomToken(24)}`;
}
