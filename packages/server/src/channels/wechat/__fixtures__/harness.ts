/**
 * TEST ONLY: a scripted WeChat Pay gateway behind a fake `HttpClient`, signing its APIv3 replies with K5 as the
 * platform key (serial F5765756002FDD77) and its APIv2 replies with the W1 API key, plus a `ChannelContext`.
 */
import { parseRsaPrivateKey } from '../../../crypto/keys';
import type { CryptoProvider } from '../../../crypto/provider';
import type { HttpClient, HttpRequest, HttpResponse } from '../../../http/client';
import { fromUtf8, toBase64, utf8 } from '../../../internal/encoding';
import type { ChannelContext } from '../../types';
import { signV2 } from '../v2/sign';
import { buildV2Xml } from '../v2/xml';
import { responseMessage } from '../v3/verify';
import { K5_CERT_F576, K5_PRIVATE_KEY } from './k5';
import { W1_KEY } from './v2-vectors';

/** How the scripted gateway answers one request. */
export interface ScriptedReply {
  status?: number;
  /** JSON object (serialised), raw string, or v2 fields (set `v2: true`). */
  body?: unknown;
  v2?: boolean;
  /** false: send no signature headers. */
  sign?: boolean;
  serial?: string;
  /** Seconds to shift Wechatpay-Timestamp by. */
  skew?: number;
  /** Replace the signature with this text. */
  signature?: string;
}

export interface FakeGateway {
  http: HttpClient;
  requests: HttpRequest[];
  /** Queue the next replies (consumed in order). */
  reply(...replies: ScriptedReply[]): void;
}

/** The v3 base config used by the channel tests (the W8-W11 merchant). */
export const V3_CONFIG = {
  mchId: '1900009191',
  appId: 'wxd930ea5d5a258f4f',
  privateKey: K5_PRIVATE_KEY,
  certificateSerial: 'F5765756002FDD77',
  apiV3Key: 'abcdefghijklmnopqrstuvwxyz012345',
  platformKeys: { F5765756002FDD77: K5_CERT_F576 },
  notifyUrl: 'https://www.weixin.qq.com/wxpay/pay.php',
};

/** A fake gateway whose clock is `clock()` (ms). */
export function fakeGateway(crypto: CryptoProvider, clock: () => number): FakeGateway {
  const requests: HttpRequest[] = [];
  const queue: ScriptedReply[] = [];
  const keyPromise = crypto.importRsaPrivateKey(parseRsaPrivateKey(K5_PRIVATE_KEY, 'K5').pkcs8);
  return {
    requests,
    reply: (...replies) => queue.push(...replies),
    http: {
      async request(request) {
        requests.push(request);
        const next = queue.shift();
        if (!next) throw new Error(`unscripted request ${request.method} ${request.url}`);
        let text: string;
        if (next.v2) {
          const fields = { ...(next.body as Record<string, string>) };
          if (next.sign !== false && fields.return_code === 'SUCCESS') fields.sign = await signV2(crypto, 'MD5', fields, W1_KEY);
          text = buildV2Xml(fields);
        } else {
          text = next.body === undefined ? '' : typeof next.body === 'string' ? next.body : JSON.stringify(next.body);
        }
        const headers: Record<string, string> = { 'content-type': next.v2 ? 'text/xml' : 'application/json', 'request-id': 'req-1' };
        if (!next.v2 && next.sign !== false) {
          const timestamp = String(Math.floor(clock() / 1000) + (next.skew ?? 0));
          const nonce = 'c5ac7061fccab6bf3e254dcf98995b8c';
          const signature = toBase64(await crypto.rsaSign('SHA-256', await keyPromise, responseMessage(timestamp, nonce, utf8(text))));
          Object.assign(headers, {
            'wechatpay-timestamp': timestamp,
            'wechatpay-nonce': nonce,
            'wechatpay-serial': next.serial ?? 'F5765756002FDD77',
            'wechatpay-signature': next.signature ?? signature,
          });
        }
        const bytes = utf8(text);
        return { status: next.status ?? 200, headers, bytes, text: fromUtf8(bytes) } satisfies HttpResponse;
      },
    },
  };
}

/** A `ChannelContext` over the fake gateway with a fixed clock and nonce. */
export function testContext(crypto: CryptoProvider, http: HttpClient, clock: () => number, warnings: string[] = [], nonce = '593BEC0C930BF1AFEB40B4A08C8FB242'): ChannelContext {
  return { crypto, http, clock, nonce: () => nonce, warn: (message) => warnings.push(message) };
}

/** The v2 config used by the channel tests (the W1-W6 merchant). */
export const V2_CONFIG = {
  apiVersion: 'v2' as const,
  mchId: '10000100',
  appId: 'wxd930ea5d5a258f4f',
  apiKey: W1_KEY,
  notifyUrl: 'https://example.com/wxpay/notify',
};

/** The body a request sent, as text. */
export function sentBody(request: HttpRequest | undefined): string {
  const body = request?.body;
  return body === undefined ? '' : typeof body === 'string' ? body : fromUtf8(body);
}

/** A notification signed with K5 (serial F5765756002FDD77) whose resource is encrypted with `apiV3Key`. */
export async function signedNotification(
  crypto: CryptoProvider,
  input: { eventType: string; resource: unknown; timestamp: number; apiV3Key: string; id?: string },
): Promise<{ body: string; headers: Record<string, string> }> {
  const { encryptResource } = await import('../v3/aead');
  const resource = await encryptResource(crypto, utf8(input.apiV3Key), JSON.stringify(input.resource), 'fdasflkja484', 'transaction');
  const body = JSON.stringify({ id: input.id ?? 'EV-1', create_time: '2024-01-02T10:00:05+08:00', resource_type: 'encrypt-resource', event_type: input.eventType, summary: 's', resource: { original_type: 'transaction', ...resource } });
  const key = await crypto.importRsaPrivateKey(parseRsaPrivateKey(K5_PRIVATE_KEY, 'K5').pkcs8);
  const timestamp = String(input.timestamp);
  const nonce = 'fdasfjihihihlkja484w';
  const signature = toBase64(await crypto.rsaSign('SHA-256', key, responseMessage(timestamp, nonce, utf8(body))));
  return { body, headers: { 'Wechatpay-Timestamp': timestamp, 'Wechatpay-Nonce': nonce, 'Wechatpay-Serial': 'F5765756002FDD77', 'Wechatpay-Signature': signature } };
}
