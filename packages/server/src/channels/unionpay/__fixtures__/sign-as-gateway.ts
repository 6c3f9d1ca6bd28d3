/**
 * Test helper: sign a message the way UnionPay's gateway does (5.1.0, certificate embedded in signPubKeyCert),
 * with the TEST keys of sandbox-chain.ts. The signing itself is pinned by the U2/U3 known-answer tests.
 */
import { parseRsaPrivateKey } from '../../../crypto/keys';
import type { CryptoProvider } from '../../../crypto/provider';
import { testCrypto } from '../../../testing/crypto';
import type { Fields } from '../params';
import { signFields } from '../sign';
import { SANDBOX_GATEWAY_CERT_PEM, SANDBOX_GATEWAY_KEY_PEM } from './sandbox-chain';

/** Sign `fields` as the gateway (CRLF line breaks in the embedded PEM, as UnionPay sends them). */
export async function signAsGateway(
  fields: Fields,
  keyPem = SANDBOX_GATEWAY_KEY_PEM,
  certPem = SANDBOX_GATEWAY_CERT_PEM,
  crypto?: CryptoProvider,
): Promise<Fields> {
  const provider = crypto ?? (await testCrypto());
  const key = await provider.importRsaPrivateKey(parseRsaPrivateKey(keyPem, 'test gateway key').pkcs8);
  const message: Fields = { version: '5.1.0', encoding: 'UTF-8', signMethod: '01', ...fields, signPubKeyCert: certPem.trim().replace(/\n/g, '\r\n') };
  return { ...message, signature: await signFields(provider, key, message) };
}

/** `k=v&...` with raw values, as the gateway answers back-end requests. */
export function responseText(fields: Fields): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}
