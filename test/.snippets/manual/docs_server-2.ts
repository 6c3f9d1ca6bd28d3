const charge = await pay.charges.create({
  channel: 'alipay_page',
  orderNo: 'ORDER_20260101_0001', // checked against the channel's rules (Alipay: 1-64 letters, digits, _)
  amount: 1999,                   // integer fen: 19.99 CNY. Never yuan, never floats.
  subject: 'T-shirt',
  returnUrl: 'https://shop.example/orders/ORDER_20260101_0001',
});
charge.credential; // what the payer's device needs: { channel: 'alipay_page', method, url, fields? }

await pay.charges.retrieve('ORDER_20260101_0001');                    // the stored, verified state
await pay.charges.retrieve('ORDER_20260101_0001', { refresh: true }); // ask the gateway when no notification came
await pay.charges.close('ORDER_20260101_0001');                       // close at the gateway, then locally
export {};
