/**
 * `@payweave/server/apple`: App Store in-app purchases. Apple has no charges: the channel verifies App Store Server
 * Notifications V2 and exposes `pay.apple` (StoreKit 2 signed transactions, legacy receipts, appAccountToken).
 * @see https://developer.apple.com/documentation/appstoreserverapi
 */
import { PayConfigError } from '@payweave/core';
import type { PaymentStore } from '../../lifecycle/store';
import type { PayChannel } from '../types';
import { serverApiTokens } from './actions/server-api-token';
import { createAppleCapability, type AppleRuntime } from './capability';
import { resolveAppleConfig, type AppleConfig } from './config';
import { acknowledgeApple, verifyAppleNotification } from './notify';
import type { AppleCapability } from './types';
import { SignedDataVerifier } from './verifier';

export type { AppleConfig } from './config';
export type {
  AppleCapability,
  AppleEnvironment,
  AppleOwnership,
  AppleProductType,
  AppleReceipt,
  AppleTransaction,
  AppleTransactionHistory,
  AppleVerifyOptions,
} from './types';
export { APPLE_ROOT_CA_G3 } from './root-ca-g3';
export { transactionIdFromLegacyReceipt } from './legacy-receipt';
export { createAppleRoutes, type AppleRoutesOptions } from './routes';

/** The Apple channel: a `PayChannel` with no charge channels plus the `apple` capability (`pay.apple`). */
export type AppleChannel = PayChannel & { readonly apple: AppleCapability };

/** Create the Apple channel; the config is validated (and trust anchors parsed) now. */
export function apple(config: AppleConfig): AppleChannel {
  const resolved = resolveAppleConfig(config);
  let runtime: AppleRuntime | undefined;
  let store: PaymentStore | undefined;
  const current = (): AppleRuntime => {
    if (!runtime) {
      throw new PayConfigError('apple: the channel is not initialised: register it with createPayServer({ channels: [apple({ ... })] })', {
        code: 'CHANNEL_NOT_INITIALISED',
        channel: 'apple',
      });
    }
    return runtime;
  };
  const sandboxed = resolved.environment === 'Sandbox' || resolved.customRoots || (config as { baseUrl?: unknown }).baseUrl !== undefined;

  return {
    provider: 'apple',
    channels: [],
    livemode: !sandboxed,
    async init(context) {
      const verifier = new SignedDataVerifier(context.crypto, resolved.roots, {
        bundleId: resolved.bundleId,
        ...(resolved.appAppleId !== undefined ? { appAppleId: resolved.appAppleId } : {}),
        environment: resolved.environment,
        clock: context.clock,
      });
      const credentials = resolved.serverApi;
      let serverApi: AppleRuntime['serverApi'];
      if (credentials) {
        // Imported now: a bad key fails init, not the first look-up.
        const key = await context.crypto.importEcPrivateKey(credentials.privateKey);
        const token = serverApiTokens(context.crypto, key, { ...credentials, bundleId: resolved.bundleId }, context.clock);
        serverApi = { http: context.http, urls: resolved.serverApiUrls, environment: resolved.environment, token };
      }
      runtime = { verifier, http: context.http, warn: context.warn, ...(serverApi ? { serverApi } : {}) };
    },
    verifyNotification: (request) => verifyAppleNotification(current().verifier, request),
    acknowledge: acknowledgeApple,
    bindStore(next) {
      store = next;
    },
    apple: createAppleCapability(resolved, current, () => store),
  };
}
