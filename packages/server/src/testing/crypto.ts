/**
 * Test helper: the crypto provider of the runtime the test runs in (Node's under Node, WebCrypto's under the
 * edge-runtime project), so that one test file exercises both implementations.
 */
import type { CryptoProvider } from '../crypto/provider';

const isEdge = typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime === 'string';

let cached: Promise<CryptoProvider> | undefined;

export function testCrypto(): Promise<CryptoProvider> {
  cached ??= isEdge
    ? import('../crypto/provider.web').then((m) => m.createWebCryptoProvider())
    : import('../crypto/provider.node.js').then((m) => m.createNodeCryptoProvider());
  return cached;
}

export const testRuntime: 'edge' | 'node' = isEdge ? 'edge' : 'node';
