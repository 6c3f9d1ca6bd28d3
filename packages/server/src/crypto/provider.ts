/**
 * The cryptography seam. Async-only (WebCrypto is async; Stripe had to add `*Async` twins later, we start async).
 * Bytes (or text, signed as its UTF-8 bytes) in, bytes out. Keys are imported once into opaque handles and reused:
 * re-parsing a PEM per call costs ~7x.
 *
 * Two implementations share one known-answer contract suite (`crypto.contract.ts`):
 * - `provider.node.ts` on `node:crypto` (KeyObjects),
 * - `provider.web.ts` on WebCrypto (`crypto.subtle`), for edge runtimes; MD5, which WebCrypto lacks, in pure JS.
 */

/**
 * Data to sign, verify, hash or authenticate: bytes, or text, which stands for its UTF-8 bytes (lone surrogates as
 * U+FFFD, as `TextEncoder` does). The channels sign text (`k=v&...` strings, JSON bodies): passing it as text lets the
 * Node provider encode it natively instead of through a `TextEncoder` copy per call.
 */
export type CryptoData = Uint8Array | string;

/** Hash used inside an RSASSA-PKCS1-v1_5 signature. */
export type RsaHash = 'SHA-256' | 'SHA-1';
/** Digest algorithms the channels need (MD5 only for WeChat Pay v2 and Alipay certificate serials). */
export type DigestAlgorithm = 'SHA-256' | 'SHA-1' | 'MD5';

/** An imported RSA private key (PKCS#8 inside). Opaque: only a provider can use it. */
export interface RsaPrivateKeyHandle {
  readonly type: 'rsa-private';
  /** Modulus size in bits, for messages and checks (2048 expected by WeChat v3). */
  readonly modulusBits: number;
}
/** An imported RSA public key (SPKI inside). */
export interface RsaPublicKeyHandle {
  readonly type: 'rsa-public';
  readonly modulusBits: number;
}
/** Named curves for ECDSA verification (Apple JWS leaves: P-256; Apple and Ant Financial roots: P-384). */
export type EcCurve = 'P-256' | 'P-384';
/** Hash inside an ECDSA signature (ES256 uses SHA-256; CA certificates also use SHA-384). */
export type EcdsaHash = 'SHA-256' | 'SHA-384';
/** An imported EC public key, for ES256 (Apple JWS) and ECDSA certificate signatures. */
export interface EcPublicKeyHandle {
  readonly type: 'ec-public';
  /** Read from the SPKI at import. */
  readonly curve: EcCurve;
}

/** An imported EC P-256 private key (PKCS#8 inside), for ES256 signing (App Store Server API bearer tokens). */
export interface EcPrivateKeyHandle {
  readonly type: 'ec-private';
  readonly curve: 'P-256';
}

export interface CryptoProvider {
  readonly name: 'node' | 'web';
  /** Import a PKCS#8 DER RSA private key (see `keys.ts` for turning user input into PKCS#8). */
  importRsaPrivateKey(pkcs8: Uint8Array): Promise<RsaPrivateKeyHandle>;
  /** Import an SPKI DER RSA public key. */
  importRsaPublicKey(spki: Uint8Array): Promise<RsaPublicKeyHandle>;
  /** Import an SPKI DER EC public key on P-256 or P-384 (the curve is read from the SPKI). */
  importEcPublicKey(spki: Uint8Array): Promise<EcPublicKeyHandle>;
  /** RSASSA-PKCS1-v1_5 signature (deterministic: comparable byte for byte with a vector). */
  rsaSign(hash: RsaHash, key: RsaPrivateKeyHandle, data: CryptoData): Promise<Uint8Array>;
  /** RSASSA-PKCS1-v1_5 verification. Returns false for a wrong signature; never throws for bad signature bytes. */
  rsaVerify(hash: RsaHash, key: RsaPublicKeyHandle, data: CryptoData, signature: Uint8Array): Promise<boolean>;
  /** ECDSA P-256 / SHA-256 verification of a raw 64-byte `r || s` (IEEE P1363, as JWS uses) signature. */
  ecdsaP256Verify(key: EcPublicKeyHandle, data: Uint8Array, signature: Uint8Array): Promise<boolean>;
  /**
   * ECDSA verification on the key's curve with `hash`, of a raw `r || s` (IEEE P1363) signature; DER-encoded
   * certificate signatures are converted first (`x509.ts`). Returns false for a wrong or malformed signature.
   */
  ecdsaVerify(hash: EcdsaHash, key: EcPublicKeyHandle, data: Uint8Array, signature: Uint8Array): Promise<boolean>;
  /** Import a PKCS#8 DER EC P-256 private key (an App Store Connect `.p8` key). */
  importEcPrivateKey(pkcs8: Uint8Array): Promise<EcPrivateKeyHandle>;
  /** ES256: ECDSA P-256 / SHA-256 signature as a raw 64-byte `r || s` (IEEE P1363, as JWS uses). Not deterministic. */
  ecdsaP256Sign(key: EcPrivateKeyHandle, data: Uint8Array): Promise<Uint8Array>;
  /** HMAC-SHA256. */
  hmacSha256(key: Uint8Array, data: CryptoData): Promise<Uint8Array>;
  /** Message digest. */
  digest(algorithm: DigestAlgorithm, data: CryptoData): Promise<Uint8Array>;
  /**
   * AES-GCM encryption (AES-256 for a 32-byte key, AES-128 for a 16-byte key, as wechatpay-go picks it); returns
   * ciphertext followed by the 16-byte tag (the WeChat Pay v3 layout).
   */
  aesGcmEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array): Promise<Uint8Array>;
  /**
   * AES-256-GCM decryption of ciphertext || tag. Throws `PaySignatureError` (code `DECRYPTION_FAILED`) when the tag
   * does not authenticate: a forged or corrupted message, or the wrong key.
   */
  aesGcmDecrypt(key: Uint8Array, iv: Uint8Array, ciphertextAndTag: Uint8Array, aad?: Uint8Array): Promise<Uint8Array>;
  /**
   * AES-ECB decryption with PKCS#7 unpadding (WeChat Pay v2 refund `req_info`: AES-256 with key = md5 hex of the API
   * key). 16- or 32-byte keys. Throws `PaySignatureError` (code `DECRYPTION_FAILED`) for bad length or padding.
   */
  aesEcbDecrypt(key: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
  /** Cryptographically secure random bytes. */
  randomBytes(length: number): Uint8Array;
}
