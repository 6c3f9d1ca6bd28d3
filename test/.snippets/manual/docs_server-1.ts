import { createPayServer } from '@payweave/server';
import { alipay } from '@payweave/server/alipay';
import { wechat } from '@payweave/server/wechat';
import { sqliteStore } from '@payweave/store-sqlite';

export const pay = createPayServer({
  channels: [
    alipay({ appId: process.env.ALIPAY_APP_ID!, privateKey: process.env.ALIPAY_PRIVATE_KEY!, alipayPublicKey: process.env.ALIPAY_PUBLIC_KEY! }),
    wechat({ /* see docs/channels/wechat.md */ } as never),
  ],
  store: sqliteStore({ filename: 'payweave.sqlite' }), // default: memoryStore(), with a warning
  notifyUrl: 'https://shop.example/api/pay/notify',    // alipay notifications go to …/notify/alipay
  onEvent: async (event, { charge, anomaly }) => {
    // Runs once per real state change. event.id is a stable idempotency key: use it if your side effect can repeat.
    if (event.type === 'charge.succeeded' && !anomaly) await fulfil(event.orderNo!, event.id);
    if (anomaly) await alertOps(anomaly); // e.g. paid after the order was closed: refund or honour it
  },
});
await pay.ready(); // optional: import every key now, so a wrong key fails at startup

declare function fulfil(orderNo: string, idempotencyKey: string): Promise<void>;
declare function alertOps(anomaly: unknown): Promise<void>;
export {};
