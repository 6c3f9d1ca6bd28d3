/**
 * The emulator's string-to-sign against the fixed vectors of shared/protocols/vectors.md (A1: a request, A6: a real
 * notification), so that a round trip with the server SDK cannot pass on a bug both sides share.
 */
import { describe, expect, it } from 'vitest';
import { beijingTime, merchantSignatureValid, requestContent, signContent } from './protocol';

// Vector A1 (vectors.md): parameters of the app-pay request and the content Alipay verifies.
const A1_PARAMS = {
  method: 'alipay.trade.app.pay',
  app_id: '2021000122671080',
  charset: 'utf-8',
  version: '1.0',
  sign_type: 'RSA2',
  timestamp: '2024-01-02 03:04:05',
  notify_url: 'https://example.com/alipay/notify',
  return_url: '',
  biz_content: '{"out_trade_no":"ORDER_20240102_0001","total_amount":"88.88","subject":"测试商品 & test","product_code":"QUICK_MSECURITY_PAY"}',
  sign: 'AOT2ujM5...',
};
const A1_CONTENT =
  'app_id=2021000122671080&biz_content={"out_trade_no":"ORDER_20240102_0001","total_amount":"88.88","subject":"测试商品 & test","product_code":"QUICK_MSECURITY_PAY"}&charset=utf-8&method=alipay.trade.app.pay&notify_url=https://example.com/alipay/notify&sign_type=RSA2&timestamp=2024-01-02 03:04:05&version=1.0';

// Vector A6 (vectors.md): a real trade_status_sync, decoded, and the content its signature covers.
const A6_CONTENT =
  'app_id=2019073166072302&auth_app_id=2019073166072302&buyer_id=2088102534368455&buyer_logon_id=xud***@126.com&buyer_pay_amount=0.10&charset=utf-8&fund_bill_list=[{"amount":"0.10","fundChannel":"ALIPAYACCOUNT"}]&gmt_create=2019-08-15 15:56:22&gmt_payment=2019-08-15 15:56:24&invoice_amount=0.10&notify_id=2019081500222155624068450559358070&notify_time=2019-08-15 15:56:25&notify_type=trade_status_sync&out_trade_no=20190815155618536-564-57&point_amount=0.00&receipt_amount=0.10&seller_email=z97-yuquerevenue@service.aliyun.com&seller_id=2088531891668739&subject=语雀空间 500人规模&total_amount=0.10&trade_no=2019081522001468450512505578&trade_status=TRADE_SUCCESS&version=1.0';

describe('Alipay emulator protocol', () => {
  it('A1: verifies requests over the vector content (sign_type in, empty values and sign out)', () => {
    expect(requestContent(A1_PARAMS)).toBe(A1_CONTENT);
  });

  it('A6: signs notifications over the vector content (sign and sign_type out)', () => {
    const fields = Object.fromEntries(A6_CONTENT.split('&').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
    expect(signContent({ ...fields, sign_type: 'RSA2', sign: 'x' }, (key) => key !== 'sign' && key !== 'sign_type')).toBe(A6_CONTENT);
  });

  it('a sign that is not base64 is an invalid signature, not a crash', async () => {
    for (const sign of ['A', 'AB=C', '!!!!']) await expect(merchantSignatureValid({ ...A1_PARAMS, sign })).resolves.toBe(false);
  });

  it('formats timestamps in Beijing time', () => {
    expect(beijingTime(Date.UTC(2024, 0, 1, 19, 4, 5))).toBe('2024-01-02 03:04:05');
  });
});
