/**
 * What `@payweave/server` resolves to under the `browser` and `react-native` export conditions.
 * The server SDK holds merchant private keys and API secrets: a client bundle would publish them to every payer.
 * Failing at import time (and at bundle time, since this module exports nothing) stops that before it ships.
 */
throw new Error(
  '@payweave/server was bundled into a client (browser/react-native): it holds merchant secrets and must run on your server only. Import @payweave/client in the app instead.',
);

export {};
