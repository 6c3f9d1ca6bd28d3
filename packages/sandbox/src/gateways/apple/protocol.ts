/**
 * What the Apple emulator signs and parses: compact ES256 JWS with the TEST chain in `x5c` (as the App Store signs
 * transactions and notifications), and the emulator's own app receipts (base64 JSON naming a sandbox Apple ID: real
 * receipts are PKCS#7 blobs only Apple reads, so only their routing is emulated faithfully).
 * @see https://developer.apple.com/documentation/appstoreserverapi/jwstransaction
 */
import {
  SANDBOX_INTERMEDIATE_CERTIFICATE,
  SANDBOX_LEAF_CERTIFICATE,
  SANDBOX_LEAF_PRIVATE_KEY,
  SANDBOX_ROOT_CERTIFICATE,
} from './keys';

/** The App Store environments the emulator serves. */
export type AppleSandboxEnvironment = 'Production' | 'Sandbox';

const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const base64Url = (bytes: Uint8Array) => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

let signingKey: Promise<CryptoKey> | undefined;

/** Sign `payload` as the App Store does: ES256, `x5c` = [leaf, intermediate, root]. */
export async function signAsAppStore(payload: unknown): Promise<string> {
  signingKey ??= globalThis.crypto.subtle.importKey('pkcs8', new Uint8Array(fromBase64(SANDBOX_LEAF_PRIVATE_KEY)), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const header = { alg: 'ES256', x5c: [SANDBOX_LEAF_CERTIFICATE, SANDBOX_INTERMEDIATE_CERTIFICATE, SANDBOX_ROOT_CERTIFICATE] };
  const input = `${base64Url(encoder.encode(JSON.stringify(header)))}.${base64Url(encoder.encode(JSON.stringify(payload)))}`;
  const signature = await globalThis.crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, await signingKey, encoder.encode(input));
  return `${input}.${base64Url(new Uint8Array(signature))}`;
}

/** What an emulator receipt names: every transaction of this Apple ID in this environment. */
export interface SandboxReceipt {
  environment: AppleSandboxEnvironment;
  bundleId: string;
  appleId: string;
}

/** The base64 app receipt the emulated device holds. */
export function encodeReceipt(receipt: SandboxReceipt): string {
  return toBase64(encoder.encode(JSON.stringify({ payweaveSandboxReceipt: 1, ...receipt })));
}

/** Parse an emulator receipt; undefined when it is not one (Apple answers 21002). */
export function decodeReceipt(text: unknown): SandboxReceipt | undefined {
  try {
    const value = JSON.parse(new TextDecoder().decode(fromBase64(String(text).replace(/\s/g, '')))) as Record<string, unknown>;
    const { environment, bundleId, appleId } = value;
    if (value.payweaveSandboxReceipt !== 1 || (environment !== 'Production' && environment !== 'Sandbox')) return undefined;
    if (typeof bundleId !== 'string' || typeof appleId !== 'string') return undefined;
    return { environment, bundleId, appleId };
  } catch {
    return undefined;
  }
}

/** A verifyReceipt `in_app` / `latest_receipt_info` entry from a JWS transaction payload (every value a string). */
export function receiptEntry(payload: Record<string, unknown>): Record<string, string> {
  const entry: Record<string, string> = {
    transaction_id: String(payload.transactionId),
    original_transaction_id: String(payload.originalTransactionId),
    product_id: String(payload.productId),
    quantity: String(payload.quantity ?? 1),
    purchase_date_ms: String(payload.purchaseDate),
    original_purchase_date_ms: String(payload.originalPurchaseDate ?? payload.purchaseDate),
    in_app_ownership_type: 'PURCHASED',
  };
  if (payload.expiresDate !== undefined) entry.expires_date_ms = String(payload.expiresDate);
  if (payload.revocationDate !== undefined) entry.cancellation_date_ms = String(payload.revocationDate);
  if (typeof payload.appAccountToken === 'string') entry.app_account_token = payload.appAccountToken;
  return entry;
}
