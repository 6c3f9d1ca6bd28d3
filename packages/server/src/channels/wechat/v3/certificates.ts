/**
 * Optional automatic download of WeChat Pay platform certificates (`GET /v3/certificates`), for merchants still on
 * platform certificates who prefer not to configure them by hand. Each entry is AEAD-encrypted with the APIv3 key
 * (`associated_data` "certificate"): decrypting it is what proves it comes from WeChat; the reply itself must then
 * verify with one of the certificates it carries. Downloads happen on an unknown serial (WeChat rotating its
 * certificate) and when the last download is 12 hours old, at most once a minute whatever happens.
 * @see https://pay.weixin.qq.com/docs/merchant/apis/platform-certificate/api-v3-get-certificates/get.html
 */
import { PaySignatureError } from '@payweave/core';
import * as z from 'zod';
import { parseRsaPublicKey } from '../../../crypto/keys';
import type { RsaPublicKeyHandle } from '../../../crypto/provider';
import { parseCertificate } from '../../../crypto/x509';
import { V3_PATHS } from '../constants';
import { wechatGatewayError } from '../errors';
import { decryptResource } from './aead';
import type { V3Client } from './api';
import { signRequest } from './sign';
import { keyRing, normaliseSerial, verifyWechatpaySignature, type PlatformKeyRing } from './verify';

const CertificatesSchema = z.object({
  data: z.array(
    z.looseObject({
      serial_no: z.string().min(1),
      encrypt_certificate: z.looseObject({ algorithm: z.string(), nonce: z.string(), associated_data: z.string().optional(), ciphertext: z.string() }),
    }),
  ),
});

const REFRESH_AFTER_MS = 12 * 3600_000;
const MIN_INTERVAL_MS = 60_000;

/** A downloaded platform certificate. */
export interface DownloadedCertificate {
  serial: string;
  key: RsaPublicKeyHandle;
  notAfter: Date;
}

function reject(message: string): PaySignatureError {
  return new PaySignatureError(`WeChat Pay platform certificate download: ${message}`, { channel: 'wechat', code: 'CERTIFICATE_UNTRUSTED' });
}

/** Download, decrypt and check the platform certificates; the reply must verify with one of them. */
export async function downloadPlatformCertificates(client: Omit<V3Client, 'keys'>): Promise<DownloadedCertificate[]> {
  const { settings, crypto } = client;
  const path = V3_PATHS.certificates;
  const authorization = await signRequest(crypto, client.signingKey, {
    mchid: settings.mchId, serial: settings.certificateSerial as string, method: 'GET', canonicalUrl: path,
    timestamp: String(Math.floor(client.clock() / 1000)), nonce: client.nonce(), body: '',
  });
  const response = await client.http.request({ method: 'GET', url: `${settings.baseUrl}${path}`, headers: { Authorization: authorization, Accept: 'application/json' } });
  if (response.status !== 200) throw wechatGatewayError({ statusCode: response.status, raw: response.text.slice(0, 500), verified: false }, 'certificate download');
  let parsed: z.infer<typeof CertificatesSchema>;
  try {
    parsed = CertificatesSchema.parse(JSON.parse(response.text));
  } catch {
    throw reject('the reply is not a certificate list');
  }
  const now = new Date(client.clock());
  const certificates: DownloadedCertificate[] = [];
  for (const entry of parsed.data) {
    const pem = await decryptResource(crypto, settings.apiV3Key as Uint8Array, entry.encrypt_certificate);
    const certificate = parseCertificate(pem, `platform certificate ${entry.serial_no.slice(0, 40)}`, 'message');
    if (certificate.serialHex !== normaliseSerial(entry.serial_no)) throw reject('a certificate does not carry the serial it is listed under');
    if (certificate.notAfter < now) continue;
    const key = await crypto.importRsaPublicKey(parseRsaPublicKey(certificate.der, 'platform certificate').spki);
    certificates.push({ serial: certificate.serialHex, key, notAfter: certificate.notAfter });
  }
  if (certificates.length === 0) throw reject('no valid certificate in the reply');
  await verifyWechatpaySignature(crypto, keyRing(certificates.map((c) => [c.serial, c.key] as const)), response.headers, response.bytes, client.clock());
  return certificates;
}

/**
 * A key ring over the configured `platformKeys` that downloads platform certificates on an unknown serial or when
 * the last download is stale. `download` failures surface as the verification error of the message being checked.
 */
export function autoKeyRing(configured: PlatformKeyRing, download: () => Promise<DownloadedCertificate[]>, clock: () => number): PlatformKeyRing {
  let downloaded = new Map<string, RsaPublicKeyHandle>();
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let attemptedAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | undefined;
  const refresh = () => {
    attemptedAt = clock();
    inFlight ??= download()
      .then((certificates) => {
        downloaded = new Map(certificates.map((c) => [c.serial, c.key]));
        fetchedAt = clock();
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
  const lookup = (serial: string) => configured.get(serial) ?? downloaded.get(normaliseSerial(serial));
  return {
    // A stale download is not trusted blindly: `get` misses so that `resolve` refreshes first.
    get: (serial) => configured.get(serial) ?? (clock() - fetchedAt > REFRESH_AFTER_MS ? undefined : downloaded.get(normaliseSerial(serial))),
    serials: () => [...new Set([...configured.serials(), ...downloaded.keys()])],
    async resolve(serial) {
      const stale = clock() - fetchedAt > REFRESH_AFTER_MS;
      if ((stale || !lookup(serial)) && clock() - attemptedAt >= MIN_INTERVAL_MS) {
        try {
          await refresh();
        } catch (error) {
          // Keep verifying with the certificate we hold while WeChat is unreachable; without one, report why.
          if (!lookup(serial)) throw error;
        }
      }
      return lookup(serial);
    },
  };
}
