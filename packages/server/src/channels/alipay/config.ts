/**
 * `alipay(config)` options: a strict schema, and the keys/certificates parsed at construction so that a wrong key
 * fails when the server starts, not on the first payment.
 * @see https://opendocs.alipay.com/common/02kdnc (key modes: 公钥模式 and 公钥证书模式)
 */
import { PayConfigError, toPayIssues } from '@payweave/core';
import * as z from 'zod';
import { parseRsaPrivateKey, parseRsaPublicKey, publicKeyMatchesPrivateKey, type RsaPrivateKeyInfo, type RsaPublicKeyInfo } from '../../crypto/keys';
import { parseAlipayCertificates, type AlipayCertificates } from './cert';
import { BARCODE_DEFAULTS, PRODUCTION_GATEWAY, SANDBOX_GATEWAY } from './constants';

const keyInput = z.union([z.string(), z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected PEM/base64 text or DER bytes')]);
const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' });

/** The strict option schema of `alipay()`. */
export const AlipayConfigSchema = z.strictObject({
  appId: z.string().regex(/^\d{8,32}$/, 'expected the APPID digits from the Alipay open platform'),
  privateKey: keyInput,
  alipayPublicKey: keyInput.optional(),
  appCert: keyInput.optional(),
  alipayPublicCert: keyInput.optional(),
  alipayRootCert: keyInput.optional(),
  sandbox: z.boolean().optional(),
  baseUrl: httpUrl.optional(),
  sellerId: z.string().regex(/^2088\d{12}$/, 'expected the 16-digit PID starting with 2088').optional(),
  notifyUrl: httpUrl.optional(),
  /** RSA2 (SHA256withRSA, default) or the legacy RSA (SHA1withRSA). */
  signType: z.enum(['RSA2', 'RSA']).optional(),
  /** How page/wap credentials reach the browser: an auto-submitted POST form (default) or a GET redirect URL. */
  pageMethod: z.enum(['GET', 'POST']).optional(),
  /** Barcode (付款码) payments: how long to wait for the payer's confirmation before cancelling. */
  barcode: z
    .strictObject({
      pollIntervalMs: z.number().int().positive().optional(),
      timeoutMs: z.number().int().positive().optional(),
      /** Waits between polls; tests pass a fake that advances their clock. */
      sleep: z.custom<(ms: number) => Promise<void>>((value) => typeof value === 'function', 'expected a function').optional(),
    })
    .optional(),
});

/** Options of `alipay()`. */
export type AlipayConfig = z.input<typeof AlipayConfigSchema>;

/** The configuration after validation and key parsing. */
export interface ResolvedAlipayConfig {
  appId: string;
  privateKey: RsaPrivateKeyInfo;
  alipayPublicKey: RsaPublicKeyInfo;
  certificates?: AlipayCertificates;
  gateway: string;
  livemode: boolean;
  sellerId?: string;
  notifyUrl?: string;
  signType: 'RSA2' | 'RSA';
  pageMethod: 'GET' | 'POST';
  barcode: { pollIntervalMs: number; timeoutMs: number; sleep: (ms: number) => Promise<void> };
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function configError(message: string): PayConfigError {
  return new PayConfigError(`alipay ${message}`, { channel: 'alipay' });
}

function gatewayOf(config: z.output<typeof AlipayConfigSchema>): string {
  if (config.baseUrl) {
    const base = config.baseUrl.replace(/\/+$/, '');
    return base.endsWith('.do') ? base : `${base}/gateway.do`;
  }
  return config.sandbox ? SANDBOX_GATEWAY : PRODUCTION_GATEWAY;
}

/** Key mode (one public key) or certificate mode (three certificates): exactly one, complete. */
function resolveKeys(config: z.output<typeof AlipayConfigSchema>, privateKey: RsaPrivateKeyInfo) {
  const certFields = (['appCert', 'alipayPublicCert', 'alipayRootCert'] as const).filter((field) => config[field] !== undefined);
  if (config.alipayPublicKey !== undefined && certFields.length > 0) {
    throw configError('takes either alipayPublicKey (public-key mode) or appCert + alipayPublicCert + alipayRootCert (certificate mode), not both');
  }
  if (config.alipayPublicKey === undefined && certFields.length === 0) {
    throw configError('needs alipayPublicKey (the "支付宝公钥") or, in certificate mode, appCert + alipayPublicCert + alipayRootCert');
  }
  if (config.alipayPublicKey !== undefined) {
    return { alipayPublicKey: parseRsaPublicKey(config.alipayPublicKey, 'alipay alipayPublicKey'), certificates: undefined };
  }
  const { appCert, alipayPublicCert, alipayRootCert } = config;
  if (appCert === undefined || alipayPublicCert === undefined || alipayRootCert === undefined) {
    const missing = ['appCert', 'alipayPublicCert', 'alipayRootCert'].filter((field) => !(certFields as string[]).includes(field));
    throw configError(`certificate mode needs all three certificate files; missing ${missing.join(', ')}`);
  }
  const certificates = parseAlipayCertificates(appCert, alipayPublicCert, alipayRootCert);
  const appKey = parseRsaPublicKey(certificates.app.spki, 'alipay appCert');
  if (!publicKeyMatchesPrivateKey(appKey, privateKey)) {
    throw configError('appCert does not belong to privateKey: pass the appCertPublicKey_<APPID>.crt issued for this private key');
  }
  return { alipayPublicKey: parseRsaPublicKey(certificates.alipay.spki, 'alipay alipayPublicCert'), certificates };
}

/** Validate options and parse keys; throws `PayConfigError` that says which field is wrong and why. */
export function resolveAlipayConfig(input: unknown): ResolvedAlipayConfig {
  const parsed = AlipayConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issues = toPayIssues(parsed.error).map((issue) => `${issue.path}: ${issue.message}`);
    throw configError(`config is invalid: ${issues.slice(0, 3).join('; ')}`);
  }
  const config = parsed.data;
  const privateKey = parseRsaPrivateKey(config.privateKey, 'alipay privateKey');
  const { alipayPublicKey, certificates } = resolveKeys(config, privateKey);
  if (publicKeyMatchesPrivateKey(alipayPublicKey, privateKey)) {
    const field = certificates ? 'alipayPublicCert' : 'alipayPublicKey';
    throw configError(
      `${field} is your own app public key (it belongs to privateKey): pass the Alipay public key ("支付宝公钥" / ` +
        'alipayCertPublicKey_RSA2.crt) shown next to it on the open platform',
    );
  }
  return {
    appId: config.appId,
    privateKey,
    alipayPublicKey,
    ...(certificates ? { certificates } : {}),
    gateway: gatewayOf(config),
    livemode: !config.sandbox && !config.baseUrl,
    ...(config.sellerId ? { sellerId: config.sellerId } : {}),
    ...(config.notifyUrl ? { notifyUrl: config.notifyUrl } : {}),
    signType: config.signType ?? 'RSA2',
    pageMethod: config.pageMethod ?? 'POST',
    barcode: {
      pollIntervalMs: config.barcode?.pollIntervalMs ?? BARCODE_DEFAULTS.pollIntervalMs,
      timeoutMs: config.barcode?.timeoutMs ?? BARCODE_DEFAULTS.timeoutMs,
      sleep: config.barcode?.sleep ?? realSleep,
    },
  };
}
