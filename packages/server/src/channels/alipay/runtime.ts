/**
 * What the channel holds after `init(context)`: the resolved config, the imported key handles (imported once, reused
 * for every call) and the certificate SNs, next to the server's crypto provider, HTTP client and clock.
 */
import type { CryptoProvider, RsaPrivateKeyHandle, RsaPublicKeyHandle } from '../../crypto/provider';
import type { HttpClient } from '../../http/client';
import type { ChannelContext } from '../types';
import { certificateSn, rootCertificateSn } from './cert';
import type { ResolvedAlipayConfig } from './config';

/** Everything an action needs to sign, send and verify. */
export interface AlipayRuntime {
  readonly config: ResolvedAlipayConfig;
  readonly crypto: CryptoProvider;
  readonly http: HttpClient;
  readonly clock: () => number;
  readonly privateKey: RsaPrivateKeyHandle;
  readonly alipayPublicKey: RsaPublicKeyHandle;
  /** The notify URL signed into payment requests: the channel config first, then the server's. */
  readonly notifyUrl?: string;
  /** Certificate mode only: `app_cert_sn`, `alipay_root_cert_sn`, and the SN expected in `alipay_cert_sn`. */
  readonly certSns?: { app: string; root: string; alipay: string };
}

/** Import keys and compute certificate SNs; called once from `init`. */
export async function createRuntime(config: ResolvedAlipayConfig, context: ChannelContext): Promise<AlipayRuntime> {
  const { crypto } = context;
  const [privateKey, alipayPublicKey] = await Promise.all([
    crypto.importRsaPrivateKey(config.privateKey.pkcs8),
    crypto.importRsaPublicKey(config.alipayPublicKey.spki),
  ]);
  const certs = config.certificates;
  const certSns = certs
    ? {
        app: await certificateSn(crypto, certs.app),
        root: await rootCertificateSn(crypto, certs.root),
        alipay: await certificateSn(crypto, certs.alipay),
      }
    : undefined;
  const notifyUrl = config.notifyUrl ?? context.notifyUrl;
  return {
    config,
    crypto,
    http: context.http,
    clock: context.clock,
    privateKey,
    alipayPublicKey,
    ...(notifyUrl ? { notifyUrl } : {}),
    ...(certSns ? { certSns } : {}),
  };
}
