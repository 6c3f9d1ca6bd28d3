/**
 * APIv3 prepay for the five client surfaces: JSAPI and mini-program (`prepay_id` + paySign), APP (`prepay_id` +
 * sign), H5 (`h5_url`, with `redirect_url` appended for the return) and Native (`code_url` for a QR code).
 * @see https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/direct-jsons/jsapi-prepay.html
 * @see https://pay.weixin.qq.com/docs/merchant/apis/h5-payment/direct-jsons/h5-prepay.html
 */
import { PayConfigError, PayGatewayError, PayUnsupportedError, type ChannelId } from '@payweave/core';
import type { ChargeCreation, ChargeRequest } from '../../../types';
import { chinaRfc3339 } from '../../../../internal/time';
import { V3_PATHS } from '../../constants';
import { encodeAttach } from '../../map';
import { parseReply, PrepayReplySchema } from '../../schemas';
import { callV3, type V3Client } from '../api';
import { appPayParams, jsapiPayParams } from '../credentials';

type PrepayChannel = keyof typeof V3_PATHS.prepay;

function isPrepayChannel(channel: ChannelId): channel is PrepayChannel {
  return Object.prototype.hasOwnProperty.call(V3_PATHS.prepay, channel);
}

/** The appid a surface pays under: the mini-program's own appid for `wechat_mini`. */
export function appIdFor(client: Pick<V3Client, 'settings'>, channel: ChannelId): string {
  if (channel !== 'wechat_mini') return client.settings.appId;
  const { miniAppId } = client.settings;
  if (!miniAppId) throw new PayConfigError('wechat_mini needs miniAppId (the mini-program appid) in wechat() config', { channel: 'wechat' });
  return miniAppId;
}

/** The prepay request body; key order follows the official examples (vector W9). */
export function prepayBody(client: Pick<V3Client, 'settings'>, request: ChargeRequest, notifyUrl: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    appid: appIdFor(client, request.channel),
    mchid: client.settings.mchId,
    description: request.subject,
    out_trade_no: request.orderNo,
  };
  if (request.expiresAt) body.time_expire = chinaRfc3339(Date.parse(request.expiresAt));
  const attach = encodeAttach(request.metadata, 128);
  if (attach) body.attach = attach;
  body.notify_url = notifyUrl;
  body.amount = { total: request.amount, currency: request.currency };
  if (request.channel === 'wechat_jsapi' || request.channel === 'wechat_mini') body.payer = { openid: request.payer?.openId };
  if (request.channel === 'wechat_h5') body.scene_info = { payer_client_ip: request.clientIp, h5_info: { type: 'Wap' } };
  else if (request.clientIp) body.scene_info = { payer_client_ip: request.clientIp };
  return body;
}

/** Create a prepay order and the client credential for it. */
export async function prepayV3(client: V3Client, request: ChargeRequest, notifyUrl: string | undefined): Promise<ChargeCreation> {
  const { channel } = request;
  if (!isPrepayChannel(channel)) throw new PayUnsupportedError(`${channel} is not an APIv3 prepay surface`, { channel: 'wechat' });
  if (!notifyUrl) {
    throw new PayConfigError('WeChat Pay APIv3 needs a notify URL: set notifyUrl in wechat() or createPayServer()', { channel: 'wechat' });
  }
  const reply = await callV3(client, 'prepay', 'POST', V3_PATHS.prepay[channel], prepayBody(client, request, notifyUrl));
  const data = parseReply(PrepayReplySchema, reply.data, 'prepay');
  const channelData = { api: 'v3' };
  if (channel === 'wechat_h5') {
    if (!data.h5_url) throw parseReplyMissing('h5_url');
    const url = request.returnUrl ? `${data.h5_url}&redirect_url=${encodeURIComponent(request.returnUrl)}` : data.h5_url;
    return { credential: { channel, url }, channelData };
  }
  if (channel === 'wechat_native') {
    if (!data.code_url) throw parseReplyMissing('code_url');
    return { credential: { channel, codeUrl: data.code_url }, channelData };
  }
  if (!data.prepay_id) throw parseReplyMissing('prepay_id');
  const params = { appId: appIdFor(client, channel), prepayId: data.prepay_id, timestamp: String(Math.floor(client.clock() / 1000)), nonceStr: client.nonce() };
  const credential =
    channel === 'wechat_app'
      ? await appPayParams(client.crypto, client.signingKey, client.settings.mchId, params)
      : await jsapiPayParams(client.crypto, client.signingKey, channel, params);
  return { credential, channelData: { ...channelData, prepayId: data.prepay_id } };
}

function parseReplyMissing(field: string): PayGatewayError {
  return new PayGatewayError(`WeChat Pay prepay reply has no ${field}`, { channel: 'wechat', code: 'GATEWAY_RESPONSE_INVALID' });
}
