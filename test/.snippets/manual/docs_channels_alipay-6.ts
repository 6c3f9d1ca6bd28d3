const client = createPayClient({
  endpoint: '/api/pay',
  launchers: [alipayLauncher],
  bridges: { alipay: (orderString) => NativeModules.Alipay.payV2(orderString) },   // -> { resultStatus, result, memo }
});
const result = await client.pay({ orderNo: 'ORDER_20260102_0002', channel: 'alipay_app' });
const final = await client.waitForResult(result.charge.orderNo);   // the server's verified state decides
export {};
