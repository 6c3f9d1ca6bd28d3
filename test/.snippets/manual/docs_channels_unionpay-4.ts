const client = createPayClient({
  endpoint: '/api/pay',
  launchers: [unionpayLauncher],
  bridges: { unionpay: (tn, mode) => NativeModules.UPPay.startPay(tn, mode) },  // -> { payResult: 'success' | 'fail' | 'cancel' }
});
const result = await client.pay({ orderNo: '20260102030405002', channel: 'unionpay_app' });
const final = await client.waitForResult(result.charge.orderNo);                 // the server's verified state
export {};
