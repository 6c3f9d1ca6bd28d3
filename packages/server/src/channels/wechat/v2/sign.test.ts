import fc from 'fast-check';
import { PaySignatureError } from '@payweave/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CryptoProvider } from '../../../crypto/provider';
import { testCrypto } from '../../../testing/crypto';
import { W1_HMAC, W1_KEY, W1_MD5, W1_PARAMS, W1_STRING_SIGN_TEMP, W2_FIELDS, W2_SIGN_HMAC, W2_SIGN_MD5, W3_NOTIFICATION_XML, W4_INPUT, W4_PAYSIGN_HMAC, W4_PAYSIGN_MD5, W5_INPUT, W5_SIGN_MD5 } from '../__fixtures__/v2-vectors';
import { signV2, v2StringToSign, verifyV2 } from './sign';
import { parseV2Xml } from './xml';

let crypto: CryptoProvider;
beforeAll(async () => {
  crypto = await testCrypto();
});

async function rejects(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(PaySignatureError.isInstance(error)).toBe(true);
}

describe('APIv2 signatures', () => {
  it('W1: the documentation example, MD5 and HMAC-SHA256', async () => {
    expect(v2StringToSign(W1_PARAMS, W1_KEY)).toBe(W1_STRING_SIGN_TEMP);
    expect(await signV2(crypto, 'MD5', W1_PARAMS, W1_KEY)).toBe(W1_MD5);
    expect(await signV2(crypto, 'HMAC-SHA256', W1_PARAMS, W1_KEY)).toBe(W1_HMAC);
  });

  it('builds the string to sign for no fields, only sign, or only empty fields as "&key=API_KEY"', () => {
    expect(v2StringToSign({}, 'K')).toBe('&key=K');
    expect(v2StringToSign({ sign: 'ABC', attach: '', detail: undefined }, 'K')).toBe('&key=K');
    expect(v2StringToSign({ b: '2', B: '1', a: '3' }, 'K')).toBe('B=1&a=3&b=2&key=K');
  });

  it('orders keys as the default sort does, for short and long field lists', () => {
    // The reference: the specification read literally (filter, default sort, join).
    const reference = (fields: Record<string, string>, key: string) =>
      `${Object.keys(fields)
        .filter((k) => k !== 'sign' && fields[k] !== '')
        .sort()
        .map((k) => `${k}=${fields[k]}`)
        .join('&')}&key=${key}`;
    const keys = fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.constantFrom('sign', 'appid', 'Appid', 'a_b', 'aB', 'ab', '\u00e9', '\ud83d\ude00'));
    fc.assert(
      fc.property(fc.dictionary(keys, fc.oneof(fc.constant(''), fc.string({ maxLength: 6 })), { maxKeys: 60 }), (fields) => {
        expect(v2StringToSign(fields, 'K')).toBe(reference(fields, 'K'));
      }),
      { numRuns: 300 },
    );
    const long = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${(i * 7919) % 97}`, String(i)]));
    expect(v2StringToSign(long, 'K')).toBe(reference(long, 'K'));
  });

  it('W2: unifiedorder (empty attach left out of the signature)', async () => {
    expect(await signV2(crypto, 'MD5', W2_FIELDS, W1_KEY)).toBe(W2_SIGN_MD5);
    expect(await signV2(crypto, 'HMAC-SHA256', { ...W2_FIELDS, sign_type: 'HMAC-SHA256' }, W1_KEY)).toBe(W2_SIGN_HMAC);
  });

  it('W4: JSAPI paySign (camelCase keys sort case-sensitively; signType is signed)', async () => {
    expect(await signV2(crypto, 'MD5', { ...W4_INPUT, signType: 'MD5' }, W1_KEY)).toBe(W4_PAYSIGN_MD5);
    expect(await signV2(crypto, 'HMAC-SHA256', { ...W4_INPUT, signType: 'HMAC-SHA256' }, W1_KEY)).toBe(W4_PAYSIGN_HMAC);
  });

  it('W5: APP sign', async () => {
    expect(await signV2(crypto, 'MD5', W5_INPUT, W1_KEY)).toBe(W5_SIGN_MD5);
  });

  it('W3: verifies the notification including every field, and rejects a one-byte change', async () => {
    const fields = parseV2Xml(W3_NOTIFICATION_XML);
    await expect(verifyV2(crypto, fields, W1_KEY)).resolves.toBe('MD5');
    await rejects(verifyV2(crypto, { ...fields, total_fee: '889' }, W1_KEY));
    await rejects(verifyV2(crypto, { ...fields, unknown_new_field: 'x' }, W1_KEY));
    await rejects(verifyV2(crypto, { ...fields, sign: `${fields.sign?.slice(0, -1)}0` }, W1_KEY));
    await rejects(verifyV2(crypto, fields, `${W1_KEY.slice(0, -1)}e`));
  });

  it('verifies HMAC-SHA256 by sign length or declared sign_type, and refuses a missing sign', async () => {
    const signed = { ...W1_PARAMS, sign: W1_HMAC };
    await expect(verifyV2(crypto, signed, W1_KEY)).resolves.toBe('HMAC-SHA256');
    await rejects(verifyV2(crypto, { ...W1_PARAMS }, W1_KEY));
    await rejects(verifyV2(crypto, { ...W1_PARAMS, sign: W1_MD5, sign_type: 'SHA1' }, W1_KEY));
  });

  it('fuzzed fields never verify without the key and never crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 16 })), fc.string({ maxLength: 70 }), async (fields, sign) => {
        await rejects(verifyV2(crypto, { ...fields, sign }, W1_KEY));
      }),
      { numRuns: 80 },
    );
  });
});
