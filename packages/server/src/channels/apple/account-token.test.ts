import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../internal/encoding';
import { canonicalUuid, deriveAppAccountToken } from './account-token';

const SECRET = utf8('payweave-test-secret-0123456789');

describe('appAccountToken derivation', () => {
  it('matches the documented derivation (HMAC computed with `openssl dgst -sha256 -hmac`)', () => {
    // printf 'payweave:appAccountToken:v1:user-42' | openssl dgst -sha256 -hmac 'payweave-test-secret-0123456789'
    //   -> fdb0a13bbbe9ef73b1312aa6da62fa3f...; version nibble 5 at byte 6 (ef -> 5f), variant 10 at byte 8 (b1 -> b1)
    expect(deriveAppAccountToken(SECRET, 'user-42')).toBe('fdb0a13b-bbe9-5f73-b131-2aa6da62fa3f');
  });

  it('is a deterministic lower-case RFC 4122 version-5 UUID, distinct per account and per secret', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        const token = deriveAppAccountToken(SECRET, a);
        expect(token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(deriveAppAccountToken(SECRET, a)).toBe(token);
        if (a !== b) expect(deriveAppAccountToken(SECRET, b)).not.toBe(token);
      }),
    );
    expect(deriveAppAccountToken(utf8('another-secret-of-16+'), 'user-42')).not.toBe(deriveAppAccountToken(SECRET, 'user-42'));
  });

  it('needs a secret and an account id', () => {
    expect(() => deriveAppAccountToken(undefined, 'user-42')).toThrow(expect.objectContaining({ code: 'APP_ACCOUNT_TOKEN_SECRET_MISSING' }));
    expect(() => deriveAppAccountToken(SECRET, '')).toThrow(expect.objectContaining({ type: 'PayValidationError' }));
  });

  it('canonicalises UUIDs from StoreKit (upper case) and refuses anything else', () => {
    expect(canonicalUuid('7E3FB20B-4CDB-47CC-936D-99D65F608138')).toBe('7e3fb20b-4cdb-47cc-936d-99d65f608138');
    for (const bad of ['', 'not-a-uuid', '7e3fb20b4cdb47cc936d99d65f608138', 42, undefined]) expect(canonicalUuid(bad)).toBeNull();
  });
});
