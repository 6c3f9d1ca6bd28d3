/**
 * Request plumbing: common fields -> sign -> HttpClient -> parse (brace-aware) -> verify the response signature.
 * Interpreting `respCode` is the caller's business (a query's 34 is not an error).
 */
import { PayError, PayGatewayError } from '@payweave/core';
import type { CryptoProvider, RsaPrivateKeyHandle } from '../../crypto/provider';
import type { HttpClient } from '../../http/client';
import type { ResolvedUnionPayConfig } from './config';
import { ACCESS_TYPE_MERCHANT, ACP_VERSION, SIGN_METHOD_RSA } from './constants';
import { classifyRespCode, gatewayError } from './errors';
import { encodeForm, parseResponseText, type Fields } from './params';
import { signFields, withoutBlankFields } from './sign';
import type { MessageVerifier } from './verify';

/** Everything an action needs, built once by `init`. */
export interface UnionPayContext {
  config: ResolvedUnionPayConfig;
  crypto: CryptoProvider;
  http: HttpClient;
  clock: () => number;
  notifyUrl?: string;
  signingKey: RsaPrivateKeyHandle;
  verify: MessageVerifier;
}

const REQUEST_TIMEOUT_MS = 30_000;

/** The fields every signed request starts with. */
export function commonFields(ctx: UnionPayContext): Fields {
  return {
    version: ACP_VERSION,
    encoding: 'UTF-8',
    signMethod: SIGN_METHOD_RSA,
    certId: ctx.config.certId,
    merId: ctx.config.merId,
    accessType: ACCESS_TYPE_MERCHANT,
  };
}

/** Drop blank fields, then add `signature`: the exact fields to send. */
export async function signRequest(ctx: UnionPayContext, fields: Fields): Promise<Fields> {
  const clean = withoutBlankFields(fields);
  return { ...clean, signature: await signFields(ctx.crypto, ctx.signingKey, clean) };
}

/** The notify URL UnionPay posts back notifications to; required for every transaction. */
export function backUrl(ctx: UnionPayContext): string {
  if (!ctx.notifyUrl) {
    throw new PayError('UnionPay needs a notify URL: set notifyUrl in unionpay({...}) or in createPayServer({ notifyUrl })', {
      code: 'NOTIFY_URL_MISSING',
      channel: 'unionpay',
    });
  }
  return ctx.notifyUrl;
}

/**
 * POST signed fields to a back-end endpoint and return the verified response fields. A non-200 status, an unreadable
 * body or a bad signature throws; an unsigned answer is only ever reported as a failure, never trusted as success.
 */
export async function callGateway(ctx: UnionPayContext, path: string, fields: Fields, action: string): Promise<Fields> {
  const body = encodeForm(await signRequest(ctx, fields));
  const response = await ctx.http.request({
    method: 'POST',
    url: `${ctx.config.baseUrl}${path}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body,
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
  if (response.status !== 200) {
    throw new PayGatewayError(`UnionPay ${action}: HTTP ${response.status} from the gateway`, {
      code: 'GATEWAY_HTTP_ERROR',
      channel: 'unionpay',
      statusCode: response.status,
      isRetryable: response.status >= 500 || response.status === 429,
    });
  }
  const parsed = parseResponseText(response.text);
  if (!parsed || parsed.respCode === undefined) {
    throw new PayGatewayError(`UnionPay ${action}: the gateway answered something that is not an ACP message`, {
      code: 'MALFORMED_RESPONSE',
      channel: 'unionpay',
      statusCode: response.status,
      isRetryable: true,
    });
  }
  if (parsed.signature === undefined && classifyRespCode(parsed.respCode) === 'failed') {
    // Format errors come back unsigned; they can only make us fail, never succeed.
    throw gatewayError(parsed, action, response.status);
  }
  const verified = await ctx.verify(parsed);
  if (verified.merId !== undefined && verified.merId !== ctx.config.merId) {
    throw new PayError(`UnionPay ${action}: the response is for another merchant id`, { code: 'MERCHANT_MISMATCH', channel: 'unionpay' });
  }
  return verified;
}
