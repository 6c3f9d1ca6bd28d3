/**
 * APIv2 micropay (付款码支付, `wechat_barcode`) with WeChat's recipe for an unsettled payment: on USERPAYING (the
 * payer is entering a password), a system error or a lost reply, query every few seconds; if the payment has not
 * succeeded when the time is up, reverse it so the payer is never charged for an order the merchant gave up on.
 * @see https://pay.weixin.qq.com/wiki/doc/api/micropay.php?chapter=9_10&index=1
 * @see https://pay.weixin.qq.com/wiki/doc/api/micropay.php?chapter=9_11&index=3 (reverse, mutual TLS)
 */
import { PayError } from '@payweave/core';
import type { ChargeCreation, ChargeRequest } from '../../../types';
import { chinaCompact } from '../../../../internal/time';
import { MICROPAY_POLL, V2_PATHS } from '../../constants';
import { chargeStatusOf, encodeAttach } from '../../map';
import { businessError, callV2, isBusinessSuccess, type V2Client } from '../api';
import { orderqueryFields, queryResultOf } from './orderquery';

/** Replies that leave the payment's outcome open: poll the order instead of failing. */
const UNSETTLED = new Set(['USERPAYING', 'SYSTEMERROR', 'BANKERROR']);

function settled(reply: Record<string, string>, orderNo: string): ChargeCreation {
  const result = queryResultOf(reply);
  return {
    credential: { channel: 'wechat_barcode' },
    status: result.status,
    ...(result.channelTradeNo && { channelTradeNo: result.channelTradeNo }),
    ...(result.paidAt && { paidAt: result.paidAt }),
    ...(result.amount !== undefined && { amount: result.amount }),
    channelData: { api: 'v2', orderNo },
  };
}

/** Reverse (撤销) an unsettled micropay order, retrying while WeChat answers `recall=Y`. */
export async function reverseV2(client: V2Client, orderNo: string): Promise<void> {
  for (let attempt = 0; attempt < MICROPAY_POLL.reverseAttempts; attempt++) {
    const reply = await callV2(client, 'reverse', V2_PATHS.reverse, { out_trade_no: orderNo });
    if (isBusinessSuccess(reply)) return;
    if (reply.recall !== 'Y') throw businessError(reply, 'reverse');
  }
  throw new PayError(`WeChat Pay kept asking to retry the reverse of ${orderNo}: check the order in the merchant platform`, {
    channel: 'wechat',
    code: 'REVERSE_INCOMPLETE',
    isRetryable: true,
  });
}

/** Poll until the order settles or the time is up, then reverse. */
async function pollOrReverse(client: V2Client, request: ChargeRequest): Promise<ChargeCreation> {
  const deadline = client.clock() + client.settings.polling.timeoutMs;
  const charge = { orderNo: request.orderNo, channel: request.channel };
  while (client.clock() < deadline) {
    await client.sleep(client.settings.polling.intervalMs);
    let reply: Record<string, string>;
    try {
      reply = await orderqueryFields(client, charge);
    } catch {
      // A failed query proves nothing either way (gateway busy, lost reply, an order WeChat has not recorded yet
      // because the micropay request itself was lost): keep polling, then reverse, which is safe in every state.
      continue;
    }
    // NOTPAY, USERPAYING and states added later are not final: only a settled state ends the wait before the reverse.
    if (chargeStatusOf(reply.trade_state) !== 'pending') return settled(reply, request.orderNo);
  }
  await reverseV2(client, request.orderNo);
  return { credential: { channel: 'wechat_barcode' }, status: 'closed', channelData: { api: 'v2', orderNo: request.orderNo } };
}

/** Charge the payer's payment code; resolves once the payment is settled (succeeded, failed or reversed). */
export async function micropayV2(client: V2Client, request: ChargeRequest): Promise<ChargeCreation> {
  let reply: Record<string, string>;
  try {
    reply = await callV2(client, 'micropay', V2_PATHS.micropay, {
      body: request.subject,
      attach: encodeAttach(request.metadata, 127),
      out_trade_no: request.orderNo,
      total_fee: String(request.amount),
      spbill_create_ip: request.clientIp ?? '127.0.0.1',
      time_expire: request.expiresAt ? chinaCompact(Date.parse(request.expiresAt)) : undefined,
      auth_code: request.payer?.authCode,
    });
  } catch (error) {
    // A lost or failed reply (timeout, HTTP 5xx) leaves the payment open exactly like SYSTEMERROR: query, then reverse.
    if (PayError.isInstance(error) && error.isRetryable) return pollOrReverse(client, request);
    throw error;
  }
  if (isBusinessSuccess(reply)) return settled({ ...reply, trade_state: 'SUCCESS' }, request.orderNo);
  if (reply.err_code && UNSETTLED.has(reply.err_code)) return pollOrReverse(client, request);
  throw businessError(reply, 'micropay');
}
