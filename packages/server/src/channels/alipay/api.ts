/**
 * One gateway call: build the parameters, sign them, POST them through the `HttpClient` (common parameters in the
 * query string, `biz_content` in the form body, as the official SDKs send them), verify the reply, and turn a
 * failure `code` into a `PayGatewayError`.
 * @see https://opendocs.alipay.com/common/02kf5q (request structure)
 */
import { CODE_SUCCESS } from './constants';
import { gatewayError, type GatewayOutcome } from './errors';
import { buildRequestParams, splitSystemParams, type AlipayParams } from './params';
import { verifyReply, type GatewayReply } from './response';
import type { AlipayRuntime } from './runtime';
import { signParams } from './sign';
import { formatBeijingTime } from './time';

/** What a request adds to the common parameters. */
export interface RequestOptions {
  method: string;
  bizContent?: Record<string, unknown>;
  /** Sign the runtime's notify URL into the request (payment-creating methods). */
  withNotifyUrl?: boolean;
  returnUrl?: string;
}

/** Build and sign the full parameter set of a request, timestamped by the server clock in Beijing time. */
export function signedParams(runtime: AlipayRuntime, options: RequestOptions): Promise<AlipayParams> {
  const params = buildRequestParams({
    method: options.method,
    appId: runtime.config.appId,
    signType: runtime.config.signType,
    timestamp: formatBeijingTime(runtime.clock()),
    ...(options.withNotifyUrl && runtime.notifyUrl ? { notifyUrl: runtime.notifyUrl } : {}),
    ...(options.returnUrl ? { returnUrl: options.returnUrl } : {}),
    ...(runtime.certSns ? { appCertSn: runtime.certSns.app, rootCertSn: runtime.certSns.root } : {}),
    ...(options.bizContent ? { bizContent: options.bizContent } : {}),
  });
  return signParams(runtime.crypto, runtime.privateKey, params);
}

/** Call `method` and return its verified reply, whatever its `code` (callers that branch on codes use this). */
export async function callGateway(runtime: AlipayRuntime, options: RequestOptions): Promise<GatewayReply> {
  const signed = await signedParams(runtime, options);
  const { system, business } = splitSystemParams(signed);
  const response = await runtime.http.request({
    method: 'POST',
    url: `${runtime.config.gateway}?${new URLSearchParams(system).toString()}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', accept: 'application/json' },
    body: new URLSearchParams(business).toString(),
  });
  return verifyReply(runtime, options.method, response.text, response.status);
}

/** The outcome fields of a reply. */
export function outcomeOf(reply: Record<string, unknown>): GatewayOutcome {
  const pick = (key: string) => (typeof reply[key] === 'string' ? (reply[key] as string) : undefined);
  const outcome: GatewayOutcome = {};
  for (const key of ['code', 'msg', 'sub_code', 'sub_msg'] as const) {
    const value = pick(key);
    if (value !== undefined) outcome[key] = value;
  }
  return outcome;
}

/** Call `method` and return its reply when `code` is 10000; any other code is a `PayGatewayError`. */
export async function callForSuccess(runtime: AlipayRuntime, options: RequestOptions): Promise<Record<string, unknown>> {
  const { reply, status } = await callGateway(runtime, options);
  const outcome = outcomeOf(reply);
  if (outcome.code !== CODE_SUCCESS) throw gatewayError(options.method, outcome, reply, status);
  return reply;
}
