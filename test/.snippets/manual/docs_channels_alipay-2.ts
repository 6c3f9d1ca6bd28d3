import { readFileSync } from 'node:fs';

alipay({
  appId: process.env.ALIPAY_APP_ID!,
  privateKey: readFileSync('certs/app-private-key.pem', 'utf8'),
  appCert: readFileSync('certs/appCertPublicKey_2021000000000000.crt', 'utf8'),
  alipayPublicCert: readFileSync('certs/alipayCertPublicKey_RSA2.crt', 'utf8'),
  alipayRootCert: readFileSync('certs/alipayRootCert.crt', 'utf8'),
});
export {};
