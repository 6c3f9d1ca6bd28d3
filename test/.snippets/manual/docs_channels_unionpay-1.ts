import { readFileSync } from 'node:fs';
import { createPayServer } from '@payweave/server';
import { unionpay } from '@payweave/server/unionpay';

const pay = createPayServer({
  notifyUrl: 'https://shop.example/api/pay/notify',          // UnionPay posts to .../notify/unionpay
  channels: [
    unionpay({
      merId: process.env.UNIONPAY_MER_ID!,
      signCert: { pfx: readFileSync('certs/acp_prod_sign.pfx'), passphrase: process.env.UNIONPAY_PFX_PASSWORD! },
      middleCert: readFileSync('certs/acp_prod_middle.cer', 'utf8'),
      rootCert: readFileSync('certs/acp_prod_root.cer', 'utf8'),
      environment: 'production',
    }),
  ],
});
export {};
