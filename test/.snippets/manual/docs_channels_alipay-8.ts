const charge = await pay.charges.create({
  channel: 'alipay_barcode',
  orderNo: 'POS_20260102_0001',
  amount: 1200,
  subject: 'Coffee',
  payer: { authCode: '281234567890123456' },   // scanned from the payer's Alipay
});
// charge.status: 'succeeded', or 'closed' when the payer did not confirm in time (the trade was cancelled)
export {};
