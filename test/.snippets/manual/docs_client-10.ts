import { createPayClient } from '@payweave/client';

const client = createPayClient({
  endpoint: 'https://shop.example/api/pay',
  bridges: {
    alipay: (orderString) => Alipay.pay(orderString),              // -> { resultStatus: '9000' | '6001' | ..., result, memo }
    wechat: (params) => WeChat.pay({                                // params: { appId, partnerId, prepayId, package, nonceStr, timestamp, sign }
      partnerId: params.partnerId, prepayId: params.prepayId, nonceStr: params.nonceStr,
      timeStamp: params.timestamp, package: params.package, sign: params.sign,
    }),                                                             // -> { errCode: 0 | -1 | -2, errStr }
    unionpay: (tn, mode) => UnionPay.startPay(tn, mode),            // -> { payResult: 'success' | 'fail' | 'cancel' }
  },
});
export {};
