/**
 * APIv2 unifiedorder for JSAPI / mini-program, NATIVE, APP and MWEB (H5), and the client credential for each.
 * @see https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_1
 */
import { PayConfigError, PayGatewayError, PayUnsupportedError } from '@payweave/core';
import { chinaCompact } from '../../../../internal/time';
import type { ChargeCreation, ChargeRequest } from '../../../types';
import { V2_PATHS } from '../../constants';
import { encodeAttach, V2_TRADE_TYPE } from '../../map';
import { businessError, callV2, isBusinessSuccess, v2ApiKey, type V2Client } from '../api';
import { appPayParamsV2, jsapiPayParamsV2 } from '../credentials';
import type { V2Fields } from '../sign';

/** The appid of a surface: the mini-program's for `wechat_mini`. */
export function v2AppId(client: Pick<V2Client, 'settings'>, channel: string): string {
  if (channel !== 'wechat_mini') return client.settings.appId;
  if (!client.settings.miniAppId) throw new PayConfigError('wechat_mini needs miniAppId (the mini-program appid) in wechat() config', { channel: 'wechat' });
  return client.settings.miniAppId;
}

/** The unifiedorder business fields for a charge (appid, mch_id, nonce and sign are added by `callV2`). */
export function unifiedorderFields(request: ChargeRequest, notifyUrl: string, tradeType: string): V2Fields {
  return {
    body: request.subject,
    attach: encodeAttach(request.metadata, 127),
    out_trade_no: request.orderNo,
    total_fee: String(request.amount),
    // Required by v2 for every trade type; server-initiated surfaces (NATIVE/APP) may have no payer IP.
    spbill_create_ip: request.clientIp ?? '127.0.0.1',
    time_expire: request.expiresAt ? chinaCompact(Date.parse(request.expiresAt)) : undefined,
    notify_url: notifyUrl,
    trade_type: tradeType,
    openid: tradeType === 'JSAPI' ? request.payer?.openId : undefined,
    product_id: tradeType === 'NATIVE' ? request.orderNo : undefined,
    scene_info: tradeType === 'MWEB' ? JSON.stringify({ h5_info: { type: 'Wap' } }) : undefined,
  };
}

function missing(field: string): PayGatewayError {
  return new PayGatewayError(`WeChat Pay v2 unifiedorder reply has no ${field}`, { channel: 'wechat', code: 'GATEWAY_RESPONSE_INVALID' });
}

/** Create the order and its client credential. */
export async function unifiedorderV2(client: V2Client, request: ChargeRequest, notifyUrl: string | undefined): Promise<ChargeCreation> {
  const { channel } = request;
  const tradeType = V2_TRADE_TYPE[channel];
  if (!tradeType) throw new PayUnsupportedError(`${channel} is not a unifiedorder surface`, { channel: 'wechat' });
  if (!notifyUrl) throw new PayConfigError('WeChat Pay needs a notify URL: set notifyUrl in wechat() or createPayServer()', { channel: 'wechat' });
  const appId = v2AppId(client, channel);
  const reply = await callV2(client, 'unifiedorder', V2_PATHS.unifiedorder, unifiedorderFields(request, notifyUrl, tradeType), appId);
  if (!isBusinessSuccess(reply)) throw businessError(reply, 'unifiedorder');
  const channelData = { api: 'v2' };
  if (channel === 'wechat_h5') {
    if (!reply.mweb_url) throw missing('mweb_url');
    const url = request.returnUrl ? `${reply.mweb_url}&redirect_url=${encodeURIComponent(request.returnUrl)}` : reply.mweb_url;
    return { credential: { channel, url }, channelData };
  }
  if (channel === 'wechat_native') {
    if (!reply.code_url) throw missing('code_url');
    return { credential: { channel, codeUrl: reply.code_url }, channelData };
  }
  if (!reply.prepay_id) throw missing('prepay_id');
  const { settings, crypto } = client;
  const input = { appId, prepayId: reply.prepay_id, timestamp: String(Math.floor(client.clock() / 1000)), nonceStr: client.nonce() };
  const credential =
    channel === 'wechat_app'
      ? await appPayParamsV2(crypto, v2ApiKey(client), settings.v2SignType, settings.mchId, input)
      : await jsapiPayParamsV2(crypto, v2ApiKey(client), settings.v2SignType, channel as 'wechat_jsapi' | 'wechat_mini', input);
  return { credential, channelData: { ...channelData, prepayId: reply.prepay_id } };
}
