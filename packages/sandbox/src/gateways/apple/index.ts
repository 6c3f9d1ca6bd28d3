/**
 * The App Store emulator: StoreKit purchases signed like the App Store (TEST chain with Apple's marker OIDs),
 * legacy verifyReceipt endpoints (production answers 21007 for sandbox receipts, sandbox 21008 for production ones),
 * App Store Server API look-ups behind a checked bearer token, and App Store Server Notifications V2 on Apple's
 * retry schedule. `sandbox.pay(transactionId)` completes a deferred purchase (Ask to Buy, bank confirmation) the way
 * the App Store would, later.
 */
import { defineGateway } from '../define';
import {
  SANDBOX_ACCOUNT_TOKEN_SECRET,
  SANDBOX_APP_APPLE_ID,
  SANDBOX_BUNDLE_ID,
  SANDBOX_ROOT_CERTIFICATE,
  SANDBOX_SERVER_API_ISSUER_ID,
  SANDBOX_SERVER_API_KEY_ID,
  SANDBOX_SERVER_API_PRIVATE_KEY,
  SANDBOX_SHARED_SECRET,
} from './keys';
import { appleRoutes } from './routes';
import { completePurchase } from './storekit';

/** The `apple()` config the emulator serves (structurally the channel factory's config). */
export interface AppleSandboxConfig {
  bundleId: string;
  appAppleId: number;
  environment: 'auto';
  rootCertificates: string[];
  sharedSecret: string;
  appAccountTokenSecret: string;
  serverApi: { issuerId: string; keyId: string; privateKey: string };
  baseUrl: string;
}

export const appleGateway = defineGateway({
  provider: 'apple',
  basePath: '/apple',
  title: 'App Store (Apple in-app purchase)',
  description: 'StoreKit 2 signed transactions, verifyReceipt (21007/21008 routing), Server Notifications V2',
  accentColor: '#0071e3',
  routes: appleRoutes,
  channelConfig: ({ gatewayUrl }): AppleSandboxConfig => ({
    bundleId: SANDBOX_BUNDLE_ID,
    appAppleId: SANDBOX_APP_APPLE_ID,
    environment: 'auto',
    rootCertificates: [SANDBOX_ROOT_CERTIFICATE],
    sharedSecret: SANDBOX_SHARED_SECRET,
    appAccountTokenSecret: SANDBOX_ACCOUNT_TOKEN_SECRET,
    serverApi: { issuerId: SANDBOX_SERVER_API_ISSUER_ID, keyId: SANDBOX_SERVER_API_KEY_ID, privateKey: SANDBOX_SERVER_API_PRIVATE_KEY },
    baseUrl: gatewayUrl,
  }),
  pay(order, outcome, context) {
    // The framework set the outcome's status already; a succeeded deferred purchase is signed and notified now.
    if (outcome === 'succeeded') completePurchase(order, context);
  },
});
