/**
 * `wechat(config)` configuration: a strict schema, and every key parsed at construction so that a wrong key is a
 * `PayConfigError` when the server starts, not on the first payment.
 * @see https://pay.weixin.qq.com/docs/merchant/development/interface-rules/privatekey-and-certificate.html
 */
import { PayConfigError, PayValidationError, parseOrThrow } from '@payweave/core';
import * as z from 'zod';
import { parseRsaPrivateKey, type RsaPrivateKeyInfo } from '../../crypto/keys';
import type { ClientTls } from '../../http/client';
import { toBase64, utf8 } from '../../internal/encoding';
import { MICROPAY_POLL, WECHAT_BASE_URL } from './constants';
import { parsePlatformKeys, type PlatformKeyEntry } from './platform-keys';
import type { V2SignType } from './v2/sign';

const keyInput = z.union([z.string(), z.instanceof(Uint8Array)]);
const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' });

/** The strict schema of `wechat(config)`; see `docs/channels/wechat.md`. */
export const WechatConfigSchema = z.strictObject({
  /** 商户号. */
  mchId: z.string().regex(/^\d{1,32}$/, 'mchId is the numeric merchant id (商户号), e.g. "1900009191"'),
  /** The appid payments are made under (公众号 / APP / website); mini-program payments use `miniAppId`. */
  appId: z.string().min(1).max(32),
  /** Merchant API private key (apiclient_key.pem): PEM (PKCS#1/#8), base64 or DER. Required for APIv3. */
  privateKey: keyInput.optional(),
  /** Serial of the merchant API certificate (hex). Required for APIv3. */
  certificateSerial: z.string().regex(/^[0-9A-Fa-f]{1,64}$/, 'certificateSerial is the hex serial of apiclient_cert.pem').optional(),
  /** The 32-character APIv3 key. Required for APIv3. */
  apiV3Key: z.string().optional(),
  /** WeChat Pay platform certificates and/or public keys, by serial or `PUB_KEY_ID_...` id. Required for APIv3. */
  platformKeys: z.record(z.string(), keyInput).optional(),
  /** Download platform certificates from `GET /v3/certificates` (on an unknown serial, and every 12 h). */
  autoPlatformCertificates: z.boolean().optional(),
  /** The 32-character APIv2 key: required for `apiVersion: 'v2'` and for `wechat_barcode` (v2 micropay). */
  apiKey: z.string().optional(),
  apiVersion: z.enum(['v3', 'v2']).optional(),
  /** Mini-program appid for `wechat_mini`. */
  miniAppId: z.string().min(1).max(32).optional(),
  baseUrl: httpUrl.optional(),
  notifyUrl: httpUrl.optional(),
  /** APIv2 signature algorithm for requests (default MD5, WeChat's default). */
  v2SignType: z.enum(['MD5', 'HMAC-SHA256']).optional(),
  /** Merchant API certificate for APIv2 mutual TLS (refund, reverse): the certificate PEM (key = privateKey) or a PKCS#12. */
  clientCertificate: z
    .union([z.strictObject({ cert: z.string(), key: z.string().optional() }), z.strictObject({ pfx: z.instanceof(Uint8Array), passphrase: z.string().optional() })])
    .optional(),
  /** The `wechat_barcode` USERPAYING recipe: query every `intervalMs`, reverse after `timeoutMs`. */
  barcodePolling: z.strictObject({ intervalMs: z.number().int().min(0).optional(), timeoutMs: z.number().int().min(0).optional() }).optional(),
});

/** What a merchant passes to `wechat()`. */
export type WechatConfig = z.input<typeof WechatConfigSchema>;

/** The resolved configuration the channel runs on. */
export interface WechatSettings {
  apiVersion: 'v3' | 'v2';
  mchId: string;
  appId: string;
  miniAppId?: string;
  baseUrl: string;
  livemode: boolean;
  notifyUrl?: string;
  privateKey?: RsaPrivateKeyInfo;
  certificateSerial?: string;
  apiV3Key?: Uint8Array;
  platformKeys: PlatformKeyEntry[];
  autoPlatformCertificates: boolean;
  apiKey?: string;
  v2SignType: V2SignType;
  tls?: ClientTls;
  polling: { intervalMs: number; timeoutMs: number };
}

function require32(value: string | undefined, name: string, what: string): void {
  if (value === undefined) return;
  if (utf8(value).length !== 32) {
    throw new PayConfigError(`${name} must be the 32-character ${what} set in the merchant platform (账户中心 > API安全); got ${utf8(value).length} bytes`, {
      channel: 'wechat',
    });
  }
}

function pkcs8Pem(der: Uint8Array): string {
  const body = toBase64(der).replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`;
}

/** Validate and resolve `wechat(config)`; throws `PayConfigError` / `PayValidationError` naming the field. */
export function resolveWechatConfig(config: unknown): WechatSettings {
  let input: z.output<typeof WechatConfigSchema>;
  try {
    input = parseOrThrow(WechatConfigSchema, config, 'wechat() config');
  } catch (error) {
    if (!PayValidationError.isInstance(error)) throw error;
    throw new PayConfigError(error.message, { channel: 'wechat', cause: error });
  }
  const apiVersion = input.apiVersion ?? 'v3';
  require32(input.apiV3Key, 'apiV3Key', 'APIv3 key');
  require32(input.apiKey, 'apiKey', 'APIv2 key');
  if (apiVersion === 'v3') {
    const required = input.autoPlatformCertificates ? (['privateKey', 'certificateSerial', 'apiV3Key'] as const) : (['privateKey', 'certificateSerial', 'apiV3Key', 'platformKeys'] as const);
    const missing = required.filter((k) => input[k] === undefined);
    if (missing.length > 0) {
      throw new PayConfigError(`wechat() APIv3 needs ${missing.join(', ')} (or set apiVersion: 'v2' with apiKey)`, { channel: 'wechat' });
    }
  } else if (input.apiKey === undefined) {
    throw new PayConfigError("wechat() with apiVersion 'v2' needs apiKey (the 32-character APIv2 key)", { channel: 'wechat' });
  }
  const privateKey = input.privateKey === undefined ? undefined : parseRsaPrivateKey(input.privateKey, 'wechat privateKey');
  const platformKeys = parsePlatformKeys(input.platformKeys ?? {});
  if (apiVersion === 'v3' && platformKeys.length === 0 && !input.autoPlatformCertificates) {
    throw new PayConfigError('wechat() platformKeys is empty: add the WeChat Pay public key (PUB_KEY_ID_...) or platform certificate', { channel: 'wechat' });
  }
  const baseUrl = (input.baseUrl ?? WECHAT_BASE_URL).replace(/\/+$/, '');
  const cert = input.clientCertificate;
  let tls: ClientTls | undefined;
  if (cert && 'cert' in cert) {
    if (cert.key === undefined && !privateKey) throw new PayConfigError('wechat() clientCertificate needs key (or privateKey)', { channel: 'wechat' });
    tls = { cert: cert.cert, key: cert.key ?? pkcs8Pem((privateKey as RsaPrivateKeyInfo).pkcs8) };
  } else if (cert) {
    tls = { pfx: cert.pfx, ...(cert.passphrase !== undefined && { passphrase: cert.passphrase }) };
  }
  return {
    apiVersion,
    mchId: input.mchId,
    appId: input.appId,
    ...(input.miniAppId !== undefined && { miniAppId: input.miniAppId }),
    baseUrl,
    livemode: /^https:\/\/api2?\.mch\.weixin\.qq\.com$/.test(baseUrl),
    ...(input.notifyUrl !== undefined && { notifyUrl: input.notifyUrl }),
    ...(privateKey !== undefined && { privateKey }),
    ...(input.certificateSerial !== undefined && { certificateSerial: input.certificateSerial.toUpperCase() }),
    ...(input.apiV3Key !== undefined && { apiV3Key: utf8(input.apiV3Key) }),
    platformKeys,
    autoPlatformCertificates: input.autoPlatformCertificates ?? false,
    ...(input.apiKey !== undefined && { apiKey: input.apiKey }),
    v2SignType: input.v2SignType ?? 'MD5',
    ...(tls !== undefined && { tls }),
    polling: {
      intervalMs: input.barcodePolling?.intervalMs ?? MICROPAY_POLL.intervalMs,
      timeoutMs: input.barcodePolling?.timeoutMs ?? MICROPAY_POLL.timeoutMs,
    },
  };
}
