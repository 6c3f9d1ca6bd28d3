import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromHex, toHex, utf8 } from './encoding';
import { hmacSha256Sync, sha256 } from './sha256';
import { testCrypto } from '../testing/crypto';

describe('sha256 (portable, synchronous)', () => {
  it('matches the FIPS 180-2 examples', () => {
    expect(toHex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(sha256(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches RFC 4231 HMAC-SHA256 test cases 1 and 6 (key longer than a block)', () => {
    expect(toHex(hmacSha256Sync(fromHex('0b'.repeat(20))!, utf8('Hi There')))).toBe(
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    );
    expect(toHex(hmacSha256Sync(fromHex('aa'.repeat(131))!, utf8('Test Using Larger Than Block-Size Key - Hash Key First')))).toBe(
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
  });

  it('agrees with the crypto provider on random input (lengths around the padding boundaries)', async () => {
    const crypto = await testCrypto();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 150 }), async (key, data) => {
        expect(toHex(sha256(data))).toBe(toHex(await crypto.digest('SHA-256', data)));
        expect(toHex(hmacSha256Sync(key, data))).toBe(toHex(await crypto.hmacSha256(key, data)));
      }),
      { numRuns: 150 },
    );
  });
});
