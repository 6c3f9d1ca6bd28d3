/**
 * Reply helpers of the emulated gateway.do: signed JSON replies, Alipay's business and parameter errors, and the
 * refusal a browser sees for a page/wap request the gateway rejects.
 * @see https://opendocs.alipay.com/common/02km9f (公共错误码)
 */
import { html, htmlResponse, page } from '../../html';
import { signedReplyBody } from './protocol';

/** A gateway-level or business refusal, answered in the method's reply format. */
export class AlipayRefusal extends Error {
  constructor(
    readonly code: '40002' | '40004' | '40001' | '20000',
    readonly subCode: string,
    readonly subMsg: string,
  ) {
    super(`${code} ${subCode}: ${subMsg}`);
  }
}

const MESSAGES: Record<AlipayRefusal['code'], string> = {
  '20000': 'Service Currently Unavailable',
  '40001': 'Missing Required Arguments',
  '40002': 'Invalid Arguments',
  '40004': 'Business Failed',
};

/** `alipay.trade.query` -> `alipay_trade_query_response`. */
export const responseKey = (method: string) => `${method.replace(/\./g, '_')}_response`;

/** A signed JSON reply for `method` (or `error_response` when the method itself is unknown). */
export async function reply(method: string | undefined, body: Record<string, unknown>): Promise<Response> {
  const text = await signedReplyBody(method ? responseKey(method) : 'error_response', body);
  return new Response(text, { status: 200, headers: { 'content-type': 'text/html;charset=utf-8' } });
}

/** The signed reply for a refusal. */
export function refusalReply(method: string | undefined, refusal: AlipayRefusal, extra: Record<string, unknown> = {}): Promise<Response> {
  return reply(method, { code: refusal.code, msg: MESSAGES[refusal.code], sub_code: refusal.subCode, sub_msg: refusal.subMsg, ...extra });
}

/** The page a browser sees when the gateway refuses a page/wap request. */
export function refusalPage(refusal: AlipayRefusal): Response {
  const body = html`<main><h1>Alipay sandbox refused the request</h1><p data-testid="sandbox-error" data-code="${refusal.subCode}">${refusal.subCode}: ${refusal.subMsg}</p></main>`;
  return htmlResponse(page({ title: 'Alipay sandbox error', body, accentColor: '#1677ff' }), 400);
}
