/**
 * Verification of a synchronous gateway reply. Alipay signs the `<method>_response` (or `error_response`) value as the
 * exact bytes it sent, so the span is cut out of the raw body by a JSON scanner and verified before anything in it is
 * believed. Business outcomes must be signed; only pre-business rejections may come unsigned (errors.ts).
 * @see https://opendocs.alipay.com/common/02mse7 (同步验签)
 */
import { PayGatewayError, PaySignatureError } from '@payweave/core';
import { utf8 } from '../../internal/encoding';
import { scanTopLevel } from './json-span';
import type { AlipayRuntime } from './runtime';
import { verifyContent } from './sign';
import { UNSIGNED_ALLOWED_CODES } from './errors';

/** A verified reply: the parsed `*_response` object and its raw text. */
export interface GatewayReply {
  reply: Record<string, unknown>;
  /** The signed span exactly as received. */
  raw: string;
  /** HTTP status of the reply. */
  status: number;
}

function malformed(method: string, status: number, detail: string): PayGatewayError {
  return new PayGatewayError(`alipay ${method}: ${detail} (HTTP ${status})`, {
    code: 'RESPONSE_MALFORMED',
    channel: 'alipay',
    statusCode: status,
    isRetryable: status >= 500,
  });
}

/** The top-level key of a method's reply: `alipay.trade.query` -> `alipay_trade_query_response`. */
export function responseKey(method: string): string {
  return `${method.replace(/\./g, '_')}_response`;
}

/** Cut out, verify and parse the reply of `method` from a raw body. */
export async function verifyReply(runtime: AlipayRuntime, method: string, body: string, status: number): Promise<GatewayReply> {
  const spans = scanTopLevel(body);
  if (!spans) throw malformed(method, status, 'the reply is not a JSON object with unique keys');
  const span = spans.get(responseKey(method)) ?? spans.get('error_response');
  if (!span) throw malformed(method, status, `the reply has no ${responseKey(method)}`);
  const raw = body.slice(span.start, span.end);
  const reply = JSON.parse(raw) as unknown;
  if (typeof reply !== 'object' || reply === null || Array.isArray(reply)) {
    throw malformed(method, status, 'the reply value is not an object (encrypted replies are not supported)');
  }
  const record = reply as Record<string, unknown>;
  const signSpan = spans.get('sign');
  const sign = signSpan ? (JSON.parse(body.slice(signSpan.start, signSpan.end)) as unknown) : undefined;
  if (typeof sign !== 'string' || sign === '') {
    if (typeof record.code === 'string' && UNSIGNED_ALLOWED_CODES.has(record.code)) return { reply: record, raw, status };
    throw new PaySignatureError(`alipay ${method} reply is not signed: refusing to trust it`, { code: 'RESPONSE_UNSIGNED', channel: 'alipay' });
  }
  const certSnSpan = spans.get('alipay_cert_sn');
  checkCertSn(runtime, certSnSpan ? (JSON.parse(body.slice(certSnSpan.start, certSnSpan.end)) as unknown) : undefined);
  await verifyContent(runtime.crypto, runtime.alipayPublicKey, runtime.config.signType, utf8(raw), sign, `${method} reply`);
  return { reply: record, raw, status };
}

/** Certificate mode: the reply names the Alipay certificate it was signed with; it must be the configured one. */
function checkCertSn(runtime: AlipayRuntime, received: unknown): void {
  const expected = runtime.certSns?.alipay;
  if (!expected || received === undefined) return;
  if (received !== expected) {
    throw new PaySignatureError(
      `alipay signed this reply with certificate SN ${String(received).slice(0, 40)}, but the configured alipayPublicCert ` +
        `has SN ${expected}: Alipay has rotated its certificate; download the new alipayCertPublicKey_RSA2.crt from the ` +
        'open platform and configure it',
      { code: 'ALIPAY_CERT_SN_MISMATCH', channel: 'alipay' },
    );
  }
}
