import fc from 'fast-check';
import { PayError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import { parseCertificate } from '../../crypto/x509';
import { testCrypto } from '../../testing/crypto';
import * as V from './__fixtures__/apple-vectors';
import { segment, splitJws } from './__fixtures__/sign-jws';
import { MAX_HEADER_LENGTH, MAX_JWS_LENGTH } from './constants';
import { decodeJws } from './jws';
import { SignedDataVerifier } from './verifier';

const { header, payload, parts } = splitJws(V.P1_TEST_NOTIFICATION);
const withHeader = (h: unknown) => [segment(h), parts[1], parts[2]].join('.');
const x5c = header.x5c as string[];

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(PayError.isInstance(error)).toBe(true);
    return (error as PayError).code;
  }
  return 'no error';
}

describe('decodeJws', () => {
  it('decodes P1: three x5c strings verbatim, the payload, the signing input and a 64-byte signature', () => {
    const decoded = decodeJws(V.P1_TEST_NOTIFICATION);
    expect(decoded.x5c).toEqual(x5c);
    expect(decoded.payload).toEqual(payload);
    expect(new TextDecoder().decode(decoded.signingInput)).toBe(`${parts[0]}.${parts[1]}`);
    expect(decoded.signature).toHaveLength(64);
  });

  it('refuses every algorithm but ES256, before anything else', () => {
    for (const alg of ['none', 'HS256', 'RS256', 'ES384', 'es256', undefined, 1]) {
      expect(codeOf(() => decodeJws(withHeader({ ...header, alg })))).toBe('JWS_ALGORITHM_UNSUPPORTED');
    }
  });

  it('needs exactly three x5c certificates', () => {
    expect(codeOf(() => decodeJws(withHeader({ ...header, x5c: x5c.slice(0, 2) })))).toBe('INVALID_CHAIN_LENGTH');
    expect(codeOf(() => decodeJws(withHeader({ ...header, x5c: [...x5c, x5c[2]] })))).toBe('INVALID_CHAIN_LENGTH');
    expect(codeOf(() => decodeJws(withHeader({ ...header, x5c: [] })))).toBe('INVALID_CHAIN_LENGTH');
    expect(codeOf(() => decodeJws(withHeader({ ...header, x5c: 'MIIB' })))).toBe('INVALID_CERTIFICATE');
    expect(codeOf(() => decodeJws(withHeader({ ...header, x5c: [1, 2, 3] })))).toBe('INVALID_CERTIFICATE');
  });

  it('refuses critical header extensions, non-object JSON, bad base64url and size bombs', () => {
    expect(codeOf(() => decodeJws(withHeader({ ...header, crit: ['b64'] })))).toBe('JWS_MALFORMED');
    expect(codeOf(() => decodeJws([parts[0], segment([1]), parts[2]].join('.')))).toBe('JWS_MALFORMED');
    expect(codeOf(() => decodeJws([parts[0], 'bm90IGpzb24', parts[2]].join('.')))).toBe('JWS_MALFORMED');
    expect(codeOf(() => decodeJws(`${parts[0]}.${parts[1]}=.${parts[2]}`))).toBe('JWS_MALFORMED');
    expect(codeOf(() => decodeJws(`${parts[0]}.${parts[1]}.${parts[2]!.replace(/-/g, '+')}`))).toBe('JWS_MALFORMED');
    expect(codeOf(() => decodeJws(withHeader({ ...header, pad: 'x'.repeat(MAX_HEADER_LENGTH) })))).toBe('JWS_MALFORMED');
    expect(codeOf(() => decodeJws('a'.repeat(MAX_JWS_LENGTH + 1)))).toBe('JWS_MALFORMED');
    expect(codeOf(() => decodeJws(`${parts[0]}.${parts[1]}.${parts[2]!.slice(0, -2)}`))).toBe('SIGNATURE_INVALID'); // 63 bytes
    expect(codeOf(() => decodeJws(`${parts[0]}.${parts[1]}.${parts[2]}AAAA`))).toBe('SIGNATURE_INVALID');
    for (const input of [undefined, null, 42, {}, ['a', 'b', 'c'], '', 'a.b', 'a.b.c.d']) {
      expect(codeOf(() => decodeJws(input))).toBe('JWS_MALFORMED');
    }
  });

  it('refuses a signature segment with non-zero trailing bits (same bytes, different string)', () => {
    const sig = parts[2]!;
    const last = sig[sig.length - 1]!;
    const sibling = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.indexOf(last) ^ 1;
    const variant = sig.slice(0, -1) + 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[sibling];
    expect(codeOf(() => decodeJws(`${parts[0]}.${parts[1]}.${variant}`))).toBe('JWS_MALFORMED');
  });

  it('refuses a payload segment whose last character carries non-zero spare bits (lengths 4n+2 and 4n+3)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const seen = new Set<number>();
    for (let pad = 0; seen.size < 2 && pad < 8; pad++) {
      const canonical = segment({ ...payload, pad: 'x'.repeat(pad) });
      const rest = canonical.length % 4;
      if (rest === 0 || seen.has(rest)) continue;
      seen.add(rest);
      expect(decodeJws(`${parts[0]}.${canonical}.${parts[2]}`).payload).toMatchObject({ pad: 'x'.repeat(pad) });
      // Flipping the lowest bit of the last character changes only a spare bit: same bytes, different string.
      const variant = canonical.slice(0, -1) + alphabet[alphabet.indexOf(canonical[canonical.length - 1]!) ^ 1]!;
      expect(codeOf(() => decodeJws(`${parts[0]}.${variant}.${parts[2]}`))).toBe('JWS_MALFORMED');
    }
    expect([...seen].sort()).toEqual([2, 3]);
  });

  it('decodes a header again after it was seen: the same header keeps giving the same x5c, an altered one is refused', () => {
    expect(decodeJws(V.P1_TEST_NOTIFICATION).x5c).toEqual(x5c);
    expect(decodeJws(V.P1_TEST_NOTIFICATION).x5c).toEqual(x5c);
    expect(codeOf(() => decodeJws(withHeader({ ...header, alg: 'HS256' })))).toBe('JWS_ALGORITHM_UNSUPPORTED');
    expect(codeOf(() => decodeJws(withHeader({ ...header, alg: 'HS256' })))).toBe('JWS_ALGORITHM_UNSUPPORTED');
  });
});

describe('fuzzed JWS input gives typed errors, never crashes', () => {
  const verifier = async () =>
    new SignedDataVerifier(await testCrypto(), [parseCertificate(V.TEST_ROOT_CA, 'root')], {
      bundleId: 'com.example',
      appAppleId: 1234,
      environment: 'Sandbox',
      clock: () => 0,
    });

  async function expectTyped(promise: Promise<unknown>) {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, 'a forged or garbled JWS must be refused').toBeDefined();
    expect(PayError.isInstance(error), String(error)).toBe(true);
  }

  it('arbitrary strings and dotted base64url triples', async () => {
    const v = await verifier();
    const b64url = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')) });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.tuple(b64url, b64url, b64url).map((t) => t.join('.'))), async (input) => {
        await expectTyped(v.verifyNotification(input));
      }),
      { numRuns: 300 },
    );
  });

  it('P1 with any one character changed is refused', async () => {
    const v = await verifier();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.+/= ';
    await fc.assert(
      fc.asyncProperty(fc.nat(V.P1_TEST_NOTIFICATION.length - 1), fc.constantFrom(...alphabet.split('')), async (index, char) => {
        fc.pre(V.P1_TEST_NOTIFICATION[index] !== char);
        const mutated = V.P1_TEST_NOTIFICATION.slice(0, index) + char + V.P1_TEST_NOTIFICATION.slice(index + 1);
        await expectTyped(v.verifyNotification(mutated));
      }),
      { numRuns: 300 },
    );
  });

  it('headers of random JSON values', async () => {
    const v = await verifier();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        await expectTyped(v.verifyNotification(withHeader(value)));
        await expectTyped(v.verifyNotification(withHeader({ alg: 'ES256', x5c: value })));
      }),
      { numRuns: 200 },
    );
  });
});
