/**
 * One APIv3 call: serialise the body once, sign those exact bytes into `Authorization`, send through the
 * `HttpClient`, verify the reply's `Wechatpay-*` signature over the raw bytes (a 2xx without one is forged), then
 * parse. Error replies are verified too when signed; unsigned ones are reported but never acted on.
 * @see https://pay.weixin.qq.com/docs/merchant/development/interface-rules/introduction.html
 */
import { PayGatewayError, PaySignatureError } from '@payweave/core';
import type { CryptoProvider, RsaPrivateKeyHandle } from '../../../crypto/provider';
import type { HttpClient, HttpMethod, HttpResponse } from '../../../http/client';
import type { WechatSettings } from '../config';
import { wechatGatewayError } from '../errors';
import { signRequest } from './sign';
import { verifyWechatpaySignature, type PlatformKeyRing } from './verify';

/** Everything an APIv3 action needs. */
export interface V3Client {
  settings: WechatSettings;
  crypto: CryptoProvider;
  http: HttpClient;
  clock: () => number;
  nonce: () => string;
  signingKey: RsaPrivateKeyHandle;
  keys: PlatformKeyRing;
}

/** A verified APIv3 reply. */
export interface V3Reply {
  status: number;
  /** Parsed JSON body; undefined for an empty body (204). */
  data: unknown;
}

const USER_AGENT = 'payweave-server (+https://github.com/payweave/payweave)';

function parseJson(response: HttpResponse, action: string): unknown {
  if (response.bytes.length === 0) return undefined;
  try {
    return JSON.parse(response.text) as unknown;
  } catch (error) {
    throw new PayGatewayError(`WeChat Pay ${action}: the verified reply is not JSON`, {
      channel: 'wechat',
      code: 'GATEWAY_RESPONSE_INVALID',
      statusCode: response.status,
      cause: error,
    });
  }
}

function hasSignature(response: HttpResponse): boolean {
  return response.headers['wechatpay-signature'] !== undefined;
}

/**
 * Call `method path` with an optional JSON `body`. Resolves with the verified 2xx reply; throws `PaySignatureError`
 * for a reply that does not verify, `PayGatewayError` for a gateway error, `PayConnectionError` from the transport.
 */
export async function callV3(client: V3Client, action: string, method: HttpMethod, path: string, body?: unknown): Promise<V3Reply> {
  const { settings, crypto } = client;
  const text = body === undefined ? '' : JSON.stringify(body);
  const authorization = await signRequest(crypto, client.signingKey, {
    mchid: settings.mchId,
    serial: settings.certificateSerial as string,
    method,
    canonicalUrl: path,
    timestamp: String(Math.floor(client.clock() / 1000)),
    nonce: client.nonce(),
    body: text,
  });
  const headers: Record<string, string> = { Authorization: authorization, Accept: 'application/json', 'User-Agent': USER_AGENT };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  // While a merchant migrates from platform certificates to the WeChat Pay public key, WeChat signs each reply with
  // the key the request names here (a reply without it stays on the certificate), so a configured public key is
  // named on every request. https://pay.weixin.qq.com/doc/v3/merchant/4012153196 (微信支付公钥), and WeChat Pay's
  // answer at https://developers.weixin.qq.com/community/develop/doc/0000287571ca806b3c23d17ec66c00
  const publicKeyId = client.keys.serials().find((serial) => serial.startsWith('PUB_KEY_ID_'));
  if (publicKeyId !== undefined) headers['Wechatpay-Serial'] = publicKeyId;
  const response = await client.http.request({ method, url: `${settings.baseUrl}${path}`, headers, ...(body !== undefined && { body: text }) });
  const ok = response.status >= 200 && response.status < 300;
  if (ok || hasSignature(response)) {
    try {
      await verifyWechatpaySignature(crypto, client.keys, response.headers, response.bytes, client.clock());
    } catch (error) {
      if (!PaySignatureError.isInstance(error)) throw error;
      throw new PaySignatureError(`WeChat Pay ${action} reply rejected: ${error.message}`, { channel: 'wechat', code: error.code, cause: error });
    }
  }
  const requestId = response.headers['request-id'];
  if (ok) return { status: response.status, data: parseJson(response, action) };
  let failure: { code?: unknown; message?: unknown } = {};
  try {
    failure = (JSON.parse(response.text) ?? {}) as typeof failure;
  } catch {
    // a non-JSON error page (proxy, gateway outage): only the status is known
  }
  throw wechatGatewayError(
    {
      statusCode: response.status,
      ...(typeof failure.code === 'string' && { gatewayCode: failure.code }),
      ...(typeof failure.message === 'string' && { gatewayMessage: failure.message }),
      ...(requestId !== undefined && { requestId }),
      raw: response.text.slice(0, 2000),
      verified: hasSignature(response),
    },
    action,
  );
}
