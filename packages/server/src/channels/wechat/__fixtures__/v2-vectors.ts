/**
 * TEST ONLY. WeChat Pay APIv2 vectors W1-W6 of shared/protocols/vectors.md (W1 is the official 安全规范 example;
 * W2-W6 were produced with wechatpay-axios-plugin 0.9.6 and checked independently with node:crypto).
 */

/** W1: the documentation's API key (also used by W2-W6). */
export const W1_KEY = '192006250b4c09247ec02edce69f6a2d';
/** W1: documentation example parameters. */
export const W1_PARAMS = { appid: 'wxd930ea5d5a258f4f', mch_id: '10000100', device_info: '1000', body: 'test', nonce_str: 'ibuaiVcKdpRxkhJA' };
export const W1_STRING_SIGN_TEMP = 'appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA&key=192006250b4c09247ec02edce69f6a2d';
export const W1_MD5 = '9A0A8659F005D6984697E2CA0A9CF3B7';
export const W1_HMAC = '6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6';

/** W2: unifiedorder request fields (without `sign`); `attach` is empty and so left out of the signature. */
export const W2_FIELDS: Record<string, string> = {
  "appid": "wxd930ea5d5a258f4f",
  "mch_id": "10000100",
  "nonce_str": "ibuaiVcKdpRxkhJA",
  "body": "腾讯充值中心-QQ会员充值",
  "out_trade_no": "20150806125346",
  "total_fee": "888",
  "spbill_create_ip": "123.12.12.123",
  "notify_url": "https://example.com/wxpay/notify",
  "trade_type": "JSAPI",
  "openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
  "sign_type": "MD5",
  "attach": ""
};
export const W2_SIGN_MD5 = "C0E837B66E5850517F4D3336CBAA0775";
export const W2_SIGN_HMAC = '01C393F92506BD93544B4E140D4497C682F8BDAEC1EB65461520657C4A5F680A';
/** W2: the plugin's XML serialisation (our builder omits the empty attach element). */
export const W2_XML = "<xml><appid>wxd930ea5d5a258f4f</appid><mch_id>10000100</mch_id><nonce_str>ibuaiVcKdpRxkhJA</nonce_str><body>腾讯充值中心-QQ会员充值</body><out_trade_no>20150806125346</out_trade_no><total_fee>888</total_fee><spbill_create_ip>123.12.12.123</spbill_create_ip><notify_url>https://example.com/wxpay/notify</notify_url><trade_type>JSAPI</trade_type><openid>oUpF8uMuAJO_M2pxb1Q9zNjWeS6o</openid><sign_type>MD5</sign_type><attach/><sign>C0E837B66E5850517F4D3336CBAA0775</sign></xml>";

/** W3: a signed payment notification (MD5, W1 key) and the acknowledgement. */
export const W3_NOTIFICATION_XML = "<xml><appid>wxd930ea5d5a258f4f</appid><bank_type>CFT</bank_type><cash_fee>888</cash_fee><fee_type>CNY</fee_type><is_subscribe>N</is_subscribe><mch_id>10000100</mch_id><nonce_str>5d2b6c2a8db53831f7eda20af46e531c</nonce_str><openid>oUpF8uMuAJO_M2pxb1Q9zNjWeS6o</openid><out_trade_no>20150806125346</out_trade_no><result_code>SUCCESS</result_code><return_code>SUCCESS</return_code><time_end>20150806125400</time_end><total_fee>888</total_fee><trade_type>JSAPI</trade_type><transaction_id>1004400740201409030005092168</transaction_id><sign>BC2BEB8A4E5A48F7B08ACF56FBFAEE2F</sign></xml>";
export const W3_ACK_XML = '<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>';

/** W4: JSAPI paySign (v2). */
export const W4_INPUT = { appId: 'wxd930ea5d5a258f4f', timeStamp: '1414561699', nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', package: 'prepay_id=wx201410272009395522657a690389285100' };
export const W4_PAYSIGN_MD5 = 'FD19D752A746E5F238A6E53BD99EEBD0';
export const W4_PAYSIGN_HMAC = 'FC7A79E4918B4FFA96E836F5AD4A510F31241FB46C14C971D6D7B4F8E15AF262';

/** W5: APP sign (v2, MD5). */
export const W5_INPUT = { appid: 'wxd930ea5d5a258f4f', partnerid: '10000100', prepayid: 'wx201410272009395522657a690389285100', package: 'Sign=WXPay', noncestr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', timestamp: '1414561699' };
export const W5_SIGN_MD5 = '1F88CC0F1B0560FF6D5EED1FBB7AE9C0';

/** W6: refund notification req_info (AES-256-ECB, key = md5(W1 key) as ASCII hex) and its exact plaintext. */
export const W6_AES_KEY_ASCII = 'd96eb16afdd491fa1e705096edbc2205';
export const W6_REQ_INFO = "4gS8kbcHysCW7bHqyEU0M4GTNkgJQP6/zKHbA/E3CvwLlNgCKUkGRy0OpONZjd4saggSnB6Fr7dHRYn6tvu8XDRU6t9IC3GuUKHs3SXmFKkm5cy3YR0oWIZFU4C5LV9LU7U3hwvUSZNx1QcFQXX9yZz68Wq8pwf/DeZ6iOXy/XRulylo75C7n0p3dMm/yJamZ44ir2iwWwEis3Tiif9Y6foLxrFA+fESQK1aH/OEZhIrJPIlnrtoxGJVJfoWAOYrC13a52BaR7CHKmNhAtw60n+XBUPLx5VzwpHKf3zZB1EpCngiVGcxmEAy3I59wotsScP4iaUeObWqPs7RYdQCiFQ9oRo4/c6bUWocW6HfOJGyWXj3VNfZtjTp1J6R05bP/1PCNV9FIMlt+owfcjTPO4pmRx0SpuKPy7j80APUCyC4g/0FU2ppbw/jN3faXAOV/1+Vl5vrDWxg2hiWm9JCttJ5kAHD/9XB6hfM0BH4iwf/Z/FZO+ECvO2A9buqnpCeOYWsOZNN1Z2Ow9kfJXhiDs/N0UICa2lodyl44nBrbP3amju/Zm6yyyFr74jl2GUsGO3PBrqfP1mbX96WiG09BcjQp1PAw40kfw32o7LW8ZT7DakPEGf0Khhuy+xbdusziU/CihrSEIUJP2qlK2/WrM3MtKE7qMqGBMDTG/n/BB1B82zfpNEh1py0CKTS+ezCKQp4IlRnMZhAMtyOfcKLbMEwOF1u3TdfNh+GSXPbEdydvKTcrMddQ5bbUosAT0d+dcPSPlM8Ckq6OPWJfyaySg8x1PM39psr2UqhJGFQ/kcDLzCYt1gVX+qjOdMC0v0IBG+YszRCIvJkNGues9wip94bkBWQeHdtuES+XZS9wIR0jwIA5G+mJJD3tRW/JpCXeIVgW84XStyaniaekKdo/Q6lkmNwtztmzB0Ub6ct/rQPMdTzN/abK9lKoSRhUP5Hq3yjxpWFegmV3TtECOaAtSj8cubVTONJL2m2vzF7RpOCXbPq7TuRyVqYF1fTBJH50z8YV7B5zZ5f1JU2tCMvRaIe1jZ0yyZLytG/dONZ+ee7rjV3lKvcHiHEASz1EtvM";
export const W6_PLAINTEXT = "<root>\n<out_refund_no><![CDATA[131811191610442717309]]></out_refund_no>\n<out_trade_no><![CDATA[71106718111915575302817]]></out_trade_no>\n<refund_account><![CDATA[REFUND_SOURCE_RECHARGE_FUNDS]]></refund_account>\n<refund_fee><![CDATA[3960]]></refund_fee>\n<refund_id><![CDATA[50000408942018111907145868882]]></refund_id>\n<refund_recv_accout><![CDATA[支付用户零钱]]></refund_recv_accout>\n<refund_request_source><![CDATA[API]]></refund_request_source>\n<refund_status><![CDATA[SUCCESS]]></refund_status>\n<settlement_refund_fee><![CDATA[3960]]></settlement_refund_fee>\n<settlement_total_fee><![CDATA[3960]]></settlement_total_fee>\n<success_time><![CDATA[2018-11-19 16:24:13]]></success_time>\n<total_fee><![CDATA[3960]]></total_fee>\n<transaction_id><![CDATA[4200000215201811190261405420]]></transaction_id>\n</root>";
/** W6 extra (wechatpay-php AesEcbTest): 'hello' under ASCII key 0123456789abcdef0123456789abcdef. */
export const W6_EXTRA = { key: '0123456789abcdef0123456789abcdef', plaintext: 'hello', ciphertext: 'pZwJZBLuy3mDACEQT4YTBw==' };
