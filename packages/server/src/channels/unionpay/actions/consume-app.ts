/**
 * `unionpay_app`: consume through `appTransReq.do`; the verified answer carries the `tn` the app hands to the
 * UnionPay / Cloud QuickPass SDK, with mode `00` (production) or `01` (test).
 * @see https://open.unionpay.com/tjweb/acproduct/APIList?acpAPIId=765&apiservId=450 (手机控件支付 消费)
 */
import { PayGatewayError } from '@payweave/core';
import type { ChargeCreation, ChargeRequest } from '../../types';
import { callGateway, type UnionPayContext } from '../api';
import { APP_MODE, ENDPOINTS } from '../constants';
import { classifyRespCode, gatewayError } from '../errors';
import { consumeFields } from './consume-fields';

/** Ask UnionPay for a transaction number (`tn`) for an in-app payment. */
export async function createAppConsume(ctx: UnionPayContext, request: ChargeRequest): Promise<ChargeCreation> {
  const fields = consumeFields(ctx, request);
  const answer = await callGateway(ctx, ENDPOINTS.app, fields, 'app consume');
  if (classifyRespCode(answer.respCode) !== 'ok') throw gatewayError(answer, 'app consume');
  if (!answer.tn) {
    throw new PayGatewayError('UnionPay app consume: the verified answer has no tn', { code: 'MALFORMED_RESPONSE', channel: 'unionpay', raw: answer });
  }
  return {
    credential: { channel: 'unionpay_app', tn: answer.tn, mode: APP_MODE[ctx.config.environment] },
    channelData: { txnTime: fields.txnTime as string, channelType: fields.channelType as string },
  };
}
