import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, fromPublicBase64, toBase64, toHex, utf8 } from '../internal/encoding';
import * as K from './__fixtures__/keys';
import * as V from './__fixtures__/vectors';
import { parseRsaPrivateKey } from './keys';
import { runCryptoContract } from './crypto.contract';
import { md5 } from './md5';
import { createNodeCryptoProvider } from './provider.node.js';
import { createWebCryptoProvider } from './provider.web';

runCryptoContract('node', createNodeCryptoProvider);

describe('node provider results', () => {
  // Results are viewed rather than copied when Node's output owns its memory: no result may expose other data
  // through `.buffer` (a slice of Node's Buffer pool would), and none may be a Buffer.
  const alone = (bytes: Uint8Array) => {
    expect(Buffer.isBuffer(bytes)).toBe(false);
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
  };

  it('loading it gives fromPublicBase64 Buffer\'s native write, with the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1600 }), (bytes) => {
        expect(fromPublicBase64(toBase64(bytes))).toEqual(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it('are plain Uint8Arrays that share memory with nothing else', async () => {
    const crypto = createNodeCryptoProvider();
    const key = await crypto.importRsaPrivateKey(parseRsaPrivateKey(K.K1_PRIVATE_PKCS1_PEM, 'test key').pkcs8);
    alone(await crypto.rsaSign('SHA-256', key, 'text'));
    alone(await crypto.digest('SHA-256', 'text'));
    alone(await crypto.hmacSha256(utf8('key'), 'text'));
    alone(crypto.randomBytes(16));
    const aesKey = new Uint8Array(32).fill(1);
    const iv = new Uint8Array(12).fill(2);
    for (const length of [0, 15, 16, 700, 5000]) {
      const sealed = await crypto.aesGcmEncrypt(aesKey, iv, new Uint8Array(length).fill(3));
      alone(sealed);
      alone(await crypto.aesGcmDecrypt(aesKey, iv, sealed));
    }
    alone(await crypto.aesEcbDecrypt(utf8(V.W6_AES_KEY), fromBase64(V.W6_REQ_INFO)!));
  });
});

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
