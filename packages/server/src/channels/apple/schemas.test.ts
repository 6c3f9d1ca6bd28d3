import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJwsTransaction, JwsTransactionSchema } from './schemas';

// Values near the schema's boundaries: empty and non-empty strings, negative, fractional, unsafe and zero numbers,
// and values of the wrong type.
const leaf = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('', '2000000000000001', 'Sandbox', 'Consumable'),
  fc.constantFrom(0, 1, -1, 2.5, 1_700_000_000_000, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY),
  fc.constantFrom(null, true, [], {}),
);
const keys = [
  'transactionId', 'originalTransactionId', 'bundleId', 'productId', 'environment', 'purchaseDate', 'signedDate',
  'expiresDate', 'revocationDate', 'appAccountToken', 'quantity', 'type', 'transactionReason', 'storefront',
];
const valid = {
  transactionId: '2000000000000001', originalTransactionId: '2000000000000001', bundleId: 'com.example', productId: 'coins',
  environment: 'Sandbox', purchaseDate: 1_700_000_000_000, signedDate: 1_700_000_000_000,
};
const payload = fc.oneof(
  leaf,
  fc.record(Object.fromEntries(keys.map((k) => [k, leaf])), { requiredKeys: [] }),
  // Mostly valid payloads with one or two fields changed, so both outcomes are well covered.
  fc.record(Object.fromEntries(keys.map((k) => [k, leaf])), { requiredKeys: [] }).chain((changes) =>
    fc.subarray(Object.keys(changes), { maxLength: 2 }).map((picked) => ({ ...valid, ...Object.fromEntries(picked.map((k) => [k, changes[k]])) })),
  ),
);

describe('isJwsTransaction', () => {
  it('accepts exactly what JwsTransactionSchema accepts', () => {
    fc.assert(fc.property(payload, (value) => {
        expect(isJwsTransaction(value)).toBe(JwsTransactionSchema.safeParse(value).success);
      }), { numRuns: 3000 });
  });

  it('accepts a complete transaction and refuses one with a fractional purchaseDate', () => {
    expect(isJwsTransaction({ ...valid, quantity: 2, expiresDate: 1_800_000_000_000, type: 'Consumable' })).toBe(true);
    expect(isJwsTransaction({ ...valid, purchaseDate: 1.5 })).toBe(false);
  });
});
