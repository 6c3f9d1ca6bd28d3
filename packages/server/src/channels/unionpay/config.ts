/**
 * `unionpay()` configuration: a strict schema, and every key and certificate read at construction so that a wrong
 * file is a `PayConfigError` when the server starts, not on the first payment.
 */
import * as z from 'zod';
import { PayConfigError } from '@payweave/core';
import { parseRsaPrivateKey, parseRsaPublicKey, publicKeyMatchesPrivateKey } from '../../crypto/keys';
import { parseCertificate, type Certificate } from '../../crypto/x509';
import { GATEWAY_URLS, SIGNER_OWNER } from './constants';
import { readSigningPfx } from './pfx';

const keyInput = z.union([z.string(), z.instanceof(Uint8Array)], { error: 'expected PEM/base64 text or DER bytes (Uint8Array)' });
const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' });

/** The merchant's `unionpay({...})` options (see API.md). */
export const UnionPayConfigSchema = z.strictObject({
  /** 15-character merchant code (商户号). */
  merId: z.string().regex(/^[0-9A-Za-z]{15}$/, 'expected the 15-character UnionPay merchant code (商户号)'),
  /** The signing certificate: the .pfx UnionPay issued with its password, or the key and certificate as PEM. */
  signCert: z.union(
    [
      z.strictObject({ pfx: keyInput, passphrase: z.string() }),
      z.strictObject({ privateKey: keyInput, certificate: keyInput }),
    ],
    { error: 'expected { pfx, passphrase } or { privateKey, certificate }' },
  ),
  /** UnionPay root certificate (acp_prod_root.cer / acp_test_root.cer). */
  rootCert: keyInput,
  /** UnionPay middle certificate (acp_prod_middle.cer / acp_test_middle.cer). */
  middleCert: keyInput,
  environment: z.enum(['test', 'production'], { error: "expected 'test' or 'production'" }),
  /** Replaces the gateway root (a sandbox). */
  baseUrl: httpUrl.optional(),
  notifyUrl: httpUrl.optional(),
  /** Optional: the 5.0.0 verify certificate (acp_*_verify_sign.cer), only to verify messages of the old version. */
  verifyCert: keyInput.optional(),
});

/** What the merchant passes to `unionpay()`. */
export type UnionPayConfig = z.input<typeof UnionPayConfigSchema>;

/** The configuration with every key and certificate read. */
export interface ResolvedUnionPayConfig {
  merId: string;
  environment: 'test' | 'production';
  /** Gateway root without a trailing slash. */
  baseUrl: string;
  notifyUrl?: string;
  signingKeyPkcs8: Uint8Array;
  signingCertificate: Certificate;
  /** The signing certificate's serial in decimal: the `certId` of every request. */
  certId: string;
  rootCert: Certificate;
  middleCert: Certificate;
  verifyCert?: Certificate;
  /** The owner UnionPay's signing certificate must carry (CN, third `@` part). */
  signerOwner: string;
}

function readSigningCertificate(signCert: z.output<typeof UnionPayConfigSchema>['signCert']) {
  if ('pfx' in signCert) {
    const { privateKeyPkcs8, certificateDer } = readSigningPfx(signCert.pfx, signCert.passphrase);
    return { privateKeyPkcs8, certificate: parseCertificate(certificateDer, 'unionpay signCert.pfx certificate') };
  }
  const key = parseRsaPrivateKey(signCert.privateKey, 'unionpay signCert.privateKey');
  const certificate = parseCertificate(signCert.certificate, 'unionpay signCert.certificate');
  const publicKey = parseRsaPublicKey(certificate.der, 'unionpay signCert.certificate');
  if (!publicKeyMatchesPrivateKey(publicKey, key)) {
    throw new PayConfigError(
      'unionpay signCert.certificate does not belong to signCert.privateKey: pass the certificate exported with this key (not a UnionPay CA certificate)',
    );
  }
  return { privateKeyPkcs8: key.pkcs8, certificate };
}

/** Validate and read the configuration; throws `PayConfigError` naming the field at fault. */
export function resolveConfig(input: unknown): ResolvedUnionPayConfig {
  const parsed = UnionPayConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new PayConfigError(`unionpay config is invalid: ${issues.join('; ')}`, { channel: 'unionpay' });
  }
  const config = parsed.data;
  const { privateKeyPkcs8, certificate } = readSigningCertificate(config.signCert);
  const rootCert = parseCertificate(config.rootCert, 'unionpay rootCert');
  const middleCert = parseCertificate(config.middleCert, 'unionpay middleCert');
  return {
    merId: config.merId,
    environment: config.environment,
    baseUrl: (config.baseUrl ?? GATEWAY_URLS[config.environment]).replace(/\/+$/, ''),
    ...(config.notifyUrl === undefined ? {} : { notifyUrl: config.notifyUrl }),
    signingKeyPkcs8: privateKeyPkcs8,
    signingCertificate: certificate,
    certId: certificate.serialDecimal,
    rootCert,
    middleCert,
    ...(config.verifyCert === undefined ? {} : { verifyCert: parseCertificate(config.verifyCert, 'unionpay verifyCert') }),
    signerOwner: SIGNER_OWNER[config.environment],
  };
}
