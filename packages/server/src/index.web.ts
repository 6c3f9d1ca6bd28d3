/**
 * @payweave/server, edge/worker entry: WebCrypto, Fetch-API adapters, no Node APIs.
 */
import { createPayServerWith, type PayServer } from './pay-server';
import { createWebCryptoProvider } from './crypto/provider.web';
import type { PayServerOptions } from './server/options';

export * from './index.shared';

/** Create the payment server on a Fetch-API runtime (edge functions, workers, Deno, Bun). */
export function createPayServer(options: PayServerOptions): PayServer {
  return createPayServerWith(options, { crypto: () => createWebCryptoProvider() });
}
