import { readFileSync } from 'node:fs';

apple({
  bundleId: 'com.example.app', appAppleId: 1234567890, environment: 'auto',
  serverApi: { issuerId: process.env.APPLE_ISSUER_ID!, keyId: '2X9R4HXF34', privateKey: readFileSync('AuthKey_2X9R4HXF34.p8', 'utf8') },
});

const transaction = await pay.apple.getTransactionInfo('2000000123456789');
let page = await pay.apple.getTransactionHistory('2000000123456789');
while (page.hasMore) page = await pay.apple.getTransactionHistory('2000000123456789', { revision: page.revision });
export {};
