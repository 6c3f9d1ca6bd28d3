/**
 * The native bridges an app injects so that app channels can open the wallet SDK (React Native, Flutter WebView,
 * a hybrid shell). Each returns the SDK's raw result; the channel's launcher normalises it to a `LaunchResult`.
 * A wallet result is a hint only: the merchant server knows the verified outcome (`waitForResult`).
 */

/**
 * Alipay App SDK result (`payV2`/`pay`): `resultStatus` '9000' paid, '8000'/'6004' processing or unknown,
 * '6001' canceled by the payer, '6002' network error, '4000' failed.
 * @see https://opendocs.alipay.com/open/204/105301
 */
export interface AlipayBridgeResult {
  resultStatus: string;
  result?: string;
  memo?: string;
}

/** The WeChat OpenSDK `PayReq` fields, from the `wechat_app` credential (map them to your SDK wrapper's names). */
export interface WechatAppPayParams {
  appId: string;
  partnerId: string;
  prepayId: string;
  package: 'Sign=WXPay';
  nonceStr: string;
  timestamp: string;
  sign: string;
}

/**
 * WeChat OpenSDK `PayResp`: `errCode` 0 paid, -1 failed (often a signature or appid mismatch), -2 canceled.
 * @see https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_2_4.shtml
 */
export interface WechatBridgeResult {
  errCode: number | string;
  errStr?: string;
}

/** UnionPay mobile control result: `pay_result` 'success', 'fail' or 'cancel' (`data`/`sign` when successful). */
export interface UnionpayBridgeResult {
  payResult: 'success' | 'fail' | 'cancel' | (string & {});
  data?: string;
  sign?: string;
}

/** A StoreKit purchase request: the product, and the `appAccountToken` the server derived for the account. */
export interface AppleBridgeRequest {
  productId: string;
  appAccountToken?: string;
  quantity?: number;
}

/** A StoreKit purchase outcome; send `signedTransaction` to your server (`pay.apple.verifyTransaction`). */
export interface AppleBridgeResult {
  status: 'purchased' | 'canceled' | 'pending' | 'failed';
  signedTransaction?: string;
  message?: string;
}

/** The wallet SDK entry points a native app exposes to the client. Only those the app's channels need. */
export interface NativeBridges {
  /** Open the Alipay App SDK with the `alipay_app` credential's `orderString`. */
  alipay?(orderString: string): AlipayBridgeResult | Promise<AlipayBridgeResult>;
  /** Open WeChat with the `wechat_app` credential's parameters. */
  wechat?(params: WechatAppPayParams): WechatBridgeResult | Promise<WechatBridgeResult>;
  /** Start the UnionPay control with the transaction number and mode ('00' production, '01' test). */
  unionpay?(tn: string, mode: '00' | '01'): UnionpayBridgeResult | Promise<UnionpayBridgeResult>;
  /** Start a StoreKit purchase. */
  apple?(request: AppleBridgeRequest): AppleBridgeResult | Promise<AppleBridgeResult>;
}
