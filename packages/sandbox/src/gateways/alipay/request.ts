/**
 * Reading a merchant request to gateway.do the way Alipay does: common parameters from the query string and the
 * form body, app id, sign type and charset checked, then the RSA2 signature over every non-empty parameter but
 * `sign` (sign_type included). A bad signature is `isv.invalid-signature`, quoting the string the gateway verified.
 * @see https://opendocs.alipay.com/common/02kf5q (公共请求参数)
 */
import { SANDBOX_APP_ID } from './keys';
import { merchantSignatureValid, requestContent, type AlipayFields } from './protocol';
import { AlipayRefusal } from './replies';

/** A verified request: its parameters and parsed `biz_content`. */
export interface AlipayRequest {
  method: string;
  params: AlipayFields;
  biz: Record<string, unknown>;
}

/** Parameters of a request: query string, then a form body (which Alipay reads as UTF-8). */
export async function requestParams(request: Request, url: URL): Promise<AlipayFields> {
  const params: AlipayFields = Object.fromEntries(url.searchParams);
  const type = request.headers.get('content-type') ?? '';
  if (request.method === 'POST' && (type === '' || type.includes('application/x-www-form-urlencoded'))) {
    for (const [key, value] of new URLSearchParams(await request.text())) params[key] = value;
  }
  return params;
}

function require(params: AlipayFields, name: string): string {
  const value = params[name];
  if (!value) throw new AlipayRefusal('40001', `isv.missing-${name.replace(/_/g, '-')}`, `缺少必选参数 ${name}`);
  return value;
}

/** Check and verify a request's common parameters and signature; throws `AlipayRefusal`. */
export async function verifyRequest(params: AlipayFields): Promise<AlipayRequest> {
  const method = require(params, 'method');
  if (require(params, 'app_id') !== SANDBOX_APP_ID) throw new AlipayRefusal('40002', 'isv.invalid-app-id', `无效的AppID参数 (the sandbox APPID is ${SANDBOX_APP_ID})`);
  if (require(params, 'sign_type') !== 'RSA2') throw new AlipayRefusal('40002', 'isv.invalid-signature-type', '无效签名类型 (the sandbox accepts RSA2)');
  if ((params.charset ?? 'utf-8').toLowerCase() !== 'utf-8') throw new AlipayRefusal('40002', 'isv.invalid-charset', '字符集错误 (the sandbox accepts utf-8)');
  if (!/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(require(params, 'timestamp'))) throw new AlipayRefusal('40002', 'isv.invalid-timestamp', '非法的时间戳参数');
  require(params, 'sign');
  if (!(await merchantSignatureValid(params))) {
    throw new AlipayRefusal('40002', 'isv.invalid-signature', `验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：${requestContent(params)}`);
  }
  let biz: unknown;
  try {
    biz = params.biz_content ? JSON.parse(params.biz_content) : {};
  } catch {
    throw new AlipayRefusal('40002', 'isv.invalid-parameter', 'biz_content 不是合法的 JSON');
  }
  if (typeof biz !== 'object' || biz === null || Array.isArray(biz)) throw new AlipayRefusal('40002', 'isv.invalid-parameter', 'biz_content 必须是 JSON 对象');
  return { method, params, biz: biz as Record<string, unknown> };
}

/** A string member of biz_content, required. */
export function bizString(biz: Record<string, unknown>, name: string): string {
  const value = biz[name];
  if (typeof value !== 'string' || value === '') throw new AlipayRefusal('40002', 'isv.missing-parameter', `缺少业务参数 ${name}`);
  return value;
}
