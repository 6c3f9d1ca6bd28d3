import { createPayServer, toNodeHandler } from '@payweave/server';
import { alipay } from '@payweave/server/alipay';

const pay = createPayServer({
  channels: [alipay({ appId: process.env.ALIPAY_APP_ID!, privateKey: process.env.ALIPAY_PRIVATE_KEY!, alipayPublicKey: process.env.ALIPAY_PUBLIC_KEY! })],
  notifyUrl: 'https://shop.example/api/pay/notify',
  onEvent: async (event) => {
    if (event.type === 'charge.succeeded') await shipOrder(event.orderNo!); // runs once per payment
  },
});
export {};
