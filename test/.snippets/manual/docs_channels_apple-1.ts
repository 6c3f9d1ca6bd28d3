import { createPayServer } from '@payweave/server';
import { apple, createAppleRoutes } from '@payweave/server/apple';

const pay = createPayServer({
  channels: [
    apple({
      bundleId: 'com.example.app',
      appAppleId: 1234567890,
      environment: 'auto',                                   // Production and Sandbox; see "App Review" below
      sharedSecret: process.env.APPLE_SHARED_SECRET,
      appAccountTokenSecret: process.env.APPLE_ACCOUNT_TOKEN_SECRET,
    }),
  ],
  store: myDurableStore,                                     // ownership records must survive restarts
  onEvent: async (event) => { /* iap.purchased, iap.renewed, iap.refunded ... */ },
});
export {};
