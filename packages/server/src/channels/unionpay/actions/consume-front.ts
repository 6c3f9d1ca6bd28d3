/**
 * `unionpay_wap` / `unionpay_page`: the signed form the payer's browser POSTs to `frontTransReq.do`
 * (channelType 08 for WAP, 07 for PC). Nothing is sent from the server.
 * @see https://open.unionpay.com/tjweb/api/dictionary?apiSvcId=448
 */
import type { ChargeCreation, ChargeRequest } from '../../types';
import { signRequest, type UnionPayContext } from '../api';
import { ENDPOINTS } from '../constants';
import { consumeFields } from './consume-fields';

/** Build the auto-submitted form credential of a browser consume. */
export async function createFrontConsume(ctx: UnionPayContext, request: ChargeRequest): Promise<ChargeCreation> {
  const channel = request.channel;
  if (channel !== 'unionpay_wap' && channel !== 'unionpay_page') throw new TypeError('createFrontConsume serves unionpay_wap and unionpay_page');
  const fields = await signRequest(ctx, consumeFields(ctx, request));
  return {
    credential: { channel, method: 'POST', url: `${ctx.config.baseUrl}${ENDPOINTS.front}`, fields },
    channelData: { txnTime: fields.txnTime as string, channelType: fields.channelType as string },
  };
}
