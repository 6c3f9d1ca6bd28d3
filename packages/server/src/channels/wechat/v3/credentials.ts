/**
 * APIv3 client-side payment parameters: what the JSAPI bridge / mini-program / APP SDK needs to open the cashier,
 * with the merchant's second signature (SHA256withRSA, signType `RSA`).
 * @see https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/jsapi-transfer-payment.html
 * @see https://pay.weixin.qq.com/docs/merchant/apis/in-app-payment/app-transfer-payment.html
 */
import type { ChargeCredential } from '@payweave/core';
import type { CryptoProvider, RsaPrivateKeyHandle } from '../../../crypto/provider';
import { appPayMessage, jsapiPayMessage, rsaSignBase64 } from './sign';

/** Inputs shared by both second signatures; `timestamp` is Unix seconds as a string. */
export interface PayParamsInput {
  appId: string;
  prepayId: string;
  timestamp: string;
  nonceStr: string;
}

/** `WeixinJSBridge.invoke('getBrandWCPayRequest', ...)` / `wx.requestPayment(...)` parameters. */
export async function jsapiPayParams(
  crypto: CryptoProvider,
  key: RsaPrivateKeyHandle,
  channel: 'wechat_jsapi' | 'wechat_mini',
  input: PayParamsInput,
): Promise<Extract<ChargeCredential, { channel: 'wechat_jsapi' | 'wechat_mini' }>> {
  const packageValue = `prepay_id=${input.prepayId}`;
  const paySign = await rsaSignBase64(crypto, key, jsapiPayMessage(input.appId, input.timestamp, input.nonceStr, packageValue));
  return { channel, appId: input.appId, timeStamp: input.timestamp, nonceStr: input.nonceStr, package: packageValue, signType: 'RSA', paySign };
}

/** The APP SDK's `PayReq` fields (partnerId = mchid, package fixed to `Sign=WXPay`). */
export async function appPayParams(
  crypto: CryptoProvider,
  key: RsaPrivateKeyHandle,
  mchId: string,
  input: PayParamsInput,
): Promise<Extract<ChargeCredential, { channel: 'wechat_app' }>> {
  const sign = await rsaSignBase64(crypto, key, appPayMessage(input.appId, input.timestamp, input.nonceStr, input.prepayId));
  return {
    channel: 'wechat_app',
    appId: input.appId,
    partnerId: mchId,
    prepayId: input.prepayId,
    package: 'Sign=WXPay',
    nonceStr: input.nonceStr,
    timestamp: input.timestamp,
    sign,
  };
}
