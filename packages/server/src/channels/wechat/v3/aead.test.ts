import { PaySignatureError } from '@payweave/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CryptoProvider } from '../../../crypto/provider';
import { fromBase64, toBase64, utf8 } from '../../../internal/encoding';
import { testCrypto } from '../../../testing/crypto';
import { W12, W13, W14 } from '../__fixtures__/v3-vectors';
import { decryptResource, encryptResource } from './aead';

let crypto: CryptoProvider;
beforeAll(async () => {
  crypto = await testCrypto();
});

async function rejected(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(PaySignatureError.isInstance(error)).toBe(true);
  expect((error as PaySignatureError).code).toBe('DECRYPTION_FAILED');
}

describe('AEAD_AES_256_GCM resources', () => {
  it.each(W13.map((v, i) => [i, v] as const))('W13 #%i decrypts and re-encrypts to the vector', async (_, v) => {
    const resource = { ciphertext: v.ciphertext, nonce: v.nonce, associated_data: v.aad };
    expect(await decryptResource(crypto, utf8(v.key), resource)).toBe(v.plaintext);
    expect((await encryptResource(crypto, utf8(v.key), v.plaintext, v.nonce, v.aad)).ciphertext).toBe(v.ciphertext);
  });

  it('W12: the wechatpay-go notification resource (16-byte key: AES-128-GCM)', async () => {
    const { resource } = JSON.parse(W12.body) as { resource: { ciphertext: string; nonce: string; associated_data: string; algorithm: string } };
    expect(await decryptResource(crypto, utf8(W12.apiV3Key), resource)).toBe(W12.plaintext);
  });

  it('W14: a 32-byte APIv3 key payment resource', async () => {
    const { resource } = JSON.parse(W14.body) as { resource: { ciphertext: string; nonce: string; associated_data: string; algorithm: string } };
    expect(await decryptResource(crypto, utf8(W14.apiV3Key), resource)).toBe(W14.plaintext);
  });

  it('authenticates non-ASCII nonce and associated data as their UTF-8 bytes', async () => {
    const key = utf8(W14.apiV3Key);
    const sealed = await encryptResource(crypto, key, '{"ok":true}', '随机数nonce', '关联数据');
    expect(await decryptResource(crypto, key, sealed)).toBe('{"ok":true}');
    await rejected(decryptResource(crypto, key, { ...sealed, associated_data: '关联数据 ' }));
  });

  it('rejects one flipped ciphertext byte, a changed nonce or AAD, the wrong key and another algorithm', async () => {
    const { resource } = JSON.parse(W14.body) as { resource: { ciphertext: string; nonce: string; associated_data: string; algorithm: string } };
    const key = utf8(W14.apiV3Key);
    const bytes = fromBase64(resource.ciphertext) as Uint8Array;
    bytes[5] = (bytes[5] as number) ^ 1;
    await rejected(decryptResource(crypto, key, { ...resource, ciphertext: toBase64(bytes) }));
    await rejected(decryptResource(crypto, key, { ...resource, nonce: 'fdasflkja485' }));
    await rejected(decryptResource(crypto, key, { ...resource, associated_data: 'transactioN' }));
    await rejected(decryptResource(crypto, utf8('abcdefghijklmnopqrstuvwxyz012346'), resource));
    await rejected(decryptResource(crypto, key, { ...resource, algorithm: 'AEAD_SM4_GCM' }));
    await rejected(decryptResource(crypto, key, { ...resource, ciphertext: 'not base64!' }));
    await rejected(decryptResource(crypto, key, { ...resource, ciphertext: 'AAAA' }));
  });
});
