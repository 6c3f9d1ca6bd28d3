/**
 * `alipay.trade.page.pay` (PC) and `alipay.trade.wap.pay` (mobile browser): no server call; the browser goes to the
 * gateway with the signed parameters, either by GET (everything in the URL) or by an auto-submitted POST form (the
 * common parameters in the form action, `biz_content` as a field). `pageMethod` in the config chooses; POST is the
 * default because long subjects can overflow URL limits. Vectors A2 (GET and POST) and A3.
 * @see https://opendocs.alipay.com/open/59da99d0_alipay.trade.page.pay
 * @see https://opendocs.alipay.com/open/29ae8cb6_alipay.trade.wap.pay
 */
import type { ChargeCreation, ChargeRequest } from '../../types';
import { signedParams } from '../api';
import { METHODS, PRODUCT_CODES } from '../constants';
import { splitSystemParams, type AlipayParams } from '../params';
import type { AlipayRuntime } from '../runtime';
import { chargeBiz } from './biz';

/** The browser credential for signed parameters: GET URL, or POST form action + fields. */
export function browserCredential(
  channel: 'alipay_page' | 'alipay_wap',
  gateway: string,
  signed: AlipayParams,
  method: 'GET' | 'POST',
): Extract<ChargeCreation['credential'], { channel: 'alipay_page' | 'alipay_wap' }> {
  const { system, business } = splitSystemParams(signed);
  // The action carries the common parameters form-encoded (space as '+'), as alipay-sdk writes them.
  const action = `${gateway}?${new URLSearchParams(system).toString()}`;
  if (method === 'POST') return { channel, method, url: action, fields: Object.fromEntries(business) };
  const rest = business.map(([key, value]) => `&${key}=${encodeURIComponent(value)}`).join('');
  return { channel, method, url: action + rest };
}

/** Credential of an `alipay_page` or `alipay_wap` charge. */
export async function createBrowserCharge(
  runtime: AlipayRuntime,
  request: ChargeRequest,
  channel: 'alipay_page' | 'alipay_wap',
): Promise<ChargeCreation> {
  const isPage = channel === 'alipay_page';
  const signed = await signedParams(runtime, {
    method: isPage ? METHODS.pagePay : METHODS.wapPay,
    bizContent: chargeBiz(request, isPage ? PRODUCT_CODES.page : PRODUCT_CODES.wap),
    withNotifyUrl: true,
    ...(request.returnUrl ? { returnUrl: request.returnUrl } : {}),
  });
  return { credential: browserCredential(channel, runtime.config.gateway, signed, runtime.config.pageMethod) };
}
