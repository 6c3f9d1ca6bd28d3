import { toFetchHandler } from '@payweave/server';
import { http } from 'msw';

server.use(http.post('http://merchant.test/notify/alipay', ({ request }) => toFetchHandler(pay, 'alipay')(request)));

await pay.charges.create({ channel: 'alipay_qr', orderNo: 'ORDER_1', amount: 1999, subject: 'Tea' });
const result = await sandbox.pay('ORDER_1');           // { order, outcome, redirectTo?, notifications }
await sandbox.flushNotifications();                     // wait for the delivery in flight
expect(result.notifications[0]?.status).toBe('acknowledged');
export {};
