/**
 * Interop with wechatpay-axios-plugin (dev dependency, tests only): on the same random inputs, our signatures,
 * verifications and decryptions agree with the plugin's, in both directions.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Aes, Formatter, Hash, Rsa, Transformer } from 'wechatpay-axios-plugin';
import { parseRsaPrivateKey, parseRsaPublicKey } from '../../crypto/keys';
import type { CryptoProvider, RsaPrivateKeyHandle, RsaPublicKeyHandle } from '../../crypto/provider';
import { fromUtf8, utf8 } from '../../internal/encoding';
import { testCrypto } from '../../testing/crypto';
import { K5_PRIVATE_KEY, K5_PUBLIC_KEY } from './__fixtures__/k5';
import { decryptReqInfo } from './v2/req-info';
import { signV2 } from './v2/sign';
import { buildV2Xml, parseV2Xml } from './v2/xml';
import { decryptResource, encryptResource } from './v3/aead';
import { rsaSignBase64, signRequest } from './v3/sign';
import { keyRing, verifyWechatpaySignature } from './v3/verify';

let crypto: CryptoProvider;
let privateKey: RsaPrivateKeyHandle;
let publicKey: RsaPublicKeyHandle;
const pluginPrivate = Rsa.from(K5_PRIVATE_KEY, Rsa.KEY_TYPE_PRIVATE);
const pluginPublic = Rsa.from(K5_PUBLIC_KEY, Rsa.KEY_TYPE_PUBLIC);

beforeAll(async () => {
  crypto = await testCrypto();
  privateKey = await crypto.importRsaPrivateKey(parseRsaPrivateKey(K5_PRIVATE_KEY, 'K5').pkcs8);
  publicKey = await crypto.importRsaPublicKey(parseRsaPublicKey(K5_PUBLIC_KEY, 'K5').spki);
});

const text = fc.string({ unit: 'grapheme', maxLength: 80 });
const timestamp = fc.integer({ min: 1_500_000_000, max: 2_000_000_000 }).map(String);
const nonce = fc.stringMatching(/^[A-Za-z0-9]{16,32}$/);
// v2 field names. `__proto__`, `constructor` and `prototype` are left out: no WeChat message uses them, the plugin's
// objects lose an own `__proto__`, and fast-xml-parser refuses all three as tag names (parseV2Xml reports XML_INVALID).
const fieldName = fc.stringMatching(/^[a-z_]{1,12}$/).filter((name) => name !== '__proto__' && name !== 'constructor' && name !== 'prototype');

describe('interop with wechatpay-axios-plugin', () => {
  it('APIv3 Authorization headers are identical', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT'), fc.webPath(), timestamp, nonce, text, async (method, path, ts, n, body) => {
        const url = path || '/';
        const ours = await signRequest(crypto, privateKey, { mchid: '1900009191', serial: 'F5765756002FDD77', method, canonicalUrl: url, timestamp: ts, nonce: n, body });
        const signature = Rsa.sign(Formatter.request(method, url, ts, n, body), pluginPrivate);
        expect(ours).toBe(Formatter.authorization('1900009191', n, signature, ts, 'F5765756002FDD77'));
      }),
      { numRuns: 25 },
    );
  });

  it('APIv3 response signatures verify both ways', async () => {
    const ring = keyRing([['F5765756002FDD77', publicKey]]);
    await fc.assert(
      fc.asyncProperty(timestamp, nonce, text, async (ts, n, body) => {
        const theirs = Rsa.sign(Formatter.response(ts, n, body), pluginPrivate);
        const headers = { 'Wechatpay-Timestamp': ts, 'Wechatpay-Nonce': n, 'Wechatpay-Serial': 'F5765756002FDD77', 'Wechatpay-Signature': theirs };
        await expect(verifyWechatpaySignature(crypto, ring, headers, utf8(body), Number(ts) * 1000)).resolves.toBeTruthy();
        const ours = await rsaSignBase64(crypto, privateKey, `${ts}\n${n}\n${body}\n`);
        expect(Rsa.verify(Formatter.response(ts, n, body), ours, pluginPublic)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('AEAD_AES_256_GCM resources decrypt both ways', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Za-z0-9]{32}$/), fc.stringMatching(/^[A-Za-z0-9]{12}$/), fc.stringMatching(/^[a-z]{0,15}$/), text, async (key, iv, aad, plaintext) => {
        const theirs = Aes.AesGcm.encrypt(plaintext, key, iv, aad);
        expect(await decryptResource(crypto, utf8(key), { ciphertext: theirs, nonce: iv, associated_data: aad })).toBe(plaintext);
        const ours = await encryptResource(crypto, utf8(key), plaintext, iv, aad);
        expect(ours.ciphertext).toBe(theirs);
        expect(Aes.AesGcm.decrypt(ours.ciphertext, key, iv, aad)).toBe(plaintext);
      }),
      { numRuns: 25 },
    );
  });

  it('APIv2 MD5 and HMAC-SHA256 signatures are identical (unknown and empty fields included)', async () => {
    const fields = fc.dictionary(fieldName, fc.oneof(fc.constant(''), fc.stringMatching(/^[^&=]{0,20}$/)), { maxKeys: 8 });
    const key = fc.stringMatching(/^[A-Za-z0-9]{32}$/);
    await fc.assert(
      fc.asyncProperty(fields, key, fc.constantFrom('MD5', 'HMAC-SHA256') as fc.Arbitrary<'MD5' | 'HMAC-SHA256'>, async (data, apiKey, type) => {
        expect(await signV2(crypto, type, data, apiKey)).toBe(Hash.sign(type, data, apiKey));
      }),
      { numRuns: 60 },
    );
  });

  it('APIv2 XML: we parse what the plugin writes and the plugin parses what we write', async () => {
    const fields = fc.dictionary(fieldName, fc.stringMatching(/^[A-Za-z0-9 <>&"'中文.:/-]{1,20}$/).filter((v) => v.trim() === v), { minKeys: 1, maxKeys: 6 });
    fc.assert(
      fc.property(fields, (data) => {
        expect(parseV2Xml(Transformer.toXml(data))).toEqual(data);
        expect(Transformer.toObject(buildV2Xml(data))).toEqual(data);
      }),
      { numRuns: 60 },
    );
  });

  it('refund req_info: the plugin decrypts ours and we decrypt the plugin-compatible standard padding', async () => {
    const { createCipheriv } = await import('node:crypto');
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Za-z0-9]{32}$/), fc.stringMatching(/^[A-Za-z0-9]{1,40}$/), async (apiKey, refundNo) => {
        const plaintext = `<root><out_refund_no><![CDATA[${refundNo}]]></out_refund_no></root>`;
        const aesKey = createHash('md5').update(apiKey).digest('hex');
        const cipher = createCipheriv('aes-256-ecb', aesKey, null);
        const reqInfo = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
        expect(Aes.AesEcb.decrypt(reqInfo, Hash.md5(apiKey))).toBe(plaintext);
        expect(await decryptReqInfo(crypto, apiKey, reqInfo)).toEqual({ out_refund_no: refundNo });
        expect(fromUtf8(utf8(aesKey))).toBe(Hash.md5(apiKey));
      }),
      { numRuns: 25 },
    );
  });
});
