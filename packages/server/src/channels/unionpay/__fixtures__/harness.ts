/**
 * Test harness: a unionpay() channel on the sandbox TEST chain, initialised with a fixed clock and a fake HttpClient
 * that answers like the gateway (responses signed by signAsGateway). No network.
 */
import type { HttpRequest, HttpResponse } from '../../../http/client';
import { parseCertificate } from '../../../crypto/x509';
import { fromUtf8, utf8 } from '../../../internal/encoding';
import { testCrypto } from '../../../testing/crypto';
import type { ChannelContext } from '../../types';
import { unionpay, type UnionPayChannel } from '../index';
import type { UnionPayConfig } from '../config';
import { parseFormBody, type Fields } from '../params';
import { checkFieldsSignature } from '../sign';
import { SANDBOX_MERCHANT_CERT_PEM, SANDBOX_MERCHANT_PFX_BASE64, SANDBOX_MIDDLE_CERT_PEM, SANDBOX_ROOT_CERT_PEM } from './sandbox-chain';
import { responseText, signAsGateway } from './sign-as-gateway';

export const MER_ID = '777290058110048';
/** 2024-01-02 03:04:05 Beijing time. */
export const CLOCK = Date.parse('2024-01-01T19:04:05Z');

export const BASE_CONFIG: UnionPayConfig = {
  merId: MER_ID,
  signCert: { pfx: SANDBOX_MERCHANT_PFX_BASE64, passphrase: '000000' },
  rootCert: SANDBOX_ROOT_CERT_PEM,
  middleCert: SANDBOX_MIDDLE_CERT_PEM,
  environment: 'test',
};

/** What the fake gateway answers: fields to sign, or a raw response. */
export type GatewayAnswer = Fields | { status: number; text: string };

export interface Harness {
  channel: UnionPayChannel;
  requests: { url: string; fields: Fields }[];
  warnings: string[];
}

function httpResponse(status: number, text: string): HttpResponse {
  return { status, headers: { 'content-type': 'text/plain' }, bytes: utf8(text), text };
}

/** Build and init a channel whose gateway answers with `answer(request fields, url)`. */
export async function harness(
  answer: (fields: Fields, url: string) => GatewayAnswer | Promise<GatewayAnswer> = () => ({ respCode: '00' }),
  config: Partial<UnionPayConfig> = {},
  context: Partial<ChannelContext> = {},
): Promise<Harness> {
  const crypto = await testCrypto();
  const merchantKey = await crypto.importRsaPublicKey(parseCertificate(SANDBOX_MERCHANT_CERT_PEM, 'merchant').spki);
  const requests: Harness['requests'] = [];
  const warnings: string[] = [];
  const http = {
    async request(request: HttpRequest): Promise<HttpResponse> {
      const body = typeof request.body === 'string' ? request.body : fromUtf8(request.body ?? new Uint8Array());
      const fields = parseFormBody(body) ?? {};
      requests.push({ url: request.url, fields });
      if (!(await checkFieldsSignature(crypto, merchantKey, fields))) return httpResponse(200, responseText(await signAsGateway({ respCode: '11', respMsg: 'bad signature' })));
      const reply = await answer(fields, request.url);
      if ('status' in reply && typeof reply.status === 'number') return httpResponse(reply.status, String(reply.text));
      return httpResponse(200, responseText(await signAsGateway({ merId: MER_ID, ...(reply as Fields) })));
    },
  };
  const channel = unionpay({ ...BASE_CONFIG, ...config });
  await channel.init({
    crypto,
    http,
    clock: () => CLOCK,
    nonce: () => 'nonce',
    notifyUrl: 'https://merchant.example/pay/notify/unionpay',
    warn: (message) => warnings.push(message),
    ...context,
  });
  return { channel, requests, warnings };
}
