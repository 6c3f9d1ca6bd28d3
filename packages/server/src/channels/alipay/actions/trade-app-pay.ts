/**
 * `alipay.trade.app.pay`: no server call; the signed parameters are handed to the app as an order string, which the
 * Alipay app SDK passes to the wallet. Values are `encodeURIComponent`-encoded, `sign` last (vector A1).
 * @see https://opendocs.alipay.com/open/cd12c885_alipay.trade.app.pay
 */
import type { ChargeCreation, ChargeRequest } from '../../types';
import { signedParams } from '../api';
import { METHODS, PRODUCT_CODES } from '../constants';
import { splitSystemParams, type AlipayParams } from '../params';
import type { AlipayRuntime } from '../runtime';
import { chargeBiz } from './biz';

/** Serialise signed parameters as the app order string: common parameters, then the rest, then `sign`. */
export function toOrderString(signed: AlipayParams): string {
  const { system, business } = splitSystemParams(signed);
  const withoutSign = system.filter(([key]) => key !== 'sign');
  return [...withoutSign, ...business, ['sign', signed.sign ?? '']]
    .map(([key, value]) => `${key}=${encodeURIComponent(value as string)}`)
    .join('&');
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
