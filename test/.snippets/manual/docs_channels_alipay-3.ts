const charge = await pay.charges.create({
  channel: 'alipay_wap',                    // 'alipay_page' on a PC
  orderNo: 'ORDER_20260102_0001',           // 1-64 letters, digits or _
  amount: 1999,                             // fen: 19.99 CNY
  subject: 'Green tea',
  returnUrl: 'https://shop.example/pay/return',
  expiresAt: '2026-01-02T12:00:00+08:00',   // optional: time_expire
});
// charge.credential: { channel: 'alipay_wap', method: 'POST', url: 'https://openapi.alipay.com/gateway.do?...', fields: { biz_content } }
export {};
