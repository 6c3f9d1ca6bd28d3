/**
 * Configurations for the robustness suites: the sandbox's ready channel configs (TEST keys), a freshly generated RSA
 * key whose PEM body must never surface in an error, and every secret of those configs in one registry.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { HttpClient } from '@payweave/server';
import { createSandbox } from '@payweave/sandbox';
import { SecretRegistry } from './contract';

/** TEST ONLY: generated per run, so no published key could mask a leak. */
export const generatedRsa = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

/** A recognisable fake symmetric secret (32 characters, the WeChat APIv3/APIv2 key length). */
export const FAKE_API_KEY = 'RobustnessSecretApiKey0123456789';
export const FAKE_SHARED_SECRET = 'robustness-shared-secret-0123456789abcdef';

export const SANDBOX_ORIGIN = 'http://sandbox.payweave.test';
export const NOTIFY_URL = 'http://merchant.test/notify';

/** A sandbox whose configs the suites use (its handlers are served by msw where a suite needs the gateways). */
export function newSandbox() {
  return createSandbox({ timeScale: 1 / 60_000 });
}

/** Channel configs from the sandbox with fast barcode polling, so that no property waits on real time. */
export function sandboxConfigs(sandbox: ReturnType<typeof newSandbox>) {
  const configs = sandbox.channelConfigs();
  return {
    alipay: { ...configs.alipay, barcode: { pollIntervalMs: 1, timeoutMs: 5, sleep: async () => undefined } },
    unionpay: configs.unionpay,
    wechat: { ...configs.wechat, barcodePolling: { intervalMs: 0, timeoutMs: 0 } },
    apple: configs.apple,
  };
}

/** Every secret in `configs` (private keys, API keys, shared secrets) plus the generated key. */
export function secretsOf(configs: ReturnType<typeof sandboxConfigs>): SecretRegistry {
  const registry = new SecretRegistry().add(generatedRsa.privateKey, FAKE_API_KEY, FAKE_SHARED_SECRET);
  const { alipay, unionpay, wechat, apple } = configs;
  registry.add(alipay.privateKey as string);
  registry.add((unionpay.signCert as { privateKey?: string }).privateKey);
  registry.add(wechat.privateKey as string, wechat.apiV3Key, wechat.apiKey as string);
  registry.add((wechat as { clientCertificate?: { key?: string } }).clientCertificate?.key);
  registry.add(apple.sharedSecret, apple.appAccountTokenSecret as string, apple.serverApi?.privateKey as string);
  return registry;
}

/** An HttpClient on the global fetch, so that msw answers in-process. */
export const fetchHttp: HttpClient = {
  async request(request) {
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body as string });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, headers: Object.fromEntries(response.headers), bytes, text: new TextDecoder().decode(bytes) };
  },
};

/** Silences the "memoryStore is not durable" and channel warnings, and keeps them for inspection. */
export function quietLogger() {
  const messages: string[] = [];
  return { messages, warn: (message: string) => void messages.push(message) };
}
