/**
 * A channel context for the in-process suites: the Node crypto provider (what `createPayServer` uses on Node), an
 * HTTP client that refuses to reach any network, and a chosen clock.
 */
import type { ChannelContext, HttpClient } from '@payweave/server';

const offline: HttpClient = {
  request: () => Promise.reject(new Error('bench: no network access; notifications and app credentials need none')),
};

/** The context `createPayServer` would hand a channel on Node, offline. */
export async function benchContext(clock: () => number = Date.now): Promise<ChannelContext> {
  const { createNodeCryptoProvider } = await import('../packages/server/src/crypto/provider.node.js');
  return { crypto: createNodeCryptoProvider(), http: offline, clock, nonce: () => 'benchnonce0000000000000000000000', warn: () => undefined };
}
