/**
 * Building the parameter set of a gateway request. Empty values are dropped here, before signing, so a parameter is
 * either signed and sent or neither (the Java SDK skips empties when signing; alipay-sdk signs and sends
 * `return_url=`, vector A4: we follow the gateway, never the divergence).
 * @see https://opendocs.alipay.com/common/02kf5q (common request parameters)
 */

/** Request parameters in insertion order (the order only shapes URLs; the signature sorts). */
export type AlipayParams = Record<string, string>;

/** Common parameters, in the order alipay-sdk writes them into a URL (vectors A1-A3 reproduce that order). */
export const SYSTEM_PARAMS = [
  'method',
  'app_id',
  'charset',
  'version',
  'sign_type',
  'timestamp',
  'notify_url',
  'return_url',
  'app_auth_token',
  'app_cert_sn',
  'alipay_root_cert_sn',
] as const;

export interface RequestParamsInput {
  method: string;
  appId: string;
  signType: 'RSA2' | 'RSA';
  timestamp: string;
  notifyUrl?: string;
  returnUrl?: string;
  appCertSn?: string;
  rootCertSn?: string;
  /** Business parameters: serialised to the `biz_content` JSON string exactly once. */
  bizContent?: Record<string, unknown>;
  /** Other non-system parameters, signed and sent like any other. */
  extra?: Record<string, string | undefined>;
}

function isPresent(value: string | undefined | null): value is string {
  return value !== undefined && value !== null && value !== '';
}

/** Drop `undefined`/empty members of a business object so that they are not serialised into `biz_content`. */
export function compactBiz(biz: Record<string, unknown>): Record<string, unknown> {
  const compact: Record<string, unknown> = {};
  for (const key of Object.keys(biz)) {
    const value = biz[key];
    if (value === undefined || value === null || value === '') continue;
    // defineProperty keeps a `__proto__` member as data, as Object.fromEntries did.
    if (key === '__proto__') Object.defineProperty(compact, key, { value, enumerable: true, writable: true, configurable: true });
    else compact[key] = value;
  }
  return compact;
}

/** The full, unsigned parameter set of a request: system parameters first, then `biz_content` and extras. */
export function buildRequestParams(input: RequestParamsInput): AlipayParams {
  const all: Record<string, string | undefined> = {
    method: input.method,
    app_id: input.appId,
    charset: 'utf-8',
    version: '1.0',
    sign_type: input.signType,
    timestamp: input.timestamp,
    notify_url: input.notifyUrl,
    return_url: input.returnUrl,
    app_cert_sn: input.appCertSn,
    alipay_root_cert_sn: input.rootCertSn,
    ...input.extra,
    biz_content: input.bizContent ? JSON.stringify(compactBiz(input.bizContent)) : undefined,
  };
  const params: AlipayParams = {};
  for (const key of Object.keys(all)) {
    const value = all[key];
    if (isPresent(value)) params[key] = value;
  }
  return params;
}

/** The common parameters and `sign`: everything else (biz_content, extras) is a business parameter. */
const SYSTEM_KEYS: ReadonlySet<string> = new Set<string>([...SYSTEM_PARAMS, 'sign']);

/** True for a common parameter or `sign`, false for a business parameter. */
export function isSystemParam(key: string): boolean {
  return SYSTEM_KEYS.has(key);
}

/** Split signed parameters into the common ones (with `sign`), in URL order, and the rest (biz_content...). */
export function splitSystemParams(signed: AlipayParams): { system: Array<[string, string]>; business: Array<[string, string]> } {
  const system: Array<[string, string]> = [];
  for (const key of SYSTEM_PARAMS) if (signed[key] !== undefined) system.push([key, signed[key]]);
  if (signed.sign !== undefined) system.push(['sign', signed.sign]);
  const business: Array<[string, string]> = [];
  for (const key of Object.keys(signed)) if (!SYSTEM_KEYS.has(key)) business.push([key, signed[key] as string]);
  return { system, business };
}
