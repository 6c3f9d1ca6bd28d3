/**
 * TEST ONLY: Apple payload shapes for tests. Field names and values follow P7 (apple/app-store-server-library-node
 * `tests/resources/models/signedTransaction.json`), with environment Sandbox and a 2026 signedDate so that the
 * test chain (valid from 2024) covers them.
 */
import type { ChannelContext } from '../../types';
import type { HttpRequest, HttpResponse } from '../../../http/client';
import { utf8 } from '../../../internal/encoding';
import { testCrypto } from '../../../testing/crypto';

/** 2026-01-01T00:00:00Z. */
export const SIGNED_DATE = 1767225600000;

/** A JWSTransactionDecodedPayload (P7 values). */
export function transactionPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    transactionId: '23456',
    originalTransactionId: '12345',
    webOrderLineItemId: '34343',
    bundleId: 'com.example',
    productId: 'com.example.product',
    subscriptionGroupIdentifier: '55555',
    purchaseDate: 1698148900000,
    originalPurchaseDate: 1698148800000,
    expiresDate: 1698149000000,
    quantity: 1,
    type: 'Auto-Renewable Subscription',
    inAppOwnershipType: 'PURCHASED',
    signedDate: SIGNED_DATE,
    environment: 'Sandbox',
    transactionReason: 'PURCHASE',
    storefront: 'USA',
    storefrontId: '143441',
    price: 10990,
    currency: 'USD',
    ...overrides,
  };
}

/** A ResponseBodyV2DecodedPayload around optional nested JWS. */
export function notificationPayload(overrides: Record<string, unknown> = {}, data: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    notificationType: 'SUBSCRIBED',
    subtype: 'INITIAL_BUY',
    notificationUUID: '002e14d5-51f5-4503-b5a8-c3a1af68eb20',
    version: '2.0',
    signedDate: SIGNED_DATE,
    data: { appAppleId: 1234, bundleId: 'com.example', bundleVersion: '1.2.3', environment: 'Sandbox', status: 1, ...data },
    ...overrides,
  };
}

/** A fake HttpClient answering from `respond`, recording every request. */
export function fakeHttp(respond: (request: HttpRequest) => { status?: number; json?: unknown; text?: string }) {
  const requests: HttpRequest[] = [];
  return {
    requests,
    client: {
      async request(request: HttpRequest): Promise<HttpResponse> {
        requests.push(request);
        const answer = respond(request);
        const text = answer.text ?? JSON.stringify(answer.json);
        return { status: answer.status ?? 200, headers: { 'content-type': 'application/json' }, bytes: utf8(text), text };
      },
    },
  };
}

/** A ChannelContext for `init` in tests. */
export async function testContext(http: ChannelContext['http'], warnings: string[] = []): Promise<ChannelContext> {
  return { crypto: await testCrypto(), http, clock: () => SIGNED_DATE, nonce: () => 'nonce', warn: (m) => warnings.push(m) };
}
