/**
 * `alipay.trade.app.pay`: no server call; the signed parameters are handed to the app as an order string, which the
 * Alipay app SDK passes to the wallet. Values are `encodeURIComponent`-encoded, `sign` last (vector A1).
 * @see https://opendocs.alipay.com/open/cd12c885_alipay.trade.app.pay
 */
import type { ChargeCreation, ChargeRequest } from '../../types';
import { signedParams } from '../api';
import { METHODS, PRODUCT_CODES } from '../constants';
import { isSystemParam, SYSTEM_PARAMS, type AlipayParams } from '../params';
import type { AlipayRuntime } from '../runtime';
import { chargeBiz } from './biz';

/** Serialise signed parameters as the app order string: common parameters, then the rest, then `sign`. */
export function toOrderString(signed: AlipayParams): string {
  // splitSystemParams's order, written straight into the string (no [key, value] pairs: this runs once per checkout).
  let orderString = '';
  for (const key of SYSTEM_PARAMS) {
    const value = signed[key];
    if (value !== undefined) orderString += `${key}=${encodeURIComponent(value)}&`;
  }
  for (const key of Object.keys(signed)) {
    if (!isSystemParam(key)) orderString += `${key}=${encodeURIComponent(signed[key] as string)}&`;
  }
  return `${orderString}sign=${encodeURIComponent(signed.sign ?? '')}`;
}

/** Credential of an `alipay_app` charge. */
export async function createAppCharge(runtime: AlipayRuntime, request: ChargeRequest): Promise<ChargeCreation> {
  const signed = await signedParams(runtime, {
    method: METHODS.appPay,
    bizContent: chargeBiz(request, PRODUCT_CODES.app),
    withNotifyUrl: true,
  });
  return { credential: { channel: 'alipay_app', orderString: toOrderString(signed) } };
}
