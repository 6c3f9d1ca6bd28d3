/**
 * `CryptoProvider` on `node:crypto`. Keys become `KeyObject`s once, at import.
 * Every operation runs synchronously on the calling thread, as the one-shot `crypto.sign`/`crypto.verify` do for the
 * peer SDKs. The thread-pool form of `sign` was measured (`npm run bench`, suite alipay-app): handing an RSA-2048
 * signature (~0.37 ms) to libuv's pool and back cost 10-15% more per call than signing in place, and a merchant server
 * signs once per charge, so the event loop is held for well under a millisecond per checkout. Verification (30-50
 * microseconds) is cheaper than the hand-off itself.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  randomBytes as nodeRandomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import * as nodeCrypto from 'node:crypto';
import { PayConfigError } from '@payweave/core';
import { useLatin1Writer } from '../internal/encoding';
import { aesKeyBits, decryptionFailed, foreignHandle } from './failures';
import type {
  CryptoData,
  CryptoProvider,
  DigestAlgorithm,
  EcCurve,
  EcdsaHash,
  EcPrivateKeyHandle,
  EcPublicKeyHandle,
  RsaHash,
  RsaPrivateKeyHandle,
  RsaPublicKeyHandle,
} from './provider';

const HASH_NAMES: Record<RsaHash | DigestAlgorithm | EcdsaHash, string> = {
  'SHA-256': 'sha256',
  'SHA-1': 'sha1',
  'SHA-384': 'sha384',
  MD5: 'md5',
};
const NODE_CURVES: Record<string, EcCurve> = { prime256v1: 'P-256', secp384r1: 'P-384' };
const P1363_LENGTH: Record<EcCurve, number> = { 'P-256': 64, 'P-384': 96 };

/**
 * Digests come back from Node as latin1 ('binary') text and are copied into a Uint8Array here: for a 16-32 byte
 * result, creating a Buffer in C++ and then copying it cost more than the hash of a typical 300-byte WeChat v2 string
 * (`npm run bench`, suite wechat-v2-md5: 0.41 -> 0.49 of a raw digest). One-shot `crypto.hash` (Node 20.12+) is read
 * from the namespace so that older Node 20 releases, which lack it, fall back to createHash instead of failing to link.
 */
const oneShotHash = (nodeCrypto as { hash?: (algorithm: string, data: CryptoData, encoding: 'binary') => string }).hash;
const hashText = oneShotHash
  ? (algorithm: string, data: CryptoData): string => oneShotHash(algorithm, data, 'binary')
  : (algorithm: string, data: CryptoData): string => createHash(algorithm).update(data).digest('binary');

/** The bytes of a latin1 string (each character one byte). */
function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** `crypto.sign`/`verify` take bytes only: text becomes its UTF-8 bytes natively (no TextEncoder round trip). */
const signable = (data: CryptoData): Uint8Array => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data);

/**
 * A plain Uint8Array of a Buffer's bytes, so portable callers never receive Buffer's different `slice`/`toString`.
 * Outputs that own their whole memory (what `crypto.sign` and a decipher's `update` return) are viewed, not copied:
 * copying meant a second off-heap allocation per notification. Anything that shares memory (a slice of Node's Buffer
 * pool) is copied, so no result ever exposes other data through `.buffer`.
 */
const plain = (buffer: Uint8Array): Uint8Array =>
  buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.byteLength
    ? new Uint8Array(buffer.buffer, 0, buffer.byteLength)
    : new Uint8Array(buffer);

/** A cipher's output: `update`, then `final` joined only when it produced bytes (GCM puts everything in `update`). */
const cipherOutput = (head: Buffer, tail: Buffer): Uint8Array => plain(tail.length === 0 ? head : Buffer.concat([head, tail]));
/** A zero-copy Buffer view of DER bytes, the input type `createPrivateKey`/`createPublicKey` declare. */
const view = (der: Uint8Array): Buffer => Buffer.from(der.buffer, der.byteOffset, der.byteLength);

function importKey(create: () => KeyObject, what: string): KeyObject {
  try {
    return create();
  } catch (error) {
    throw new PayConfigError(`could not import the ${what}: pass the DER returned by keys.ts (parseRsaPrivateKey, parseRsaPublicKey, parseEcPublicKey)`, { cause: error });
  }
}

// Signatures and ciphertexts decode through Buffer's native latin1 write on Node (internal/encoding.ts says why).
useLatin1Writer((memory) => Buffer.from(memory));

/** Create the Node.js crypto provider. */
export function createNodeCryptoProvider(): CryptoProvider {
  const keyObjects = new WeakMap<object, KeyObject>();
  const keyOf = (handle: object): KeyObject => {
    const key = keyObjects.get(handle);
    if (!key) throw foreignHandle();
    return key;
  };
  const register = <T extends object>(handle: T, key: KeyObject): T => {
    keyObjects.set(handle, key);
    return Object.freeze(handle);
  };
  // Synchronous on purpose: the async methods below return its result directly, one microtask instead of two.
  const verifySignature = (algorithm: string, data: CryptoData, key: KeyObject | { key: KeyObject; dsaEncoding: 'ieee-p1363' }, signature: Uint8Array) => {
    // A malformed signature is an invalid signature: report false, never an exception.
    try {
      return verify(algorithm, signable(data), key, signature);
    } catch {
      return false;
    }
  };

  const ecdsaVerify = async (hash: EcdsaHash, handle: EcPublicKeyHandle, data: Uint8Array, signature: Uint8Array) => {
    const key = keyOf(handle);
    if (signature.length !== P1363_LENGTH[handle.curve]) return false;
    return verifySignature(HASH_NAMES[hash], data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  };

  return {
    name: 'node',
    async importRsaPrivateKey(pkcs8) {
      const key = importKey(() => createPrivateKey({ key: view(pkcs8), format: 'der', type: 'pkcs8' }), 'RSA private key');
      if (key.asymmetricKeyType !== 'rsa') throw new PayConfigError('the private key is not an RSA key: pass an RSA private key');
      const handle: RsaPrivateKeyHandle = { type: 'rsa-private', modulusBits: key.asymmetricKeyDetails?.modulusLength ?? 0 };
      return register(handle, key);
    },
    async importRsaPublicKey(spki) {
      const key = importKey(() => createPublicKey({ key: view(spki), format: 'der', type: 'spki' }), 'RSA public key');
      if (key.asymmetricKeyType !== 'rsa') throw new PayConfigError('the public key is not an RSA key: pass an RSA public key');
      const handle: RsaPublicKeyHandle = { type: 'rsa-public', modulusBits: key.asymmetricKeyDetails?.modulusLength ?? 0 };
      return register(handle, key);
    },
    async importEcPublicKey(spki) {
      const key = importKey(() => createPublicKey({ key: view(spki), format: 'der', type: 'spki' }), 'EC public key');
      const curve = key.asymmetricKeyType === 'ec' ? NODE_CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''] : undefined;
      if (!curve) throw new PayConfigError('the public key is not an EC key on P-256 or P-384');
      const handle: EcPublicKeyHandle = { type: 'ec-public', curve };
      return register(handle, key);
    },
    async rsaSign(hash, handle, data) {
      return plain(sign(HASH_NAMES[hash], signable(data), keyOf(handle)));
    },
    async rsaVerify(hash, handle, data, signature) {
      return verifySignature(HASH_NAMES[hash], data, keyOf(handle), signature);
    },
    async ecdsaP256Verify(handle, data, signature) {
      if (handle.curve !== 'P-256') return false;
      return ecdsaVerify('SHA-256', handle, data, signature);
    },
    ecdsaVerify,
    async importEcPrivateKey(pkcs8) {
      const key = importKey(() => createPrivateKey({ key: view(pkcs8), format: 'der', type: 'pkcs8' }), 'EC private key');
      if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
        throw new PayConfigError('the private key is not an EC P-256 key: pass the .p8 key from App Store Connect');
      }
      const handle: EcPrivateKeyHandle = { type: 'ec-private', curve: 'P-256' };
      return register(handle, key);
    },
    async ecdsaP256Sign(handle, data) {
      return plain(sign('sha256', data, { key: keyOf(handle), dsaEncoding: 'ieee-p1363' }));
    },
    async hmacSha256(key, data) {
      return latin1Bytes(createHmac('sha256', key).update(data).digest('binary'));
    },
    async digest(algorithm, data) {
      return latin1Bytes(hashText(HASH_NAMES[algorithm], data));
    },
    async aesGcmEncrypt(key, iv, plaintext, aad) {
      const cipher = createCipheriv(`aes-${aesKeyBits(key, 'AES-GCM')}-gcm`, key, iv);
      if (aad) cipher.setAAD(aad);
      const head = cipher.update(plaintext);
      const tail = cipher.final();
      return plain(Buffer.concat([head, tail, cipher.getAuthTag()]));
    },
    async aesGcmDecrypt(key, iv, ciphertextAndTag, aad) {
      const bits = aesKeyBits(key, 'AES-GCM');
      if (ciphertextAndTag.length < 16) throw decryptionFailed('AES-GCM decryption');
      const split = ciphertextAndTag.length - 16;
      try {
        const decipher = createDecipheriv(`aes-${bits}-gcm`, key, iv);
        decipher.setAuthTag(ciphertextAndTag.subarray(split));
        if (aad) decipher.setAAD(aad);
        const head = decipher.update(ciphertextAndTag.subarray(0, split));
        return cipherOutput(head, decipher.final());
      } catch (error) {
        throw decryptionFailed('AES-GCM decryption', error);
      }
    },
    async aesEcbDecrypt(key, data) {
      const bits = aesKeyBits(key, 'AES-ECB');
      if (data.length === 0 || data.length % 16 !== 0) throw decryptionFailed('AES-ECB decryption');
      try {
        const decipher = createDecipheriv(`aes-${bits}-ecb`, key, null);
        const head = decipher.update(data);
        return cipherOutput(head, decipher.final());
      } catch (error) {
        throw decryptionFailed('AES-ECB decryption', error);
      }
    },
    randomBytes(length) {
      return plain(nodeRandomBytes(length));
    },
  };
}
