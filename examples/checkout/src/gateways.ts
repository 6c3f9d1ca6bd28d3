/**
 * Which gateway each provider talks to: the real one when its keys are in the environment (see README), otherwise the
 * payweave sandbox emulator when the sandbox has one for it, otherwise none (its surfaces are hidden).
 * The checkout code after this point does not know which: that is the point of the example.
 */
import type { PayChannel } from '@payweave/server';
import { type Env, readBinary, readText, requireAll } from './env';

export type GatewayMode = 'live' | 'sandbox';
export type WebProvider = 'alipay' | 'wechat' | 'unionpay';

/** A provider the checkout can take payments with. */
export interface ConfiguredProvider {
  provider: WebProvider;
  mode: GatewayMode;
  channel: PayChannel;
}

/** The setup: configured providers, and why the others are not. */
export interface GatewaySetup {
  providers: ConfiguredProvider[];
  notes: string[];
  /** The sandbox the sandbox-mode providers point at. */
  sandboxUrl?: string;
}

type Factory = (config: never) => PayChannel;

/** One line per provider: how to load its channel factory and how to read its real keys. */
const PROVIDERS: readonly { provider: WebProvider; load(): Promise<Factory>; fromEnv(env: Env): object | undefined }[] = [
  { provider: 'alipay', load: async () => (await import('@payweave/server/alipay')).alipay as Factory, fromEnv: alipayFromEnv },
  { provider: 'wechat', load: async () => (await import('@payweave/server/wechat')).wechat as Factory, fromEnv: wechatFromEnv },
  { provider: 'unionpay', load: async () => (await import('@payweave/server/unionpay')).unionpay as Factory, fromEnv: unionpayFromEnv },
];

/** Decide, per provider, real keys or sandbox, and create the channels. */
export async function setUpGateways(env: Env, sandboxUrl: string | undefined): Promise<GatewaySetup> {
  const notes: string[] = [];
  const providers: ConfiguredProvider[] = [];
  let sandboxConfigs: Record<string, unknown> | undefined;
  for (const entry of PROVIDERS) {
    let factory: Factory;
    try {
      factory = await entry.load();
    } catch (error) {
      notes.push(`${entry.provider}: @payweave/server/${entry.provider} could not be loaded (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const live = entry.fromEnv(env);
    if (live) {
      providers.push({ provider: entry.provider, mode: 'live', channel: factory(live as never) });
      continue;
    }
    if (!sandboxUrl) {
      notes.push(`${entry.provider}: no real keys and no sandbox URL (PAYWEAVE_SANDBOX_URL): disabled`);
      continue;
    }
    sandboxConfigs ??= await loadSandboxConfigs(sandboxUrl);
    const config = sandboxConfigs[entry.provider];
    if (!config) {
      notes.push(`${entry.provider}: no real keys and the sandbox has no ${entry.provider} emulator yet: disabled`);
      continue;
    }
    providers.push({ provider: entry.provider, mode: 'sandbox', channel: factory(config as never) });
  }
  return { providers, notes, ...(sandboxConfigs && sandboxUrl ? { sandboxUrl } : {}) };
}

/**
 * TEST-key configs pointing at a running sandbox. `@payweave/sandbox` is a dev dependency: it is imported only when a
 * provider has no real keys, so a deployment with every key set never loads it.
 */
async function loadSandboxConfigs(sandboxUrl: string): Promise<Record<string, unknown>> {
  const { createSandbox } = await import('@payweave/sandbox');
  return createSandbox().channelConfigs(sandboxUrl) as Record<string, unknown>;
}

function alipayFromEnv(env: Env): object | undefined {
  if (!readText(env, 'ALIPAY_APP_ID')) return undefined;
  requireAll(env, 'alipay', ['ALIPAY_APP_ID', 'ALIPAY_PRIVATE_KEY']);
  const certMode = readText(env, 'ALIPAY_APP_CERT') !== undefined;
  if (certMode) requireAll(env, 'alipay', ['ALIPAY_APP_ID', 'ALIPAY_APP_CERT', 'ALIPAY_PUBLIC_CERT', 'ALIPAY_ROOT_CERT']);
  else requireAll(env, 'alipay', ['ALIPAY_APP_ID', 'ALIPAY_PUBLIC_KEY']);
  return {
    appId: readText(env, 'ALIPAY_APP_ID'),
    privateKey: readText(env, 'ALIPAY_PRIVATE_KEY'),
    ...(certMode
      ? { appCert: readText(env, 'ALIPAY_APP_CERT'), alipayPublicCert: readText(env, 'ALIPAY_PUBLIC_CERT'), alipayRootCert: readText(env, 'ALIPAY_ROOT_CERT') }
      : { alipayPublicKey: readText(env, 'ALIPAY_PUBLIC_KEY') }),
    ...(readText(env, 'ALIPAY_SELLER_ID') ? { sellerId: readText(env, 'ALIPAY_SELLER_ID') } : {}),
    ...(env.ALIPAY_SANDBOX === 'true' ? { sandbox: true } : {}),
  };
}

function wechatFromEnv(env: Env): object | undefined {
  if (!readText(env, 'WECHAT_MCH_ID')) return undefined;
  requireAll(env, 'wechat', ['WECHAT_MCH_ID', 'WECHAT_APP_ID', 'WECHAT_PRIVATE_KEY', 'WECHAT_CERTIFICATE_SERIAL', 'WECHAT_API_V3_KEY']);
  // WeChat Pay's public key (PUB_KEY_ID_...) and/or a platform certificate: merchants migrating hold both.
  const platformKeys: Record<string, string> = {};
  const publicKeyId = readText(env, 'WECHAT_PUBLIC_KEY_ID');
  const platformSerial = readText(env, 'WECHAT_PLATFORM_CERT_SERIAL');
  if (publicKeyId) {
    requireAll(env, 'wechat', ['WECHAT_PUBLIC_KEY_ID', 'WECHAT_PUBLIC_KEY']);
    platformKeys[publicKeyId] = readText(env, 'WECHAT_PUBLIC_KEY') as string;
  }
  if (platformSerial) {
    requireAll(env, 'wechat', ['WECHAT_PLATFORM_CERT_SERIAL', 'WECHAT_PLATFORM_CERT']);
    platformKeys[platformSerial] = readText(env, 'WECHAT_PLATFORM_CERT') as string;
  }
  if (Object.keys(platformKeys).length === 0) {
    throw new Error('wechat: set WECHAT_PUBLIC_KEY_ID + WECHAT_PUBLIC_KEY, or WECHAT_PLATFORM_CERT_SERIAL + WECHAT_PLATFORM_CERT, to verify WeChat Pay');
  }
  return {
    mchId: readText(env, 'WECHAT_MCH_ID'),
    appId: readText(env, 'WECHAT_APP_ID'),
    privateKey: readText(env, 'WECHAT_PRIVATE_KEY'),
    certificateSerial: readText(env, 'WECHAT_CERTIFICATE_SERIAL'),
    apiV3Key: readText(env, 'WECHAT_API_V3_KEY'),
    platformKeys,
  };
}

function unionpayFromEnv(env: Env): object | undefined {
  if (!readText(env, 'UNIONPAY_MER_ID')) return undefined;
  requireAll(env, 'unionpay', ['UNIONPAY_MER_ID', 'UNIONPAY_ROOT_CERT', 'UNIONPAY_MIDDLE_CERT']);
  const pfx = readBinary(env, 'UNIONPAY_SIGN_PFX');
  if (!pfx) requireAll(env, 'unionpay', ['UNIONPAY_MER_ID', 'UNIONPAY_SIGN_KEY', 'UNIONPAY_SIGN_CERT']);
  const environment = env.UNIONPAY_ENVIRONMENT ?? 'test';
  if (environment !== 'test' && environment !== 'production') throw new Error(`unionpay: UNIONPAY_ENVIRONMENT must be test or production, not ${JSON.stringify(environment)}`);
  return {
    merId: readText(env, 'UNIONPAY_MER_ID'),
    signCert: pfx
      ? { pfx, passphrase: env.UNIONPAY_SIGN_PFX_PASSPHRASE ?? '' }
      : { privateKey: readText(env, 'UNIONPAY_SIGN_KEY'), certificate: readText(env, 'UNIONPAY_SIGN_CERT') },
    rootCert: readText(env, 'UNIONPAY_ROOT_CERT'),
    middleCert: readText(env, 'UNIONPAY_MIDDLE_CERT'),
    environment,
  };
}
