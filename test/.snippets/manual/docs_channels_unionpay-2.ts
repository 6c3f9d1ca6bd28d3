const charge = await pay.charges.create({
  channel: 'unionpay_wap',                 // 'unionpay_page' on a PC
  orderNo: '20260102030405001',            // 8-40 letters or digits
  amount: 1999,                            // fen: 19.99 CNY
  subject: 'Green tea',                    // sent as riskRateInfo {commodityName=...}
  clientIp: '203.0.113.9',                 // the payer's IP, from your request
  returnUrl: 'https://shop.example/pay/return',
});
export {};
