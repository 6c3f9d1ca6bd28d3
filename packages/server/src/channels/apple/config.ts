/**
 * `apple(config)`: strict schema, trust anchors parsed at construction (a bad certificate is a `PayConfigError`
 * before the first purchase).
 */
import { PayConfigError, parseOrThrow } from '@payweave/core';
import * as z from 'zod';
import { children, DerError, oidString, readDer, type DerNode } from '../../crypto/der';
import { decodeKeyInput } from '../../crypto/pem';
import { parseCertificates, type Certificate } from '../../crypto/x509';
import { utf8 } from '../../internal/encoding';
import { SERVER_API_URLS, VERIFY_RECEIPT_URLS } from './constants';
import { APPLE_ROOT_CA_G3 } from './root-ca-g3';

const certificateInput = z.union([z.string().min(1), z.instanceof(Uint8Array)]);
const httpUrl = z.string().regex(/^https?:\/\/\S+$/, 'expected an http(s) URL');

/** The merchant-facing config of `apple()`. */
export const AppleConfigSchema = z
  .object({
    /** The app's bundle identifier, e.g. `com.example.app`. */
    bundleId: z.string().min(1),
    /** The app's Apple ID (App Store Connect > App Information); required to accept Production notifications. */
    appAppleId: z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
    /** `'auto'` accepts both (use it in production apps: App Review buys in the Sandbox). */
    environment: z.enum(['Production', 'Sandbox', 'auto']),
    /** Trust anchors replacing the pinned Apple Root CA - G3 (tests, sandbox). PEM, base64 DER or DER bytes. */
    rootCertificates: z.array(certificateInput).min(1).optional(),
    /** App-specific shared secret, sent as `password` to verifyReceipt (required for auto-renewable receipts). */
    sharedSecret: z.string().min(1).optional(),
    verifyReceiptUrls: z.object({ production: httpUrl, sandbox: httpUrl }).strict().optional(),
    /** Secret (at least 16 bytes) for `appAccountToken(accountId)`; keep it stable: tokens derive from it. */
    appAccountTokenSecret: z.union([z.string().min(16), z.instanceof(Uint8Array).refine((b) => b.length >= 16, 'at least 16 bytes')]).optional(),
    /** Refuse transactions without an appAccountToken when an accountId is given. Default false. */
    requireAppAccountToken: z.boolean().optional(),
    /** App Store Server API credentials (App Store Connect > Users and Access > Integrations > In-App Purchase). */
    serverApi: z.object({ issuerId: z.string().min(1), keyId: z.string().min(1), privateKey: certificateInput }).strict().optional(),
    /** Point verifyReceipt at a sandbox emulator: `${baseUrl}/production/verifyReceipt`, `${baseUrl}/sandbox/verifyReceipt`. */
    baseUrl: httpUrl.optional(),
    notifyUrl: httpUrl.optional(),
  })
  .strict();

/** What `apple()` accepts. */
export type AppleConfig = z.input<typeof AppleConfigSchema>;

/** The validated config with parsed trust anchors. */
export interface ResolvedAppleConfig {
  bundleId: string;
  appAppleId?: number;
  environment: 'Production' | 'Sandbox' | 'auto';
  roots: Certificate[];
  /** True when `rootCertificates` replaced Apple's root (the channel is then not live). */
  customRoots: boolean;
  sharedSecret?: string;
  verifyReceiptUrls: { production: string; sandbox: string };
  accountTokenSecret?: Uint8Array;
  requireAppAccountToken: boolean;
  notifyUrl?: string;
  /** App Store Server API credentials with the `.p8` key as PKCS#8 DER. */
  serverApi?: { issuerId: string; keyId: string; privateKey: Uint8Array };
  serverApiUrls: { production: string; sandbox: string };
}

const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const P256 = '1.2.840.10045.3.1.7';

/** The PKCS#8 DER of an App Store Connect `.p8` key (EC P-256); `PayConfigError` for anything else. */
function parseP8(input: string | Uint8Array): Uint8Array {
  const label = 'apple serverApi.privateKey';
  const der = decodeKeyInput(input, label)[0]?.der;
  try {
    const [version, algorithm, key] = children(readDer(der as Uint8Array));
    const [oid, curve] = children(algorithm as DerNode);
    if (version?.tag === 2 && key?.tag === 4 && oidString(oid as DerNode) === EC_PUBLIC_KEY && oidString(curve as DerNode) === P256) return der as Uint8Array;
  } catch (error) {
    if (!(error instanceof DerError)) throw error;
  }
  throw new PayConfigError(`${label} is not an EC P-256 private key: pass the contents of the AuthKey_<keyId>.p8 file`, { channel: 'apple' });
}

/** Validate `input`; throws `PayValidationError` for a bad shape and `PayConfigError` for unusable values. */
export function resolveAppleConfig(input: unknown): ResolvedAppleConfig {
  const config = parseOrThrow(AppleConfigSchema, input, 'apple config');
  if (config.environment === 'Production' && config.appAppleId === undefined) {
    throw new PayConfigError(
      "apple: environment 'Production' needs appAppleId (App Store Connect > App Information > Apple ID) to check notifications",
      { channel: 'apple' },
    );
  }
  const roots = (config.rootCertificates ?? [APPLE_ROOT_CA_G3]).flatMap((root, i) =>
    parseCertificates(root, `apple rootCertificates[${i}]`, 'config'),
  );
  const base = config.baseUrl?.replace(/\/+$/, '');
  const verifyReceiptUrls =
    config.verifyReceiptUrls ??
    (base ? { production: `${base}/production/verifyReceipt`, sandbox: `${base}/sandbox/verifyReceipt` } : { ...VERIFY_RECEIPT_URLS });
  const secret = config.appAccountTokenSecret;
  return {
    bundleId: config.bundleId,
    ...(config.appAppleId !== undefined ? { appAppleId: config.appAppleId } : {}),
    environment: config.environment,
    roots,
    customRoots: config.rootCertificates !== undefined,
    ...(config.sharedSecret !== undefined ? { sharedSecret: config.sharedSecret } : {}),
    verifyReceiptUrls,
    ...(secret !== undefined ? { accountTokenSecret: typeof secret === 'string' ? utf8(secret) : secret } : {}),
    requireAppAccountToken: config.requireAppAccountToken ?? false,
    ...(config.notifyUrl !== undefined ? { notifyUrl: config.notifyUrl } : {}),
    ...(config.serverApi ? { serverApi: { issuerId: config.serverApi.issuerId, keyId: config.serverApi.keyId, privateKey: parseP8(config.serverApi.privateKey) } } : {}),
    serverApiUrls: base ? { production: `${base}/production`, sandbox: `${base}/sandbox` } : { ...SERVER_API_URLS },
  };
}
