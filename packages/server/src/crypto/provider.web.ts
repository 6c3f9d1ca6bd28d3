/**
 * `CryptoProvider` on WebCrypto (`crypto.subtle`) for edge runtimes (Vercel/Cloudflare/Deno) and Node alike.
 * WebCrypto binds an RSA key to one hash at import, so a handle keeps the DER and imports one CryptoKey per hash,
 * lazily and once. MD5 (absent from WebCrypto) is pure TypeScript; AES-ECB is built from AES-CBC (see below).
 */
import { PayConfigError } from '@payweave/core';
import { concatBytes, utf8 } from '../internal/encoding';
import { aesKeyBits, decryptionFailed, foreignHandle } from './failures';
import { parseEcPublicKey, parseRsaPrivateKey, parseRsaPublicKey } from './keys';
import { md5 } from './md5';
import type { CryptoData, CryptoProvider, EcCurve, EcdsaHash, EcPrivateKeyHandle, EcPublicKeyHandle, RsaHash, RsaPrivateKeyHandle, RsaPublicKeyHandle } from './provider';

const RSA = 'RSASSA-PKCS1-v1_5';
const P1363_LENGTH: Record<EcCurve, number> = { 'P-256': 64, 'P-384': 96 };
const BLOCK = 16;

/** WebCrypto wants ArrayBuffer-backed views; copy only when the bytes live elsewhere (SharedArrayBuffer, other realm). */
const buf = (bytes: Uint8Array): Uint8Array<ArrayBuffer> =>
  bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
/** The bytes of `CryptoData`: text as UTF-8. */
const bytesOf = (data: CryptoData): Uint8Array<ArrayBuffer> => (typeof data === 'string' ? (utf8(data) as Uint8Array<ArrayBuffer>) : buf(data));

interface RsaKeyState {
  readonly der: Uint8Array;
  readonly format: 'pkcs8' | 'spki';
  readonly cache: Map<RsaHash, Promise<CryptoKey>>;
}

/** Create the WebCrypto provider; `subtle` defaults to the runtime's `globalThis.crypto.subtle`. */
export function createWebCryptoProvider(subtle: SubtleCrypto = globalThis.crypto.subtle): CryptoProvider {
  const rsaKeys = new WeakMap<object, RsaKeyState>();
  const ecKeys = new WeakMap<object, CryptoKey>();

  /** The CryptoKey of an RSA handle for `hash`, imported on first use and cached. */
  const rsaKey = (handle: object, hash: RsaHash): Promise<CryptoKey> => {
    const state = rsaKeys.get(handle);
    if (!state) return Promise.reject(foreignHandle());
    let key = state.cache.get(hash);
    if (!key) {
      const usage: KeyUsage = state.format === 'pkcs8' ? 'sign' : 'verify';
      key = subtle.importKey(state.format, buf(state.der), { name: RSA, hash }, false, [usage]);
      state.cache.set(hash, key);
    }
    return key;
  };

  /** Register an RSA handle and import it once for SHA-256, so that a key WebCrypto refuses fails at construction. */
  const registerRsa = async <T extends object>(handle: T, der: Uint8Array, format: 'pkcs8' | 'spki'): Promise<T> => {
    rsaKeys.set(handle, { der, format, cache: new Map() });
    try {
      await rsaKey(handle, 'SHA-256');
    } catch (error) {
      throw new PayConfigError(`WebCrypto could not import the RSA ${format === 'pkcs8' ? 'private' : 'public'} key`, { cause: error });
    }
    return Object.freeze(handle);
  };

  const ecKeyOf = (handle: object): CryptoKey => {
    const key = ecKeys.get(handle);
    if (!key) throw foreignHandle();
    return key;
  };

  const ecdsaVerify = async (hash: EcdsaHash, handle: EcPublicKeyHandle, data: Uint8Array, signature: Uint8Array) => {
    const key = ecKeyOf(handle);
    if (signature.length !== P1363_LENGTH[handle.curve]) return false;
    try {
      return await subtle.verify({ name: 'ECDSA', hash }, key, buf(signature), buf(data));
    } catch {
      return false;
    }
  };

  const aesKey = (key: Uint8Array, name: 'AES-GCM' | 'AES-CBC', usages: KeyUsage[]) => {
    aesKeyBits(key, name === 'AES-GCM' ? 'AES-GCM' : 'AES-ECB');
    return subtle.importKey('raw', buf(key), name, false, usages);
  };
  const gcmParams = (iv: Uint8Array, aad?: Uint8Array): AesGcmParams =>
    aad ? { name: 'AES-GCM', iv: buf(iv), additionalData: buf(aad), tagLength: 128 } : { name: 'AES-GCM', iv: buf(iv), tagLength: 128 };

  return {
    name: 'web',
    async importRsaPrivateKey(pkcs8) {
      const info = parseRsaPrivateKey(pkcs8, 'RSA private key');
      const handle: RsaPrivateKeyHandle = { type: 'rsa-private', modulusBits: info.modulusBits };
      return registerRsa(handle, info.pkcs8, 'pkcs8');
    },
    async importRsaPublicKey(spki) {
      const info = parseRsaPublicKey(spki, 'RSA public key');
      const handle: RsaPublicKeyHandle = { type: 'rsa-public', modulusBits: info.modulusBits };
      return registerRsa(handle, info.spki, 'spki');
    },
    async importEcPublicKey(spki) {
      const info = parseEcPublicKey(spki, 'EC public key');
      let key: CryptoKey;
      try {
        key = await subtle.importKey('spki', buf(info.spki), { name: 'ECDSA', namedCurve: info.curve }, false, ['verify']);
      } catch (error) {
        throw new PayConfigError('WebCrypto could not import the EC public key', { cause: error });
      }
      const handle: EcPublicKeyHandle = Object.freeze({ type: 'ec-public', curve: info.curve });
      ecKeys.set(handle, key);
      return handle;
    },
    async rsaSign(hash, handle, data) {
      return new Uint8Array(await subtle.sign(RSA, await rsaKey(handle, hash), bytesOf(data)));
    },
    async rsaVerify(hash, handle, data, signature) {
      const key = await rsaKey(handle, hash);
      try {
        return await subtle.verify(RSA, key, buf(signature), bytesOf(data));
      } catch {
        return false; // malformed signature bytes: an invalid signature, not an exception
      }
    },
    async ecdsaP256Verify(handle, data, signature) {
      if (handle.curve !== 'P-256') return false;
      return ecdsaVerify('SHA-256', handle, data, signature);
    },
    ecdsaVerify,
    async importEcPrivateKey(pkcs8) {
      let key: CryptoKey;
      try {
        key = await subtle.importKey('pkcs8', buf(pkcs8), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
      } catch (error) {
        throw new PayConfigError('the private key is not an EC P-256 key: pass the .p8 key from App Store Connect', { cause: error });
      }
      const handle: EcPrivateKeyHandle = Object.freeze({ type: 'ec-private', curve: 'P-256' });
      ecKeys.set(handle, key);
      return handle;
    },
    async ecdsaP256Sign(handle, data) {
      const key = ecKeys.get(handle);
      if (!key) throw foreignHandle();
      return new Uint8Array(await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, buf(data)));
    },
    async hmacSha256(key, data) {
      // WebCrypto refuses an empty HMAC key; HMAC zero-pads keys to the 64-byte block, so 64 zero bytes are equivalent.
      const raw = key.length === 0 ? new Uint8Array(64) : buf(key);
      const hmacKey = await subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      return new Uint8Array(await subtle.sign('HMAC', hmacKey, bytesOf(data)));
    },
    async digest(algorithm, data) {
      if (algorithm === 'MD5') return md5(bytesOf(data));
      return new Uint8Array(await subtle.digest(algorithm, bytesOf(data)));
    },
    async aesGcmEncrypt(key, iv, plaintext, aad) {
      const cryptoKey = await aesKey(key, 'AES-GCM', ['encrypt']);
      return new Uint8Array(await subtle.encrypt(gcmParams(iv, aad), cryptoKey, buf(plaintext)));
    },
    async aesGcmDecrypt(key, iv, ciphertextAndTag, aad) {
      const cryptoKey = await aesKey(key, 'AES-GCM', ['decrypt']);
      if (ciphertextAndTag.length < 16) throw decryptionFailed('AES-GCM decryption');
      try {
        return new Uint8Array(await subtle.decrypt(gcmParams(iv, aad), cryptoKey, buf(ciphertextAndTag)));
      } catch (error) {
        throw decryptionFailed('AES-GCM decryption', error);
      }
    },
    async aesEcbDecrypt(key, data) {
      const cryptoKey = await aesKey(key, 'AES-CBC', ['encrypt', 'decrypt']);
      if (data.length === 0 || data.length % BLOCK !== 0) throw decryptionFailed('AES-ECB decryption');
      // WebCrypto has no ECB. CBC decryption with a zero IV yields P_i = D(C_i) xor C_(i-1) (C_0 = 0), so ECB's D(C_i)
      // is P_i xor C_(i-1). CBC also insists on valid PKCS#7 padding, so we append one crafted block X with
      // D(X) = C_n xor 0x10..10: it decrypts to a full padding block, which WebCrypto strips. X = E(C_n xor 0x10..10)
      // is the first block of a zero-IV CBC encryption of that value. ECB's own padding is then checked below.
      const zeroIv = new Uint8Array(BLOCK);
      const target = data.slice(data.length - BLOCK).map((byte) => byte ^ BLOCK);
      const encrypted = new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv: zeroIv }, cryptoKey, target));
      const crafted = encrypted.subarray(0, BLOCK);
      let plain: Uint8Array;
      try {
        plain = new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv: zeroIv }, cryptoKey, buf(concatBytes(data, crafted))));
      } catch (error) {
        throw decryptionFailed('AES-ECB decryption', error);
      }
      for (let i = BLOCK; i < plain.length; i++) plain[i] = (plain[i] as number) ^ (data[i - BLOCK] as number);
      return unpadPkcs7(plain);
    },
    randomBytes(length) {
      const out = new Uint8Array(length);
      // getRandomValues fills at most 65536 bytes per call.
      for (let offset = 0; offset < length; offset += 65536) globalThis.crypto.getRandomValues(out.subarray(offset, offset + 65536));
      return out;
    },
  };
}

/** Strip PKCS#7 padding, checking every padding byte (what OpenSSL does for Node's provider). */
function unpadPkcs7(plain: Uint8Array): Uint8Array {
  const count = plain[plain.length - 1] as number;
  let bad = count < 1 || count > BLOCK || count > plain.length ? 1 : 0;
  for (let i = 1; i <= BLOCK && bad === 0; i++) {
    if (i <= count && plain[plain.length - i] !== count) bad = 1;
  }
  if (bad) throw decryptionFailed('AES-ECB decryption');
  return plain.slice(0, plain.length - count);
}
