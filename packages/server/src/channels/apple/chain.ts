/**
 * The x5c chain of an App Store JWS: leaf <- intermediate <- a pinned root, Apple's marker OIDs, validity at the
 * payload's `signedDate`. `x5c[2]` is never trusted: the anchor is the configured root (Apple Root CA - G3).
 * Verified chains are cached by the exact x5c leaf and intermediate strings, so a warm verification costs one ES256
 * verify.
 * @see https://developer.apple.com/documentation/appstoreserverapi/jwsdecodedheader
 */
import type { CryptoProvider, EcPublicKeyHandle } from '../../crypto/provider';
import { parseCertificateDer, verifyCertificateSignature, type Certificate } from '../../crypto/x509';
import { fromBase64 } from '../../internal/encoding';
import { CHAIN_CACHE_SIZE, INTERMEDIATE_MARKER_OID, LEAF_MARKER_OID } from './constants';
import { jwsError } from './errors';

/** A chain whose signatures and marker OIDs verified; the validity window is checked per payload. */
interface VerifiedChain {
  leafKey: EcPublicKeyHandle;
  /** The window in which all three certificates are valid (epoch ms, inclusive). */
  validFrom: number;
  validUntil: number;
}

const STRICT_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function readCertificate(entry: string, position: string): Certificate {
  const der = STRICT_BASE64.test(entry) ? fromBase64(entry) : null;
  try {
    if (!der) throw new Error('not base64');
    return parseCertificateDer(der);
  } catch (error) {
    throw jwsError('INVALID_CERTIFICATE', `the x5c ${position} certificate is not a base64 DER X.509 certificate`, error);
  }
}

/** True when `issuer` (name and key) signed `certificate`. */
async function issuedBy(crypto: CryptoProvider, certificate: Certificate, issuer: Certificate): Promise<boolean> {
  try {
    await verifyCertificateSignature(certificate, issuer, crypto);
    return true;
  } catch {
    return false;
  }
}

/** Verify the chain's structure and signatures (no dates); throws `PaySignatureError`. */
async function verifyChainUncached(crypto: CryptoProvider, roots: readonly Certificate[], x5c: readonly string[]): Promise<VerifiedChain> {
  const leaf = readCertificate(x5c[0] as string, 'leaf');
  const intermediate = readCertificate(x5c[1] as string, 'intermediate');
  if (!intermediate.isCa) throw jwsError('CERTIFICATE_CHAIN_INVALID', 'the x5c intermediate is not a CA certificate');
  let root: Certificate | undefined;
  for (const candidate of roots) {
    if (await issuedBy(crypto, intermediate, candidate)) {
      root = candidate;
      break;
    }
  }
  if (!root) throw jwsError('CERTIFICATE_CHAIN_INVALID', 'the x5c chain does not lead to the trusted Apple root certificate');
  if (!(await issuedBy(crypto, leaf, intermediate))) {
    throw jwsError('CERTIFICATE_CHAIN_INVALID', 'the x5c leaf certificate was not issued by the intermediate');
  }
  if (!intermediate.extensionOids.includes(INTERMEDIATE_MARKER_OID)) {
    throw jwsError('CERTIFICATE_CHAIN_INVALID', `the x5c intermediate lacks Apple's marker extension ${INTERMEDIATE_MARKER_OID}`);
  }
  if (!leaf.extensionOids.includes(LEAF_MARKER_OID)) {
    throw jwsError('CERTIFICATE_CHAIN_INVALID', `the x5c leaf lacks Apple's receipt-signing marker extension ${LEAF_MARKER_OID}`);
  }
  let leafKey: EcPublicKeyHandle;
  try {
    leafKey = await crypto.importEcPublicKey(leaf.spki);
  } catch (error) {
    throw jwsError('CERTIFICATE_CHAIN_INVALID', 'the x5c leaf does not hold an EC public key', error);
  }
  if (leafKey.curve !== 'P-256') throw jwsError('CERTIFICATE_CHAIN_INVALID', 'the x5c leaf key is not on P-256, as ES256 requires');
  const chain = [leaf, intermediate, root];
  return {
    leafKey,
    validFrom: Math.max(...chain.map((c) => c.notBefore.getTime())),
    validUntil: Math.min(...chain.map((c) => c.notAfter.getTime())),
  };
}

/** The cache key of an x5c (computed once per x5c array: decoded headers are cached, so the array recurs). */
const chainKeys = new WeakMap<readonly string[], string>();

function chainKey(x5c: readonly [string, string, string]): string {
  let key = chainKeys.get(x5c);
  if (key === undefined) {
    // The exact leaf and intermediate strings ('.' never occurs in base64, so the key is unambiguous). x5c[2] plays no
    // part in the verification, so it is not part of the key either: varying it cannot evict good chains.
    key = `${x5c[0]}.${x5c[1]}`;
    chainKeys.set(x5c, key);
  }
  return key;
}

function checkValidity(chain: VerifiedChain, effectiveDate: number): EcPublicKeyHandle {
  if (effectiveDate < chain.validFrom || effectiveDate > chain.validUntil) {
    throw jwsError('INVALID_CERTIFICATE', `the x5c chain was not valid at the payload's signedDate ${new Date(effectiveDate).toISOString()}`);
  }
  return chain.leafKey;
}

/** Verifies x5c chains against fixed roots, caching successes (least recently used first out). */
export class ChainVerifier {
  private readonly cache = new Map<string, Promise<VerifiedChain>>();
  /** Chains whose verification has finished, so a warm lookup needs no await. */
  private readonly settled = new Map<string, VerifiedChain>();

  constructor(
    private readonly crypto: CryptoProvider,
    private readonly roots: readonly Certificate[],
    private readonly cacheSize = CHAIN_CACHE_SIZE,
  ) {}

  /**
   * The leaf key of an already verified chain valid at `effectiveDate`, synchronously; undefined when the chain is
   * not verified yet (then call `leafKey`). Throws `PaySignatureError` when the chain was not valid at that date.
   */
  cachedLeafKey(x5c: readonly [string, string, string], effectiveDate: number): EcPublicKeyHandle | undefined {
    const key = chainKey(x5c);
    const chain = this.settled.get(key);
    if (!chain) return undefined;
    this.touch(key, this.cache.get(key) as Promise<VerifiedChain>);
    return checkValidity(chain, effectiveDate);
  }

  /** The leaf key of a chain valid at `effectiveDate` (epoch ms); throws `PaySignatureError`. */
  async leafKey(x5c: readonly [string, string, string], effectiveDate: number): Promise<EcPublicKeyHandle> {
    const key = chainKey(x5c);
    let pending = this.cache.get(key);
    if (!pending) {
      pending = verifyChainUncached(this.crypto, this.roots, x5c);
      pending.then(
        (chain) => {
          if (this.cache.get(key) === pending) this.settled.set(key, chain);
        },
        () => this.cache.delete(key),
      );
    }
    this.touch(key, pending);
    return checkValidity(await pending, effectiveDate);
  }

  /** Mark `key` most recently used, evicting the least recently used chain beyond the cache size. */
  private touch(key: string, pending: Promise<VerifiedChain>): void {
    this.cache.delete(key);
    this.cache.set(key, pending);
    if (this.cache.size > this.cacheSize) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
      this.settled.delete(oldest);
    }
  }

  /** Number of cached chains (for tests and diagnostics). */
  get size(): number {
    return this.cache.size;
  }
}
