/**
 * @payweave/server, Node entry: node:crypto KeyObjects, and mutual TLS for the gateways that need it.
 */
import { createPayServerWith, type PayServer } from './pay-server';
import { createNodeCryptoProvider } from './crypto/provider.node.js';
import { createTlsAgent } from './http/tls.node.js';
import type { PayServerOptions } from './server/options';

export * from './index.shared';
export { toNodeHandler } from './adapters/node-handler.node.js';

/** Create the payment server: `createPayServer({ channels: [alipay({...})], store, notifyUrl, onEvent })`. */
export function createPayServer(options: PayServerOptions): PayServer {
  return createPayServerWith(options, { crypto: createNodeCryptoProvider, tlsAgent: createTlsAgent });
}
