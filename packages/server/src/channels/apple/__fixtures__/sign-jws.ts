/**
 * TEST ONLY: signs App Store-shaped JWS with the test chain of `test-chain.ts`, through WebCrypto so that the same
 * tests run under Node and the edge runtime.
 */
import { fromBase64, toBase64Url, utf8 } from '../../../internal/encoding';
import { TEST_CHAIN_INTERMEDIATE, TEST_CHAIN_LEAF, TEST_CHAIN_LEAF_PRIVATE_KEY, TEST_CHAIN_ROOT } from './test-chain';

/** The test chain as an x5c header value. */
export const TEST_X5C: readonly string[] = [TEST_CHAIN_LEAF, TEST_CHAIN_INTERMEDIATE, TEST_CHAIN_ROOT];

let leafKey: Promise<CryptoKey> | undefined;

function importKey(pkcs8Base64: string): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('pkcs8', new Uint8Array(fromBase64(pkcs8Base64)!), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
}

/** Sign `payload` as a compact ES256 JWS; `header` fields override the default `{alg, x5c}`. */
export async function signTestJws(
  payload: unknown,
  header: Record<string, unknown> = {},
  privateKeyPkcs8: string = TEST_CHAIN_LEAF_PRIVATE_KEY,
): Promise<string> {
  const key = privateKeyPkcs8 === TEST_CHAIN_LEAF_PRIVATE_KEY ? (leafKey ??= importKey(privateKeyPkcs8)) : importKey(privateKeyPkcs8);
  const head = toBase64Url(utf8(JSON.stringify({ alg: 'ES256', x5c: TEST_X5C, ...header })));
  const body = toBase64Url(utf8(typeof payload === 'string' ? payload : JSON.stringify(payload)));
  const signature = await globalThis.crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, await key, new Uint8Array(utf8(`${head}.${body}`)));
  return `${head}.${body}.${toBase64Url(new Uint8Array(signature))}`;
}

/** Split a compact JWS and decode its JSON header and payload (for building tampered variants). */
export function splitJws(jws: string): { header: Record<string, unknown>; payload: Record<string, unknown>; parts: string[] } {
  const parts = jws.split('.');
  const json = (part: string) => JSON.parse(new TextDecoder().decode(fromBase64(part)!)) as Record<string, unknown>;
  return { header: json(parts[0]!), payload: json(parts[1]!), parts };
}

/** Re-encode a JSON value as a base64url JWS segment. */
export function segment(value: unknown): string {
  return toBase64Url(utf8(JSON.stringify(value)));
}
