import { createPayServer } from '@payweave/server';
import { alipay } from '@payweave/server/alipay';

const pay = createPayServer({
  notifyUrl: 'https://shop.example/api/pay/notify',      // Alipay posts to .../notify/alipay
  channels: [
    alipay({
      appId: process.env.ALIPAY_APP_ID!,
      privateKey: process.env.ALIPAY_PRIVATE_KEY!,          // base64 from the key tool, or PEM
      alipayPublicKey: process.env.ALIPAY_PUBLIC_KEY!,      // the 支付宝公钥, not your app public key
      sellerId: process.env.ALIPAY_SELLER_ID,               // optional: notifications for another seller are refused
    }),
  ],
});
export {};
