/**
 * `platformKeys`: the keys WeChat Pay signs with, by the value it puts in `Wechatpay-Serial`. Merchants migrating
 * from platform certificates to the WeChat Pay public key hold both side by side: certificate serials (hex) mapped
 * to certificate PEMs, and `PUB_KEY_ID_...` ids mapped to public-key PEMs (pub_key.pem).
 * @see https://pay.weixin.qq.com/docs/merchant/development/verify-signature-overview/wechatpay-pubkey-introduction.html
 */
import { PayConfigError } from '@payweave/core';
import { parseRsaPublicKey, type KeyInput } from '../../crypto/keys';
import { parseCertificate, type Certificate } from '../../crypto/x509';
import { normaliseSerial } from './v3/verify';

/** One platform key, parsed. */
export interface PlatformKeyEntry {
  /** Certificate serial (uppercase hex) or `PUB_KEY_ID_...`. */
  serial: string;
  spki: Uint8Array;
  /** RSA modulus (lowercase hex), for the "this is your own key" check. */
  modulus: string;
  /** Certificate expiry, when the entry is a certificate. */
  notAfter?: Date;
}

const PUBLIC_KEY_ID = /^PUB_KEY_ID_[0-9A-Za-z]+$/;

function tryCertificate(input: KeyInput, label: string): Certificate | undefined {
  try {
    return parseCertificate(input, label);
  } catch {
    return undefined;
  }
}

/** Parse one entry; a certificate must carry the serial it is filed under. */
export function parsePlatformKey(serialInput: string, input: KeyInput): PlatformKeyEntry {
  const label = `wechat platformKeys[${JSON.stringify(serialInput.slice(0, 48))}]`;
  const isPublicKeyId = PUBLIC_KEY_ID.test(serialInput);
  if (!isPublicKeyId && !/^[0-9A-Fa-f]{1,64}$/.test(serialInput)) {
    throw new PayConfigError(`${label}: the key must be a platform-certificate serial (hex) or a WeChat Pay public-key id (PUB_KEY_ID_...)`, {
      channel: 'wechat',
    });
  }
  const serial = normaliseSerial(serialInput);
  const certificate = tryCertificate(input, label);
  if (certificate && isPublicKeyId) {
    throw new PayConfigError(`${label}: a PUB_KEY_ID_ id names a WeChat Pay public key (pub_key.pem), not a certificate`, { channel: 'wechat' });
  }
  if (certificate && certificate.serialHex !== serial) {
    throw new PayConfigError(`${label}: this certificate has serial ${certificate.serialHex}; file it under that serial`, { channel: 'wechat' });
  }
  const key = parseRsaPublicKey(certificate ? certificate.der : input, label);
  return { serial, spki: key.spki, modulus: key.modulus, ...(certificate && { notAfter: certificate.notAfter }) };
}

/** Parse the whole `platformKeys` map. */
export function parsePlatformKeys(platformKeys: Record<string, KeyInput>): PlatformKeyEntry[] {
  return Object.entries(platformKeys).map(([serial, input]) => parsePlatformKey(serial, input));
}
