const charge = await client.createCharge({
  orderNo: 'ORDER20260101001',
  channel: 'alipay_page',
  returnUrl: 'https://shop.example/orders/ORDER20260101001',   // browser channels only
  // payer: { openId } for wechat_jsapi / wechat_mini
});
export {};
