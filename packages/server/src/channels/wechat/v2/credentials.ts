/**
 * APIv2 client-side payment parameters with the merchant's second signature (MD5 or HMAC-SHA256 with the API key,
 * the same algorithm as the unifiedorder call).
 * @see https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=7_7&index=6 (JSAPI 调起支付)
 * @see https://pay.weixin.qq.com/wiki/doc/api/app/app.php?chapter=9_12&index=2 (APP 调起支付)
 */
import type { ChargeCredential } from '@payweave/core';
import type { CryptoProvider } from '../../../crypto/provider';
import { signV2, type V2SignType } from './sign';

export interface V2PayParamsInput {
  appId: string;
  prepayId: string;
  /** Unix seconds as a string. */
  timestamp: string;
  nonceStr: string;
}

/** JSAPI / mini-program: `{appId, timeStamp, nonceStr, package, signType}` signed into `paySign` (camelCase keys). */
export async function jsapiPayParamsV2(
  crypto: CryptoProvider,
  apiKey: string,
  signType: V2SignType,
  channel: 'wechat_jsapi' | 'wechat_mini',
  input: V2PayParamsInput,
): Promise<Extract<ChargeCredential, { channel: 'wechat_jsapi' | 'wechat_mini' }>> {
  const fields = { appId: input.appId, timeStamp: input.timestamp, nonceStr: input.nonceStr, package: `prepay_id=${input.prepayId}`, signType };
  return { channel, ...fields, paySign: await signV2(crypto, signType, fields, apiKey) };
}

/** APP: the six lowercase keys `{appid, partnerid, prepayid, package, noncestr, timestamp}` signed into `sign`. */
export async function appPayParamsV2(
  crypto: CryptoProvider,
  apiKey: string,
  signType: V2SignType,
  mchId: string,
  input: V2PayParamsInput,
): Promise<Extract<ChargeCredential, { channel: 'wechat_app' }>> {
  const signed = { appid: input.appId, partnerid: mchId, prepayid: input.prepayId, package: 'Sign=WXPay', noncestr: input.nonceStr, timestamp: input.timestamp };
  return {
    channel: 'wechat_app',
    appId: input.appId,
    partnerId: mchId,
    prepayId: input.prepayId,
    package: 'Sign=WXPay',
    nonceStr: input.nonceStr,
    timestamp: input.timestamp,
    sign: await signV2(crypto, signType, signed, apiKey),
  };
}
