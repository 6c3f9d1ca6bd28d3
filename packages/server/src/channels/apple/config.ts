/**
 * `apple(config)`: strict schema, trust anchors parsed at construction (a bad certificate is a `PayConfigError`
 * before the first purchase).
 */
import { PayConfigError, parseOrThrow } from '@payweave/core';
import * as z from 'zod';
import { parseCertificates, type Certificate } from '../../crypto/x509';
import { utf8 } from '../../internal/encoding';
import { VERIFY_RECEIPT_URLS } from './constants';
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
  };
}
