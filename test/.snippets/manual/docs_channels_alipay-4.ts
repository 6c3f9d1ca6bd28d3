import { createPayClient } from '@payweave/client';
import { alipayLauncher } from '@payweave/client/alipay';

const client = createPayClient({ endpoint: '/api/pay', launchers: [alipayLauncher] });
await client.pay({ orderNo: 'ORDER_20260102_0001', channel: 'alipay_wap' });   // navigates to Alipay
export {};
