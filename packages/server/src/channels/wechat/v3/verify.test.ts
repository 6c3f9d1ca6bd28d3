import fc from 'fast-check';
import { PaySignatureError } from '@payweave/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CryptoProvider } from '../../../crypto/provider';
import { utf8 } from '../../../internal/encoding';
import { testCrypto } from '../../../testing/crypto';
import { K5_CERT_D7CE, K5_CERT_F576, K5_PUBLIC_KEY } from '../__fixtures__/k5';
import { W11 } from '../__fixtures__/v3-vectors';
import { parsePlatformKey } from '../platform-keys';
import { keyRing, verifyWechatpaySignature, type PlatformKeyRing } from './verify';

let crypto: CryptoProvider;
let ring: PlatformKeyRing;
const NOW = Number(W11.timestamp) * 1000;
const headers = (overrides: Record<string, string | undefined> = {}) => ({
  'Wechatpay-Timestamp': W11.timestamp,
  'Wechatpay-Nonce': W11.nonce,
  'Wechatpay-Serial': W11.serial,
  'Wechatpay-Signature': W11.signature,
  ...overrides,
});

async function importEntry(serial: string, pem: string) {
  const entry = parsePlatformKey(serial, pem);
  return [entry.serial, await crypto.importRsaPublicKey(entry.spki)] as const;
}

beforeAll(async () => {
  crypto = await testCrypto();
  ring = keyRing([
    await importEntry('F5765756002FDD77', K5_CERT_F576),
    await importEntry('D7CE59D1F522D701', K5_CERT_D7CE),
    await importEntry('PUB_KEY_ID_0000000000000024101100397200000006', K5_PUBLIC_KEY),
  ]);
});

async function rejection(promise: Promise<unknown>): Promise<PaySignatureError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(PaySignatureError.isInstance(error)).toBe(true);
  return error as PaySignatureError;
}

describe('APIv3 response verification (W11)', () => {
  it('verifies the W11 response with the certificate chosen by serial', async () => {
    await expect(verifyWechatpaySignature(crypto, ring, headers(), utf8(W11.body), NOW)).resolves.toEqual({ serial: W11.serial, timestamp: Number(W11.timestamp) });
  });

  it('verifies the empty-body (HTTP 204) variant', async () => {
    await expect(verifyWechatpaySignature(crypto, ring, headers({ 'Wechatpay-Signature': W11.emptyBodySignature }), new Uint8Array(0), NOW)).resolves.toBeTruthy();
  });

  it('accepts lower-case header names and a lower-case serial', async () => {
    const lower = Object.fromEntries(Object.entries(headers({ 'Wechatpay-Serial': W11.serial.toLowerCase() })).map(([k, v]) => [k.toLowerCase(), v]));
    await expect(verifyWechatpaySignature(crypto, ring, lower, utf8(W11.body), NOW)).resolves.toBeTruthy();
  });

  it('verifies with a PUB_KEY_ID_ public key held beside the certificates', async () => {
    const h = headers({ 'Wechatpay-Serial': 'PUB_KEY_ID_0000000000000024101100397200000006' });
    await expect(verifyWechatpaySignature(crypto, ring, h, utf8(W11.body), NOW)).resolves.toBeTruthy();
  });

  it('rejects a one-byte change of the body', async () => {
    const error = await rejection(verifyWechatpaySignature(crypto, ring, headers(), utf8(W11.body.replace('SUCCESS', 'SUCCESs')), NOW));
    expect(error.code).toBe('SIGNATURE_INVALID');
  });

  it('rejects a changed nonce or timestamp header', async () => {
    await rejection(verifyWechatpaySignature(crypto, ring, headers({ 'Wechatpay-Nonce': `${W11.nonce}0` }), utf8(W11.body), NOW));
    await rejection(verifyWechatpaySignature(crypto, ring, headers({ 'Wechatpay-Timestamp': String(Number(W11.timestamp) + 1) }), utf8(W11.body), NOW));
  });

  it('rejects a stale or future timestamp (|now - ts| > 300 s) and accepts the edge', async () => {
    expect((await rejection(verifyWechatpaySignature(crypto, ring, headers(), utf8(W11.body), NOW + 301_000))).code).toBe('TIMESTAMP_OUT_OF_WINDOW');
    expect((await rejection(verifyWechatpaySignature(crypto, ring, headers(), utf8(W11.body), NOW - 301_000))).code).toBe('TIMESTAMP_OUT_OF_WINDOW');
    await expect(verifyWechatpaySignature(crypto, ring, headers(), utf8(W11.body), NOW + 300_000)).resolves.toBeTruthy();
  });

  it('rejects an unknown serial instead of trying every key', async () => {
    const error = await rejection(verifyWechatpaySignature(crypto, ring, headers({ 'Wechatpay-Serial': '1234ABCD' }), utf8(W11.body), NOW));
    expect(error.code).toBe('UNKNOWN_SERIAL');
    expect(error.message).toContain('F5765756002FDD77');
  });

  it('treats a reply without signature headers as forged', async () => {
    for (const name of ['Wechatpay-Timestamp', 'Wechatpay-Nonce', 'Wechatpay-Serial', 'Wechatpay-Signature']) {
      const error = await rejection(verifyWechatpaySignature(crypto, ring, headers({ [name]: undefined }), utf8(W11.body), NOW));
      expect(error.code).toBe('SIGNATURE_MISSING');
    }
    expect((await rejection(verifyWechatpaySignature(crypto, ring, undefined, utf8(W11.body), NOW))).code).toBe('SIGNATURE_MISSING');
  });

  it('rejects the WECHATPAY/SIGNTEST/ probe', async () => {
    const error = await rejection(verifyWechatpaySignature(crypto, ring, headers({ 'Wechatpay-Signature': `WECHATPAY/SIGNTEST/${W11.signature}` }), utf8(W11.body), NOW));
    expect(error.code).toBe('SIGNATURE_INVALID');
  });

  it('rejects another signature schema', async () => {
    await rejection(verifyWechatpaySignature(crypto, ring, headers({ 'Wechatpay-Signature-Type': 'WECHATPAY2-SM2-WITH-SM3' }), utf8(W11.body), NOW));
  });

  it('fuzzed headers and bodies give a PaySignatureError, never a crash or a pass', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ ts: fc.string(), nonce: fc.string(), sig: fc.string(), serial: fc.constantFrom(W11.serial, 'x', '') }),
        fc.uint8Array({ maxLength: 64 }),
        async (h, body) => {
          await rejection(verifyWechatpaySignature(crypto, ring, headers({ 'Wechatpay-Timestamp': h.ts, 'Wechatpay-Nonce': h.nonce, 'Wechatpay-Signature': h.sig, 'Wechatpay-Serial': h.serial }), body, NOW));
        },
      ),
      { numRuns: 60 },
    );
  });
});
