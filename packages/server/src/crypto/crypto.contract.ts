/**
 * The one known-answer suite every `CryptoProvider` must pass (run by provider.node.test.ts and provider.web.test.ts).
 * Expected values come from __fixtures__ (vectors.md and published standards), never from a provider's own output.
 */
import { PayConfigError, PayError } from '@payweave/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, fromHex, toBase64, toHex, utf8 } from '../internal/encoding';
import * as K from './__fixtures__/keys';
import * as S from './__fixtures__/standard-vectors';
import * as V from './__fixtures__/vectors';
import { parseEcPublicKey, parseRsaPrivateKey, parseRsaPublicKey } from './keys';
import type { CryptoProvider, RsaHash } from './provider';

const b64 = (text: string) => fromBase64(text) as Uint8Array;
const hex = (text: string) => fromHex(text) as Uint8Array;
const flip = (bytes: Uint8Array, index = 0) => {
  const copy = bytes.slice();
  copy[index] = (copy[index] as number) ^ 0x01;
  return copy;
};

/** The error `attempt()` rejects with (fails the test when it resolves). */
async function rejection(attempt: () => Promise<unknown>): Promise<PayError> {
  const outcome = await attempt().then(() => 'resolved', (error: unknown) => error);
  expect(outcome).not.toBe('resolved');
  return outcome as PayError;
}

/** Signing input and signature of a compact JWS, and the SPKI of its x5c[0] leaf (Apple P1/P2). */
function jwsParts(jws: string) {
  const [header, payload, signature] = jws.split('.') as [string, string, string];
  const { x5c } = JSON.parse(new TextDecoder().decode(b64(header))) as { x5c: string[] };
  return { input: utf8(`${header}.${payload}`), signature: b64(signature), leaf: x5c[0] as string };
}

/** Run the known-answer contract against the provider that `makeProvider` returns. */
export function runCryptoContract(name: string, makeProvider: () => CryptoProvider | Promise<CryptoProvider>): void {
  describe(`CryptoProvider contract: ${name}`, () => {
    let crypto: CryptoProvider;
    beforeAll(async () => {
      crypto = await makeProvider();
    });
    const privateKey = (pem: string) => crypto.importRsaPrivateKey(parseRsaPrivateKey(pem, 'test key').pkcs8);
    const publicKey = (pem: string) => crypto.importRsaPublicKey(parseRsaPublicKey(pem, 'test key').spki);

    describe('RSASSA-PKCS1-v1_5 signatures are byte-exact', () => {
      const cases: [string, string, RsaHash, string, string][] = [
        ['A1 Alipay app pay, RSA2', K.K1_PRIVATE_PKCS1_PEM, 'SHA-256', V.A1_SIGN_CONTENT, V.A1_SIGN_RSA2],
        ['A2 Alipay page pay, RSA2', K.K1_PRIVATE_PKCS1_PEM, 'SHA-256', V.A2_SIGN_CONTENT, V.A2_SIGN_RSA2],
        ['A1 variant, legacy RSA (SHA-1)', K.K1_PRIVATE_PKCS1_PEM, 'SHA-1', V.A1_SIGN_CONTENT_RSA, V.A1_SIGN_RSA_SHA1],
        ['W7 wechatpay-go "source"', K.K5_PRIVATE_PKCS8_PEM, 'SHA-256', V.W7_MESSAGE, V.W7_SIGNATURE],
        ['W9 WeChat v3 JSAPI prepay', K.K5_PRIVATE_PKCS8_PEM, 'SHA-256', V.W9_MESSAGE, V.W9_SIGNATURE],
        ['U2 UnionPay 5.1.0 (SHA-256 over the hex digest)', K.K6_PRIVATE_PKCS1_PEM, 'SHA-256', V.U2_SHA256_HEX, V.U2_SIGNATURE],
        ['U3 UnionPay 5.0.0 (SHA-1 over the hex digest)', K.K6_PRIVATE_PKCS1_PEM, 'SHA-1', V.U3_SHA1_HEX, V.U3_SIGNATURE],
      ];
      it.each(cases)('%s', async (_name, pem, hash, message, expected) => {
        const key = await privateKey(pem);
        expect(key.modulusBits).toBe(2048);
        expect(toBase64(await crypto.rsaSign(hash, key, utf8(message)))).toBe(expected);
        // Text input signs its UTF-8 bytes.
        expect(toBase64(await crypto.rsaSign(hash, key, message))).toBe(expected);
      });
    });

    describe('RSA verification of gateway-signed messages', () => {
      const cases: [string, string, RsaHash, string, string][] = [
        ['A5 real Alipay response', K.K2_PUBLIC_SPKI_PEM, 'SHA-256', V.A5_SIGNED_SPAN, V.A5_SIGN],
        ['A6 real Alipay notification', K.K3A_PUBLIC_SPKI_BASE64, 'SHA-256', V.A6_SIGN_CONTENT, V.A6_SIGN],
        ['W12 wechatpay-go notification', K.K5_CERT_D7CE59D1F522D701_PEM, 'SHA-256', V.W12_MESSAGE, V.W12_SIGNATURE],
        ['U4 real UnionPay test-environment message', V.U4_SIGN_PUB_KEY_CERT, 'SHA-256', V.U4_SHA256_HEX, V.U4_SIGNATURE],
        ['U3 UnionPay SHA-1', K.K6_SIGN_CERT_PEM, 'SHA-1', V.U3_SHA1_HEX, V.U3_SIGNATURE],
      ];
      it.each(cases)('%s verifies, and fails when one byte changes', async (_name, pem, hash, message, signature) => {
        const key = await publicKey(pem);
        const data = utf8(message);
        const sig = b64(signature);
        expect(await crypto.rsaVerify(hash, key, data, sig)).toBe(true);
        expect(await crypto.rsaVerify(hash, key, message, sig)).toBe(true);
        expect(await crypto.rsaVerify(hash, key, `${message} `, sig)).toBe(false);
        expect(await crypto.rsaVerify(hash, key, flip(data, 3), sig)).toBe(false);
        expect(await crypto.rsaVerify(hash, key, data, flip(sig, 100))).toBe(false);
        expect(await crypto.rsaVerify(hash === 'SHA-1' ? 'SHA-256' : 'SHA-1', key, data, sig)).toBe(false);
      });

      it('reads signatures and ciphertexts given as views into a larger buffer (what fromPublicBase64 returns)', async () => {
        const inside = (bytes: Uint8Array) => {
          const host = new Uint8Array(bytes.length + 24).fill(0xaa);
          host.set(bytes, 8);
          return host.subarray(8, 8 + bytes.length);
        };
        const key = await publicKey(K.K2_PUBLIC_SPKI_PEM);
        expect(await crypto.rsaVerify('SHA-256', key, inside(utf8(V.A5_SIGNED_SPAN)), inside(b64(V.A5_SIGN)))).toBe(true);
        const { resource } = JSON.parse(V.W14_BODY) as { resource: { ciphertext: string; nonce: string; associated_data: string } };
        const opened = await crypto.aesGcmDecrypt(utf8(V.W14_API_V3_KEY), utf8(resource.nonce), inside(b64(resource.ciphertext)), utf8(resource.associated_data));
        expect(new TextDecoder().decode(opened)).toBe(V.W14_PLAINTEXT);
      });

      it('returns false (never throws) for malformed signatures and the wrong key', async () => {
        const key = await publicKey(K.K2_PUBLIC_SPKI_PEM);
        const data = utf8(V.A5_SIGNED_SPAN);
        const sig = b64(V.A5_SIGN);
        for (const bad of [new Uint8Array(0), sig.subarray(1), new Uint8Array(512).fill(0xff), new Uint8Array(256)]) {
          expect(await crypto.rsaVerify('SHA-256', key, data, bad)).toBe(false);
        }
        expect(await crypto.rsaVerify('SHA-256', await publicKey(K.K1_PUBLIC_SPKI_PEM), data, sig)).toBe(false);
      });
    });

    describe('ECDSA', () => {
      it.each([['P1 Apple signed notification', V.P1_JWS], ['P2 Apple signed transaction', V.P2_JWS]])(
        '%s: ES256 over header.payload with the x5c[0] key',
        async (_name, jws) => {
          const { input, signature, leaf } = jwsParts(jws);
          const key = await crypto.importEcPublicKey(parseEcPublicKey(leaf, 'x5c[0]').spki);
          expect(key.curve).toBe('P-256');
          expect(await crypto.ecdsaP256Verify(key, input, signature)).toBe(true);
          expect(await crypto.ecdsaVerify('SHA-256', key, input, signature)).toBe(true);
          expect(await crypto.ecdsaVerify('SHA-384', key, input, signature)).toBe(false);
          expect(await crypto.ecdsaP256Verify(key, flip(input, 10), signature)).toBe(false);
          expect(await crypto.ecdsaP256Verify(key, input, flip(signature, 5))).toBe(false);
          for (const bad of [new Uint8Array(0), signature.subarray(1), new Uint8Array(64), new Uint8Array(72).fill(0x30)]) {
            expect(await crypto.ecdsaP256Verify(key, input, bad)).toBe(false);
          }
        },
      );

      it('imports P-384 keys and refuses to use them for ES256', async () => {
        const key = await crypto.importEcPublicKey(parseEcPublicKey(K.K7_APPLE_ROOT_G3_BASE64, 'root').spki);
        expect(key.curve).toBe('P-384');
        const { input, signature } = jwsParts(V.P1_JWS);
        expect(await crypto.ecdsaP256Verify(key, input, signature)).toBe(false);
      });
    });

    describe('digests and HMAC', () => {
      it.each(S.MD5_RFC1321)('MD5 RFC 1321 %j', async (message, expected) => {
        expect(toHex(await crypto.digest('MD5', utf8(message)))).toBe(expected);
        expect(toHex(await crypto.digest('MD5', message))).toBe(expected);
      });
      it.each(S.SHA_FIPS180)('FIPS 180 %j %s', async (message, algorithm, expected) => {
        expect(toHex(await crypto.digest(algorithm, utf8(message)))).toBe(expected);
        expect(toHex(await crypto.digest(algorithm, message))).toBe(expected);
      });
      it('hashes text as its UTF-8 bytes (CJK, astral, lone surrogates as U+FFFD)', async () => {
        for (const text of ['支付宝 body=测试', 'emoji \u{1F600}', 'lone \uD800 surrogate', '']) {
          for (const algorithm of ['MD5', 'SHA-1', 'SHA-256'] as const) {
            expect(toHex(await crypto.digest(algorithm, text))).toBe(toHex(await crypto.digest(algorithm, utf8(text))));
          }
          expect(toHex(await crypto.hmacSha256(utf8('k'), text))).toBe(toHex(await crypto.hmacSha256(utf8('k'), utf8(text))));
        }
      });
      it('WeChat W1 MD5 and HMAC-SHA256; UnionPay U2 SHA-256', async () => {
        expect(toHex(await crypto.digest('MD5', utf8(V.W1_STRING_SIGN_TEMP))).toUpperCase()).toBe(V.W1_MD5);
        const hmac = await crypto.hmacSha256(utf8(V.W1_API_KEY), utf8(V.W1_STRING_SIGN_TEMP));
        expect(toHex(hmac).toUpperCase()).toBe(V.W1_HMAC_SHA256);
        expect(toHex(await crypto.hmacSha256(utf8(V.W1_API_KEY), V.W1_STRING_SIGN_TEMP)).toUpperCase()).toBe(V.W1_HMAC_SHA256);
        expect(toHex(await crypto.digest('SHA-256', V.U2_SIGN_STRING))).toBe(V.U2_SHA256_HEX);
        expect(toHex(await crypto.digest('SHA-256', utf8(V.U2_SIGN_STRING)))).toBe(V.U2_SHA256_HEX);
        expect(toHex(await crypto.digest('MD5', utf8(V.W1_API_KEY)))).toBe(V.W6_AES_KEY);
      });
      it.each(S.HMAC_SHA256_RFC4231)('HMAC-SHA256 RFC 4231 key %s', async (key, data, expected) => {
        expect(toHex(await crypto.hmacSha256(hex(key), utf8(data)))).toBe(expected);
      });
    });

    describe('AES-GCM', () => {
      const gcm = [
        ...S.AES256_GCM_MCGREW_VIEGA.map((v) => ({ ...v, name: 'McGrew-Viega', key: hex(v.key), iv: hex(v.iv), aad: hex(v.aad), plaintext: hex(v.plaintext), sealed: hex(v.ciphertext + v.tag) })),
        ...V.W13.map((v) => ({ name: 'W13', key: utf8(v.key), iv: utf8(v.nonce), aad: utf8(v.aad), plaintext: utf8(v.plaintext), sealed: b64(v.ciphertext) })),
      ];
      it.each(gcm)('$name: encrypts and decrypts the known answer', async ({ key, iv, aad, plaintext, sealed }) => {
        expect(toHex(await crypto.aesGcmEncrypt(key, iv, plaintext, aad))).toBe(toHex(sealed));
        expect(toHex(await crypto.aesGcmDecrypt(key, iv, sealed, aad))).toBe(toHex(plaintext));
      });

      it.each([
        ['W12 (AES-128 key, as wechatpay-go)', V.W12_BODY, V.W12_API_V3_KEY, V.W12_PLAINTEXT],
        ['W14 (AES-256 APIv3 key)', V.W14_BODY, V.W14_API_V3_KEY, V.W14_PLAINTEXT],
      ])('%s: decrypts the notification resource', async (_name, body, apiV3Key, expected) => {
        const { resource } = JSON.parse(body) as { resource: { ciphertext: string; nonce: string; associated_data: string } };
        const args = [utf8(apiV3Key), utf8(resource.nonce), b64(resource.ciphertext), utf8(resource.associated_data)] as const;
        expect(new TextDecoder().decode(await crypto.aesGcmDecrypt(...args))).toBe(expected);
        const [key, iv, sealed, aad] = args;
        for (const attempt of [
          () => crypto.aesGcmDecrypt(key, iv, flip(sealed, sealed.length - 1), aad),
          () => crypto.aesGcmDecrypt(key, iv, flip(sealed, 0), aad),
          () => crypto.aesGcmDecrypt(flip(key), iv, sealed, aad),
          () => crypto.aesGcmDecrypt(key, iv, sealed, utf8('other')),
          () => crypto.aesGcmDecrypt(key, iv, sealed.subarray(0, 15), aad),
        ]) {
          expect((await rejection(attempt)).code).toBe('DECRYPTION_FAILED');
        }
      });

      it('refuses keys that are neither 16 nor 32 bytes', async () => {
        const error = await rejection(() => crypto.aesGcmDecrypt(new Uint8Array(24), new Uint8Array(12), new Uint8Array(32)));
        expect(PayConfigError.isInstance(error)).toBe(true);
      });
    });

    describe('AES-ECB (WeChat v2 refund req_info)', () => {
      it('W6 decrypts req_info with md5(API key) and the wechatpay-php vector', async () => {
        const plain = await crypto.aesEcbDecrypt(utf8(V.W6_AES_KEY), b64(V.W6_REQ_INFO));
        expect(new TextDecoder().decode(plain)).toBe(V.W6_PLAINTEXT);
        const extra = await crypto.aesEcbDecrypt(utf8(V.W6_EXTRA.key), b64(V.W6_EXTRA.ciphertext));
        expect(new TextDecoder().decode(extra)).toBe(V.W6_EXTRA.plaintext);
      });

      it('fails with DECRYPTION_FAILED for a wrong key, bad padding or a bad length', async () => {
        const data = b64(V.W6_REQ_INFO);
        const key = utf8(V.W6_AES_KEY);
        for (const attempt of [
          () => crypto.aesEcbDecrypt(utf8(V.W6_EXTRA.key), data),
          () => crypto.aesEcbDecrypt(key, data.subarray(0, data.length - 16)),
          () => crypto.aesEcbDecrypt(key, data.subarray(0, 20)),
          () => crypto.aesEcbDecrypt(key, new Uint8Array(0)),
        ]) {
          expect((await rejection(attempt)).code).toBe('DECRYPTION_FAILED');
        }
      });
    });

    describe('keys and randomness', () => {
      it('refuses keys of the wrong type and handles from elsewhere', async () => {
        const ecSpki = parseEcPublicKey(K.K7_APPLE_TEST_CA_BASE64, 'k').spki;
        const rsaSpki = parseRsaPublicKey(K.K1_PUBLIC_SPKI_PEM, 'k').spki;
        for (const attempt of [
          () => crypto.importRsaPublicKey(ecSpki),
          () => crypto.importEcPublicKey(rsaSpki),
          () => crypto.importRsaPrivateKey(rsaSpki),
          () => crypto.importRsaPrivateKey(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00])),
          () => crypto.rsaSign('SHA-256', { type: 'rsa-private', modulusBits: 2048 }, utf8('x')),
        ]) {
          expect(PayConfigError.isInstance(await rejection(attempt))).toBe(true);
        }
      });

      it('returns fresh random bytes of the requested length', () => {
        const a = crypto.randomBytes(32);
        expect(a).toBeInstanceOf(Uint8Array);
        expect(a.length).toBe(32);
        expect(toHex(a)).not.toBe(toHex(crypto.randomBytes(32)));
        expect(crypto.randomBytes(70_000).length).toBe(70_000);
      });
    });
  });
}
