const charge = await pay.charges.create({ channel: 'alipay_qr', orderNo: 'ORDER_20260102_0003', amount: 1999, subject: 'Green tea' });
// charge.credential.qrCode: 'https://qr.alipay.com/...': render it as a QR code, then poll retrieve or wait for onEvent
export {};
