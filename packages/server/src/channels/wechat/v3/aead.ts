/**
 * AEAD_AES_256_GCM as WeChat Pay uses it for notification resources and downloaded platform certificates: key = the
 * 32 ASCII bytes of the APIv3 key, IV = the `nonce` text bytes, AAD = the `associated_data` text bytes (may be
 * empty), input = base64(ciphertext || 16-byte tag).
 * @see https://pay.weixin.qq.com/docs/merchant/development/interface-rules/certificate-callback-decryption.html
 */
import { PaySignatureError } from '@payweave/core';
import type { CryptoProvider } from '../../../crypto/provider';
import { fromPublicBase64, fromUtf8Strict, toBase64, utf8 } from '../../../internal/encoding';
import { RESOURCE_ALGORITHM } from '../constants';

/** An encrypted resource as it appears in a notification or `/v3/certificates` entry. */
export interface EncryptedResource {
  algorithm?: string;
  ciphertext: string;
  nonce: string;
  associated_data?: string;
}

function reject(message: string): PaySignatureError {
  return new PaySignatureError(message, { channel: 'wechat', code: 'DECRYPTION_FAILED' });
}

function notDecrypted(error: unknown): PaySignatureError {
  return new PaySignatureError('resource does not decrypt: check apiV3Key (the 32-character APIv3 key), or the message was forged', {
    channel: 'wechat',
    code: 'DECRYPTION_FAILED',
    cause: error,
  });
}

function plaintextText(plaintext: Uint8Array): string {
  const text = fromUtf8Strict(plaintext);
  if (text === null) throw reject('decrypted resource is not UTF-8 text');
  return text;
}

const refuseDecryption = (error: unknown): never => {
  throw notDecrypted(error);
};

/**
 * Decrypt a resource to its UTF-8 text. Throws `PaySignatureError` (`DECRYPTION_FAILED`) for another algorithm,
 * bad base64, a failed tag (forged, corrupted, or the wrong APIv3 key) or non-UTF-8 plaintext. Chained on the
 * provider's promise rather than an async function (one promise fewer per notification); a synchronous failure is
 * still returned as a rejected promise.
 */
export function decryptResource(crypto: CryptoProvider, apiV3Key: Uint8Array, resource: EncryptedResource): Promise<string> {
  try {
    if (resource.algorithm !== undefined && resource.algorithm !== RESOURCE_ALGORITHM) {
      throw reject(`unsupported resource algorithm ${JSON.stringify(String(resource.algorithm).slice(0, 32))}`);
    }
    const data = fromPublicBase64(resource.ciphertext);
    if (!data || data.length < 16) throw reject('resource ciphertext is not base64 of ciphertext and a 16-byte tag');
    if (resource.nonce.length === 0) throw reject('resource nonce is empty');
    let decrypted: Promise<Uint8Array>;
    try {
      decrypted = crypto.aesGcmDecrypt(apiV3Key, utf8(resource.nonce), data, utf8(resource.associated_data ?? ''));
    } catch (error) {
      throw notDecrypted(error);
    }
    return decrypted.then(plaintextText, refuseDecryption);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Encrypt a resource the way WeChat does (used by the sandbox emulator and tests). */
export async function encryptResource(
  crypto: CryptoProvider,
  apiV3Key: Uint8Array,
  plaintext: string,
  nonce: string,
  associatedData: string,
): Promise<EncryptedResource> {
  const sealed = await crypto.aesGcmEncrypt(apiV3Key, utf8(nonce), utf8(plaintext), utf8(associatedData));
  return { algorithm: RESOURCE_ALGORITHM, ciphertext: toBase64(sealed), nonce, associated_data: associatedData };
}
