/**
 * One APIv2 call: add `appid`/`mch_id`/`nonce_str`/`sign_type`, sign, POST XML (with the merchant client
 * certificate for `/secapi/` endpoints), then check `return_code`, verify `sign` over every field received and check
 * that the reply names our app and merchant. `result_code` (the business outcome) is left to the action.
 * @see https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=4_2 (协议规则)
 */
import { PayConfigError, PayError, PayGatewayError } from '@payweave/core';
import type { CryptoProvider } from '../../../crypto/provider';
import type { HttpClient } from '../../../http/client';
import type { WechatSettings } from '../config';
import { wechatGatewayError } from '../errors';
import { signV2, verifyV2, type V2Fields } from './sign';
import { buildV2Xml, parseV2Xml } from './xml';

/** Everything an APIv2 action needs. */
export interface V2Client {
  settings: WechatSettings;
  crypto: CryptoProvider;
  http: HttpClient;
  clock: () => number;
  nonce: () => string;
  /** Waits between micropay polls (injected by tests). */
  sleep: (ms: number) => Promise<void>;
}

/** The APIv2 key, which every v2 call needs. */
export function v2ApiKey(client: Pick<V2Client, 'settings'>): string {
  const { apiKey } = client.settings;
  if (!apiKey) throw new PayConfigError('this WeChat Pay operation uses APIv2: set apiKey (the 32-character APIv2 key) in wechat()', { channel: 'wechat' });
  return apiKey;
}

/**
 * POST `fields` to `path` and return the verified reply fields. Throws `PayGatewayError` when `return_code` is not
 * SUCCESS (a communication error, unsigned), `PaySignatureError` when the reply's signature does not verify.
 */
export async function callV2(client: V2Client, action: string, path: string, fields: V2Fields, appId = client.settings.appId): Promise<Record<string, string>> {
  const { settings, crypto } = client;
  const apiKey = v2ApiKey(client);
  const mutualTls = path.startsWith('/secapi/');
  if (mutualTls && !settings.tls) {
    throw new PayConfigError(`WeChat Pay v2 ${action} needs the merchant API certificate: set clientCertificate in wechat()`, { channel: 'wechat' });
  }
  // Field order as in the official samples (vector W2); the signature itself sorts the keys.
  const request: V2Fields = { appid: appId, mch_id: settings.mchId, nonce_str: client.nonce(), ...fields, sign_type: settings.v2SignType };
  request.sign = await signV2(crypto, settings.v2SignType, request, apiKey);
  const response = await client.http.request({
    method: 'POST',
    url: `${settings.baseUrl}${path}`,
    headers: { 'Content-Type': 'text/xml; charset=utf-8', Accept: 'text/xml' },
    body: buildV2Xml(request),
    ...(mutualTls && settings.tls && { tls: settings.tls }),
  });
  if (response.status !== 200) {
    throw wechatGatewayError({ statusCode: response.status, raw: response.text.slice(0, 2000), verified: false }, `v2 ${action}`);
  }
  let reply: Record<string, string>;
  try {
    reply = parseV2Xml(response.bytes);
  } catch (error) {
    throw new PayGatewayError(`WeChat Pay v2 ${action} reply is not valid XML`, { channel: 'wechat', code: 'GATEWAY_RESPONSE_INVALID', cause: error });
  }
  if (reply.return_code !== 'SUCCESS') {
    throw wechatGatewayError({ statusCode: 200, gatewayCode: reply.return_code ?? 'FAIL', gatewayMessage: reply.return_msg, raw: reply, verified: false }, `v2 ${action}`);
  }
  await verifyV2(crypto, reply, apiKey);
  if ((reply.mch_id !== undefined && reply.mch_id !== settings.mchId) || (reply.appid !== undefined && reply.appid !== appId)) {
    throw new PayError(`WeChat Pay v2 ${action} reply names another merchant or app`, { channel: 'wechat', code: 'MERCHANT_MISMATCH' });
  }
  return reply;
}

/** True when the verified reply reports business success. */
export function isBusinessSuccess(reply: Record<string, string>): boolean {
  return reply.result_code === 'SUCCESS';
}

/** The `PayGatewayError` for a verified reply whose `result_code` is FAIL. */
export function businessError(reply: Record<string, string>, action: string): PayGatewayError {
  return wechatGatewayError({ statusCode: 200, gatewayCode: reply.err_code, gatewayMessage: reply.err_code_des, raw: reply, verified: true }, `v2 ${action}`);
}
