import { createAppleIap } from '@payweave/client/apple_iap';

const iap = createAppleIap({
  endpoint: '/api/pay',
  headers: () => ({ authorization: `Bearer ${session.token}` }),
  bridge: (request) => NativeModules.StoreKitBridge.purchase(request),   // { productId, appAccountToken, quantity? }
});

const result = await iap.purchase('com.example.coins100');              // purchased | canceled | pending | failed
export {};
