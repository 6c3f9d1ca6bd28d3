/**
 * Asynchronous notifications (notify_url) and browser returns (return_url): decode the form once in the message's
 * charset, verify the RSA signature with the rule the message type calls for, check that the message is for this app
 * (and seller), then normalise it to a `PaymentEvent`.
 * @see https://opendocs.alipay.com/open/270/105902 (异步通知: parameters, verification, "success" acknowledgement)
 * @see https://opendocs.alipay.com/common/02mse7 (验签: notifications drop sign and sign_type)
 */
import { PayError, PaySignatureError, PayUnsupportedError, PayValidationError, type ChargeStatus } from '@payweave/core';
import type { RawNotification, VerifiedNotification } from '../types';
import { TRADE_STATUS_SYNC } from './constants';
import { parseForm, requireField, type FormFields, type ParsedForm } from './form';
import { toTradeEvent } from './notify-event';
import type { AlipayRuntime } from './runtime';
import { receivedSignData, verifyContentThen, type ReceivedSignRule } from './sign';

/**
 * `trade_status_sync` is signed without `sign` and `sign_type` (vector A6); other open-platform messages
 * (`servicemarket_order_notify`...) with `sign_type` kept (vector A7). Decided by the message type alone.
 */
export function signRuleFor(notifyType: string): ReceivedSignRule {
  return notifyType === TRADE_STATUS_SYNC ? 'without-sign-type' : 'with-sign-type';
}

/**
 * Verify the signature of a decoded message under `rule`, then (only if it matched) return `onVerified()`; rejects
 * with `PaySignatureError`.
 */
export function verifyForm<T>(runtime: AlipayRuntime, form: ParsedForm, rule: ReceivedSignRule, what: string, onVerified: () => T): Promise<T> {
  const { fields } = form;
  const signType = fields.get('sign_type') || runtime.config.signType;
  // The sign type is not always signed itself: accept only the configured one, never a downgrade chosen by the sender.
  if (signType !== runtime.config.signType) {
    const message = `alipay ${what} uses sign_type ${signType.slice(0, 10)}, but this channel is configured for ${runtime.config.signType}`;
    return Promise.reject(new PaySignatureError(message, { channel: 'alipay' }));
  }
  const { crypto, alipayPublicKey, config } = runtime;
  return verifyContentThen(crypto, alipayPublicKey, config.signType, receivedSignData(form, rule), fields.get('sign'), what, onVerified);
}

/** The message must be for this app (and this seller, when configured). */
export function checkMerchant(runtime: AlipayRuntime, fields: FormFields, what: string): void {
  const appId = fields.get('app_id');
  if (appId !== runtime.config.appId) {
    throw new PayError(`alipay ${what} is for app ${String(appId).slice(0, 32)}, not this channel's appId: refusing it`, {
      code: 'MERCHANT_MISMATCH',
      channel: 'alipay',
    });
  }
  const sellerId = fields.get('seller_id');
  if (runtime.config.sellerId && sellerId !== runtime.config.sellerId) {
    throw new PayError(`alipay ${what} is for seller ${String(sellerId).slice(0, 32)}, not the configured sellerId: refusing it`, {
      code: 'MERCHANT_MISMATCH',
      channel: 'alipay',
    });
  }
}

const nothing = (): void => undefined;

function bodyOf(request: RawNotification, what: string): string | Uint8Array {
  const { body } = request ?? {};
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  throw new PayValidationError(
    `alipay ${what}: pass the raw request body (string or Uint8Array), not a parsed object: the signature covers the exact values`,
    [{ path: 'body', message: 'expected string | Uint8Array' }],
    { code: 'RAW_BODY_REQUIRED', channel: 'alipay' },
  );
}

/**
 * Verify an Alipay notification and turn it into a payment event. Not `async` (one promise hop after the provider's,
 * not two): anything thrown before the verification is returned as a rejection, as an `async` function would.
 */
export function verifyNotification(runtime: AlipayRuntime, request: RawNotification): Promise<VerifiedNotification> {
  try {
    const form = parseForm(bodyOf(request, 'notification'));
    const notifyType = requireField(form.fields, 'notify_type', 'notification');
    return verifyForm(runtime, form, signRuleFor(notifyType), 'notification', () => verifiedNotification(runtime, form.fields, notifyType));
  } catch (error) {
    return Promise.reject(error);
  }
}

/** What a notification whose signature matched means: checked against this merchant, then mapped to an event. */
function verifiedNotification(runtime: AlipayRuntime, fields: FormFields, notifyType: string): VerifiedNotification {
  checkMerchant(runtime, fields, 'notification');
  if (notifyType !== TRADE_STATUS_SYNC) {
    throw new PayUnsupportedError(`alipay ${notifyType.slice(0, 40)} notifications are verified but not handled by payweave`, {
      code: 'NOTIFICATION_IGNORED',
      channel: 'alipay',
    });
  }
  return { event: toTradeEvent(fields) };
}

/** The query string of a return URL, or a POSTed form body. */
function returnParams(request: RawNotification): string | Uint8Array {
  const url = request?.url;
  if (typeof url === 'string' && url.includes('?')) return url.slice(url.indexOf('?') + 1).replace(/#.*$/, '');
  return bodyOf(request, 'return');
}

/**
 * Verify a browser return (`return_url`): signed like a payment notification, without `sign_type`. A signed return
 * says the payer finished the cashier flow: a hint that the charge succeeded, never proof (wait for the notification
 * or query).
 */
export async function verifyReturn(runtime: AlipayRuntime, request: RawNotification): Promise<{ orderNo: string; hint: ChargeStatus }> {
  const form = parseForm(returnParams(request));
  const { fields } = form;
  await verifyForm(runtime, form, 'without-sign-type', 'return', nothing);
  checkMerchant(runtime, fields, 'return');
  return { orderNo: requireField(fields, 'out_trade_no', 'return'), hint: 'succeeded' };
}
