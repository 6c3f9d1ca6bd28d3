/** Node-only: client TLS material -> an https.Agent for axios (WeChat Pay v2 refunds need mutual TLS). */
import { Agent } from 'node:https';
import type { ClientTls } from './client';

export function createTlsAgent(tls: ClientTls): Agent {
  return new Agent({
    keepAlive: true,
    pfx: tls.pfx ? Buffer.from(tls.pfx) : undefined,
    passphrase: tls.passphrase,
    cert: tls.cert,
    key: tls.key,
  });
}
