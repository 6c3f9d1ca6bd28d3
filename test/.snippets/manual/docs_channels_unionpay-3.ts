import { createPayClient } from '@payweave/client';
import { unionpayLauncher } from '@payweave/client/unionpay';

const client = createPayClient({ endpoint: '/api/pay', launchers: [unionpayLauncher] });
await client.pay({ orderNo: '20260102030405001', channel: 'unionpay_wap' });   // navigates to UnionPay
export {};
