import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../internal/encoding';
import { runCryptoContract } from './crypto.contract';
import { md5 } from './md5';
import { createNodeCryptoProvider } from './provider.node.js';
import { createWebCryptoProvider } from './provider.web';

runCryptoContract('node', createNodeCryptoProvider);

// Secondary checks: the pure-TS and WebCrypto-built primitives against OpenSSL on many random inputs. The
// known answers in the contract are the primary evidence; these catch length-dependent slips (padding boundaries).
describe('web primitives agree with node:crypto', () => {
  const web = createWebCryptoProvider();

  it('md5 matches OpenSSL for every length around the 64-byte block boundaries', () => {
    for (let length = 0; length <= 200; length++) {
      const data = new Uint8Array(randomBytes(length));
      expect(toHex(md5(data))).toBe(createHash('md5').update(data).digest('hex'));
    }
  });

  it('AES-ECB decryption (CBC construction) matches OpenSSL encryption', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 100 }), fc.constantFrom(16, 32), async (plaintext, keyLength) => {
        const key = new Uint8Array(randomBytes(keyLength));
        const cipher = createCipheriv(`aes-${keyLength * 8}-ecb`, key, null);
        const sealed = new Uint8Array(Buffer.concat([cipher.update(plaintext), cipher.final()]));
        expect(toHex(await web.aesEcbDecrypt(key, sealed))).toBe(toHex(plaintext));
      }),
      { numRuns: 60 },
    );
  });
});
