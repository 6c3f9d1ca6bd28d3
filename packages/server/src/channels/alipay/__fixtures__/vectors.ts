/**
 * Known-answer vectors A1-A8 from shared/protocols/vectors.md (run there against alipay-sdk 4.14.0 and plain
 * node:crypto; A5-A7 are real Alipay-signed messages from the alipay-sdk test suite). Copied, not computed.
 */

/** A1: string-to-sign of the app-pay order (timestamp 2024-01-02 03:04:05 Beijing). */
export const A1_SIGN_CONTENT = "app_id=2021000122671080&biz_content={\"out_trade_no\":\"ORDER_20240102_0001\",\"total_amount\":\"88.88\",\"subject\":\"测试商品 & test\",\"product_code\":\"QUICK_MSECURITY_PAY\"}&charset=utf-8&method=alipay.trade.app.pay&notify_url=https://example.com/alipay/notify&sign_type=RSA2&timestamp=2024-01-02 03:04:05&version=1.0";

/** A1: RSA2 signature with K1. */
export const A1_SIGN = "AOT2ujM5Be5Vqt91tBMEmgi8XlHsHtz/1ZiqUuYMUXgYtDmRE8lWd0h5tT073KUAewMYLK8q2Ij0wqk94YIjELA6LViO3V8jxIR1YVugr4zwnKqGPtY5in7r5Y+LVS2KoCvnQpO04jJNRLEOfPvkrXSonHPOX+JMSA3U8l7art/dKOOEmJhXT6C84oJ/kN4EuOGAkcf/0H/0Y6MMwP6VP8BxPUGrllmmp+MN1aN0/n2upIhQqj5phEsFkAACvamU//pe8nkUS84iPRAUqDUcNqnQe8Lvrku5tvdjAwj9f+nw2CwblwRELrXbTcKq3zVNKOX0GcCw0B3qMU9ZLjqN0w==";

/** A1: the order string alipay-sdk hands to the app. */
export const A1_ORDER_STRING = "method=alipay.trade.app.pay&app_id=2021000122671080&charset=utf-8&version=1.0&sign_type=RSA2&timestamp=2024-01-02%2003%3A04%3A05&notify_url=https%3A%2F%2Fexample.com%2Falipay%2Fnotify&biz_content=%7B%22out_trade_no%22%3A%22ORDER_20240102_0001%22%2C%22total_amount%22%3A%2288.88%22%2C%22subject%22%3A%22%E6%B5%8B%E8%AF%95%E5%95%86%E5%93%81%20%26%20test%22%2C%22product_code%22%3A%22QUICK_MSECURITY_PAY%22%7D&sign=AOT2ujM5Be5Vqt91tBMEmgi8XlHsHtz%2F1ZiqUuYMUXgYtDmRE8lWd0h5tT073KUAewMYLK8q2Ij0wqk94YIjELA6LViO3V8jxIR1YVugr4zwnKqGPtY5in7r5Y%2BLVS2KoCvnQpO04jJNRLEOfPvkrXSonHPOX%2BJMSA3U8l7art%2FdKOOEmJhXT6C84oJ%2FkN4EuOGAkcf%2F0H%2F0Y6MMwP6VP8BxPUGrllmmp%2BMN1aN0%2Fn2upIhQqj5phEsFkAACvamU%2F%2Fpe8nkUS84iPRAUqDUcNqnQe8Lvrku5tvdjAwj9f%2Bnw2CwblwRELrXbTcKq3zVNKOX0GcCw0B3qMU9ZLjqN0w%3D%3D";

/** A1 variant: the same content with sign_type=RSA, SHA1withRSA. */
export const A1_SIGN_RSA = "GMj3VbCREHbVjsWiuYqc/HPH6fAXVpH5Fj61EQrO/HdAJ89Qk+QD7ii/YPBfM/NiTgUFqrg809P6zFrMNbDHOnMANj4E9kS8iD1eTdfqnzLWDqah7DSDa0guuhUimAYvl5QviAgXfAsiayylL21QGFQXqI4RLdICq1CCfLk8J7yks/4eHJoFGlaJ0Ku3IAz8Bq4s7xPrRb4orWGlWa3tU4oyaBJJ8lc7fr8pKCpx8Oa/KLlAp2vmQ6Q483hXoZTdsv3VJyMH4SBmGT6mJ/V3oM5UsYj19zMiydLo9cUna2AFNVAVVplRXLJMXCDhibG/BJVZPqwxpSFBPMJIybJHKw==";

/** A2: page-pay string-to-sign (alipay-sdk adds and signs alipay_sdk). */
export const A2_SIGN_CONTENT = "alipay_sdk=alipay-sdk-nodejs-4.0.0&app_id=2021000122671080&biz_content={\"out_trade_no\":\"ORDER_20240102_0002\",\"total_amount\":\"0.01\",\"subject\":\"Page pay\",\"product_code\":\"FAST_INSTANT_TRADE_PAY\"}&charset=utf-8&method=alipay.trade.page.pay&notify_url=https://example.com/alipay/notify&return_url=https://example.com/return&sign_type=RSA2&timestamp=2024-01-02 03:04:05&version=1.0";

/** A2: RSA2 signature with K1. */
export const A2_SIGN = "KN2vktvJ/br8FC2DOZjSaCcGYK7nNL6dQId4mVMjRSgtDyvWeQli8nMXZ9RVCHDjAGWS+wFqBqA36FJwIQnMDyRYcHF4mD2tohGowq1X09xNgI6X+yWIJ2f34fr6l7T7rrfow8ta9umn8/vFz8WkP6POPggsTsvZ3guwpnbATWqdgGQVNA/iE6cabut/AZCJFIWPXQDLJQX0gPrmqCValvRN/cMNPphtv4qQhq0AXB/sI3IPXhh/hcfNGUpQQ8lOqGkrfleCTzNm78RMez4iFfy7jBq4mALGRRADKn01KmzogDwzwVD1afJX5pvhPo2UXfajPdmfqMU57qsPbfrRNw==";

/** A2: page-pay GET URL. */
export const A2_GET_URL = "https://openapi.alipay.com/gateway.do?method=alipay.trade.page.pay&app_id=2021000122671080&charset=utf-8&version=1.0&sign_type=RSA2&timestamp=2024-01-02+03%3A04%3A05&notify_url=https%3A%2F%2Fexample.com%2Falipay%2Fnotify&return_url=https%3A%2F%2Fexample.com%2Freturn&sign=KN2vktvJ%2Fbr8FC2DOZjSaCcGYK7nNL6dQId4mVMjRSgtDyvWeQli8nMXZ9RVCHDjAGWS%2BwFqBqA36FJwIQnMDyRYcHF4mD2tohGowq1X09xNgI6X%2ByWIJ2f34fr6l7T7rrfow8ta9umn8%2FvFz8WkP6POPggsTsvZ3guwpnbATWqdgGQVNA%2FiE6cabut%2FAZCJFIWPXQDLJQX0gPrmqCValvRN%2FcMNPphtv4qQhq0AXB%2FsI3IPXhh%2FhcfNGUpQQ8lOqGkrfleCTzNm78RMez4iFfy7jBq4mALGRRADKn01KmzogDwzwVD1afJX5pvhPo2UXfajPdmfqMU57qsPbfrRNw%3D%3D&alipay_sdk=alipay-sdk-nodejs-4.0.0&biz_content=%7B%22out_trade_no%22%3A%22ORDER_20240102_0002%22%2C%22total_amount%22%3A%220.01%22%2C%22subject%22%3A%22Page%20pay%22%2C%22product_code%22%3A%22FAST_INSTANT_TRADE_PAY%22%7D";

/** A2: action of the auto-submitted POST form. */
export const A2_POST_ACTION = "https://openapi.alipay.com/gateway.do?method=alipay.trade.page.pay&app_id=2021000122671080&charset=utf-8&version=1.0&sign_type=RSA2&timestamp=2024-01-02+03%3A04%3A05&notify_url=https%3A%2F%2Fexample.com%2Falipay%2Fnotify&return_url=https%3A%2F%2Fexample.com%2Freturn&sign=KN2vktvJ%2Fbr8FC2DOZjSaCcGYK7nNL6dQId4mVMjRSgtDyvWeQli8nMXZ9RVCHDjAGWS%2BwFqBqA36FJwIQnMDyRYcHF4mD2tohGowq1X09xNgI6X%2ByWIJ2f34fr6l7T7rrfow8ta9umn8%2FvFz8WkP6POPggsTsvZ3guwpnbATWqdgGQVNA%2FiE6cabut%2FAZCJFIWPXQDLJQX0gPrmqCValvRN%2FcMNPphtv4qQhq0AXB%2FsI3IPXhh%2FhcfNGUpQQ8lOqGkrfleCTzNm78RMez4iFfy7jBq4mALGRRADKn01KmzogDwzwVD1afJX5pvhPo2UXfajPdmfqMU57qsPbfrRNw%3D%3D";

/** A2: the biz_content hidden field of the form (HTML-unescaped). */
export const A2_POST_BIZ_CONTENT = "{\"out_trade_no\":\"ORDER_20240102_0002\",\"total_amount\":\"0.01\",\"subject\":\"Page pay\",\"product_code\":\"FAST_INSTANT_TRADE_PAY\"}";

/** A3: wap-pay GET URL. */
export const A3_GET_URL = "https://openapi.alipay.com/gateway.do?method=alipay.trade.wap.pay&app_id=2021000122671080&charset=utf-8&version=1.0&sign_type=RSA2&timestamp=2024-01-02+03%3A04%3A05&notify_url=https%3A%2F%2Fexample.com%2Falipay%2Fnotify&return_url=https%3A%2F%2Fexample.com%2Freturn&sign=V3UVBlOS0BSiLnEFGGH%2BTEGvEBnRrGQnmfjXkiXP6UzD3gjMXK3%2Fv0ho0lAT2DVA6kesAisfmFC%2BjzgiIiFp0phYvKK9YdPy2zoSmDsuJsL1zTVIgzG5lCPx2xEg%2BcNjewIOyUs0Lk%2BldTMy%2FV6WhZhP1yZvQgnOoefJbGg3r37dg6CwcbrcTAr5qM50OVvTDXx4vcGwqlB3Z07WVXcIp5JF1H4w7452WA98rhxr%2BrwJlMsUXJreVidxPjAdwReqNVdJcVWVwn03xidjEbKOgTqSGJ0L6UsfFzCNylpkKLpAveCN1vIYIu%2FLQ%2B6905tXPlv%2BisBGas%2BYeetBD%2F5NLA%3D%3D&alipay_sdk=alipay-sdk-nodejs-4.0.0&biz_content=%7B%22out_trade_no%22%3A%22ORDER_20240102_0003%22%2C%22total_amount%22%3A%221.00%22%2C%22subject%22%3A%22Wap%20pay%22%2C%22product_code%22%3A%22QUICK_WAP_WAY%22%7D";

/** A4: what alipay-sdk signs when return_url is empty (we must NOT produce this). */
export const A4_NODE_SDK_SIGN_CONTENT = "app_id=2021000122671080&biz_content={\"out_trade_no\":\"X1\"}&charset=utf-8&method=alipay.trade.query&return_url=&sign_type=RSA2&timestamp=2024-01-02 03:04:05&version=1.0";

/** A5: a real Alipay response to alipay.open.file.upload (verify with K2). */
export const A5_RESPONSE = "{\"alipay_open_file_upload_response\":{\"code\":\"10000\",\"msg\":\"Success\",\"file_id\":\"CAxAToWB1JsAAAAAAAAAAAAADgSLAQBr\"},\"sign\":\"F+LDzpTNiavn7xVZPGuPCSSVRSmWzJGgtuji6tVELGEaqMaNj0jRKXUEr5nloZJBBmwEnddOyCjjepMmrTKTvoOqQ0Efxpr/R1iEeHTHVbb/Q8TTh6Up5gHJDkILdaWS2q1cWeQ6VT+HQY9P3WRXS7uhILHuDODIhpAyCu5KhWGt0rMCIG+Im6NODJP2oohtSCtmTFXg58HH587Z2y2bdbjzOxLvzD9IrU1imghXQ2S/Q+wMIvRk9on6cWnBLkrNvJKapA2ReNGWOwyuASvB9zDVzhMPbR+3mfRGkVDxsq5HYLjBKGskJMXHw0HuugZij6ScRuaLPODhmHwr/pJ9yw==\"}";

/** A5: the span Alipay signed. */
export const A5_SIGNED_SPAN = "{\"code\":\"10000\",\"msg\":\"Success\",\"file_id\":\"CAxAToWB1JsAAAAAAAAAAAAADgSLAQBr\"}";

/** A6: string-to-sign of a real trade_status_sync notification (sign and sign_type removed). */
export const A6_SIGN_CONTENT = "app_id=2019073166072302&auth_app_id=2019073166072302&buyer_id=2088102534368455&buyer_logon_id=xud***@126.com&buyer_pay_amount=0.10&charset=utf-8&fund_bill_list=[{\"amount\":\"0.10\",\"fundChannel\":\"ALIPAYACCOUNT\"}]&gmt_create=2019-08-15 15:56:22&gmt_payment=2019-08-15 15:56:24&invoice_amount=0.10&notify_id=2019081500222155624068450559358070&notify_time=2019-08-15 15:56:25&notify_type=trade_status_sync&out_trade_no=20190815155618536-564-57&point_amount=0.00&receipt_amount=0.10&seller_email=z97-yuquerevenue@service.aliyun.com&seller_id=2088531891668739&subject=语雀空间 500人规模&total_amount=0.10&trade_no=2019081522001468450512505578&trade_status=TRADE_SUCCESS&version=1.0";

/** A6: its signature (verify with K3a). */
export const A6_SIGN = "QfTb8tqE1BMhS5qAnXtvsF3/jBkEvu9q9en0pdbBUDDjvKycZhQb7h8GDs4FKfi049PynaNuatxSgLb/nLWZpXyyh0LEWdK2S6Ri7nPwrVgOs08zugLO20vOQz44y3ti2Ncm8/wZts1Fr2gZ7pShnVX3d1B50hbsXnObT1r/U8ONNQjWXd0HIul4TG+Q3fm3svmSvFEy0WnzuhcyHPX5Gm4ELNctL6Qd5YniGJFNcc7kopHYtI/XD9YCKCH6Ct02rzUs9i11C9CsadtZn+WhxF26Dqt9sGEFajkJ8cxUTLi8+VCpLHsgPE8P0y095uQcDdK0YjCh4x7wVSov+lrmOQ==";

/** A6: the same notification as a form-encoded POST body. */
export const A6_FORM_BODY = "app_id=2019073166072302&auth_app_id=2019073166072302&buyer_id=2088102534368455&buyer_logon_id=xud***%40126.com&buyer_pay_amount=0.10&charset=utf-8&fund_bill_list=%5B%7B%22amount%22%3A%220.10%22%2C%22fundChannel%22%3A%22ALIPAYACCOUNT%22%7D%5D&gmt_create=2019-08-15+15%3A56%3A22&gmt_payment=2019-08-15+15%3A56%3A24&invoice_amount=0.10&notify_id=2019081500222155624068450559358070&notify_time=2019-08-15+15%3A56%3A25&notify_type=trade_status_sync&out_trade_no=20190815155618536-564-57&point_amount=0.00&receipt_amount=0.10&seller_email=z97-yuquerevenue%40service.aliyun.com&seller_id=2088531891668739&subject=%E8%AF%AD%E9%9B%80%E7%A9%BA%E9%97%B4+500%E4%BA%BA%E8%A7%84%E6%A8%A1&total_amount=0.10&trade_no=2019081522001468450512505578&trade_status=TRADE_SUCCESS&version=1.0&sign=QfTb8tqE1BMhS5qAnXtvsF3%2FjBkEvu9q9en0pdbBUDDjvKycZhQb7h8GDs4FKfi049PynaNuatxSgLb%2FnLWZpXyyh0LEWdK2S6Ri7nPwrVgOs08zugLO20vOQz44y3ti2Ncm8%2FwZts1Fr2gZ7pShnVX3d1B50hbsXnObT1r%2FU8ONNQjWXd0HIul4TG%2BQ3fm3svmSvFEy0WnzuhcyHPX5Gm4ELNctL6Qd5YniGJFNcc7kopHYtI%2FXD9YCKCH6Ct02rzUs9i11C9CsadtZn%2BWhxF26Dqt9sGEFajkJ8cxUTLi8%2BVCpLHsgPE8P0y095uQcDdK0YjCh4x7wVSov%2BlrmOQ%3D%3D&sign_type=RSA2";

/** A7: string-to-sign of a real servicemarket_order_notify (only sign removed). */
export const A7_SIGN_CONTENT = "app_id=2017122801303261&charset=UTF-8&commodity_order_id=2019030800000018079639&contactor=技术支持测试的公司&merchant_pid=2088721996721370&method=alipay.open.servicemarket.order.notify&name=技术支持测试的公司&notify_id=2019030800222102023008121054923345&notify_time=2019-03-08 10:20:23&notify_type=servicemarket_order_notify&order_item_num=1&order_ticket=29b1c37d99ab48c5bd5bdaeaeaefbB37&order_time=2019-03-08 10:20:08&phone=17826894615&service_code=58621634&sign_type=RSA2&timestamp=2019-03-08 10:20:23&title=麦禾商城模版&total_price=0.00&version=1.0";

/** A7: its signature (verify with K3b). */
export const A7_SIGN = "MsK5SCw8oqLw4f0hiNSd5OVGXxBY3wnQeT8vn5PklJSZFWSZbK4hQbNvkp4ZezeXQH514cEv0ul6Qow8yh6e6yM06LfEL+EZjcpZ0nxzFGRNQ5qq2AUc1OaXQdk92AGvxh+Iq4NGpPQFBd4D8EBJa3NJd8+czMfQskceosOQFqUtLQMYa5DPs+VpN7VM5BdXjaVIuKn5d9Wm2B9dI9ObIM+YRySDkZZPv14DVmUvcrcqJfOR8aHvtSd7B4l92wUQPQgQKNcOQho7xOHS/Bk+Y74AZL2y7TkNmdDoq9OGsThuF5tDW9rI9nVwXxOtsuB+bstra+W7aw9x9DvkKgdSRw==";

/** A8: certificate SNs (issuer DN reversed + decimal serial, MD5). */
export const A8 = {
  appCertSn: '866efef280dec9137a87d047ac446315',
  appIssuerDn: 'CN=Ant Financial Certification Authority Class 1 R1,OU=Certification Authority,O=Ant Financial,C=CN',
  appSerial: '42701552708448241360226107228231049510',
  alipayCertSn: '7513daaaa48aa3ba2e4018d84402479c',
  rootSns: ['9e64d67d36446de33aae13a33a89e5a7', '687b59193f3f462dd5336e5abf83c5d8', '8af620707e5ddd8c7e76747e86a604dc', '02941eef3187dddf3d3b83462e1dfcf6'],
  rootCertSn: '687b59193f3f462dd5336e5abf83c5d8_02941eef3187dddf3d3b83462e1dfcf6',
  alipayCertPublicKey:
    'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAhoVesfcGvUv1XvUndmX0rmSZ/2posJBCooySbSVFpV79RtHMzrVz2aKkC3WvOXeT5iNeQK4mK8gp3vNkWrHTkQGx5BcmkeO1WS384CQde7dAS0gmxeFs5bs+cCQqV2A2c2R9/5rJMtFtp1Ot/rIiMBUn6Ei0UoztM7AneavqQEzSwYlCKNhPFFtHCiz7u4O5R9CIyvUmYr+zpem2HXBN9ygPAZ0aXBQipGbc45+G07ZCNsmY4hV/Igya1aBf+Ye8p10Ew8uBBri0sIknhSC2LqKKy2IH1fO6q1d1jhN240QRHvbpRNv60kAfZsEulBASBrCMBi49NiJyr5nre7SNywIDAQAB',
} as const;
