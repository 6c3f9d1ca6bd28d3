/**
 * The `apple()` config: from real App Store settings in the environment (see README) when `APPLE_BUNDLE_ID` is set,
 * otherwise the payweave sandbox's App Store emulator (TEST root certificate, sandbox verifyReceipt endpoints).
 */
import { readFileSync } from 'node:fs';
import type { AppleConfig } from '@payweave/server/apple';

export type Env = Readonly<Record<string, string | undefined>>;

/** `name`, or the content of the file `name_FILE` names. */
function readText(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  if (value) return value;
  const file = env[`${name}_FILE`]?.trim();
  return file ? readFileSync(file, 'utf8') : undefined;
}

/** The config and where it points. */
export async function appleConfig(env: Env, sandboxUrl: string | undefined): Promise<{ config: AppleConfig; mode: 'live' | 'sandbox' }> {
  const bundleId = readText(env, 'APPLE_BUNDLE_ID');
  if (bundleId) {
    const environment = env.APPLE_ENVIRONMENT ?? 'auto';
    if (environment !== 'Production' && environment !== 'Sandbox' && environment !== 'auto') {
      throw new Error(`APPLE_ENVIRONMENT must be Production, Sandbox or auto, not ${JSON.stringify(environment)}`);
    }
    const serverApiKey = readText(env, 'APPLE_PRIVATE_KEY');
    return {
      mode: 'live',
      config: {
        bundleId,
        environment,
        ...(env.APPLE_APP_APPLE_ID ? { appAppleId: env.APPLE_APP_APPLE_ID } : {}),
        ...(readText(env, 'APPLE_SHARED_SECRET') ? { sharedSecret: readText(env, 'APPLE_SHARED_SECRET') } : {}),
        ...(readText(env, 'APPLE_ACCOUNT_TOKEN_SECRET') ? { appAccountTokenSecret: readText(env, 'APPLE_ACCOUNT_TOKEN_SECRET') } : {}),
        ...(serverApiKey && env.APPLE_ISSUER_ID && env.APPLE_KEY_ID ? { serverApi: { issuerId: env.APPLE_ISSUER_ID, keyId: env.APPLE_KEY_ID, privateKey: serverApiKey } } : {}),
      } as AppleConfig,
    };
  }
  if (!sandboxUrl) throw new Error('set APPLE_BUNDLE_ID (and the other APPLE_* settings, see README) or PAYWEAVE_SANDBOX_URL to use the sandbox');
  // A dev dependency, loaded only without real settings.
  const { createSandbox } = await import('@payweave/sandbox');
  return { mode: 'sandbox', config: createSandbox().channelConfigs(sandboxUrl).apple as AppleConfig };
}
