// Inside WeChat (official account page): the payer's openid for your appId is required.
const charge = await pay.charges.create({
  channel: 'wechat_jsapi', orderNo: 'A20260101001', amount: 1999, subject: 'Green tea',
  payer: { openId: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
});
// charge.credential: { appId, timeStamp, nonceStr, package: 'prepay_id=...', signType: 'RSA', paySign }
export {};
