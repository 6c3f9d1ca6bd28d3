/**
 * `alipay.trade.precreate` (当面付 扫码): the gateway returns a `qr_code` URL the merchant shows; the payer scans it.
 * @see https://opendocs.alipay.com/open/8ad49e4a_alipay.trade.precreate
 */
import { PayGatewayError } from '@payweave/core';
import type { ChargeCreation, ChargeRequest } from '../../types';
import { callForSuccess } from '../api';
import { METHODS } from '../constants';
import type { AlipayRuntime } from '../runtime';
import { parseReply, PrecreateReplySchema } from '../schemas';
import { chargeBiz } from './biz';

/** Credential of an `alipay_qr` charge. */
export async function createQrCharge(runtime: AlipayRuntime, request: ChargeRequest): Promise<ChargeCreation> {
  const method = METHODS.precreate;
  const reply = parseReply(PrecreateReplySchema, await callForSuccess(runtime, { method, bizContent: chargeBiz(request), withNotifyUrl: true }), method);
  if (!reply.qr_code) {
    throw new PayGatewayError(`alipay ${method} succeeded without a qr_code`, { code: 'RESPONSE_MALFORMED', channel: 'alipay', raw: reply });
  }
  return { credential: { channel: 'alipay_qr', qrCode: reply.qr_code } };
}
