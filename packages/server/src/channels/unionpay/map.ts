/**
 * UnionPay <-> payweave: txnTime, amounts (txnAmt is already in fen), statuses and surfaces.
 */
import type { ChannelId, ChargeStatus } from '@payweave/core';
import { chinaCompact, parseChinaTime } from '../../internal/time';
import { CHANNEL_TYPE, NOT_FOUND_RESP_CODE } from './constants';
import { classifyRespCode } from './errors';
import type { Fields } from './params';

/** `txnTime`: Beijing wall-clock `yyyyMMddHHmmss`, whatever the host's time zone. */
export function txnTimeAt(epochMs: number): string {
  return chinaCompact(epochMs);
}

/** `payTimeout` for an ISO `expiresAt`, in the same format as txnTime. */
export function payTimeoutFor(expiresAt: string | undefined): string | undefined {
  if (!expiresAt) return undefined;
  const ms = Date.parse(expiresAt);
  return Number.isNaN(ms) ? undefined : chinaCompact(ms);
}

/** ISO time of a txnTime, or undefined when it is not one. */
export function isoFromTxnTime(text: string | undefined): string | undefined {
  return parseChinaTime(text);
}

/** `txnAmt` (integer fen, no decimals) to minor units; undefined when absent or not such a number. */
export function amountFromTxnAmt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,15}$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** channelType: 07 for the PC cashier, 08 for mobile (WAP and app). */
export function channelTypeFor(channel: ChannelId): string {
  return channel === 'unionpay_page' ? CHANNEL_TYPE.pc : CHANNEL_TYPE.mobile;
}

/**
 * Charge status from a verified queryTrans answer. The query's own `respCode` says whether the query worked; the
 * original transaction's result is `origRespCode`. A front consume the payer has not submitted yet is "not found"
 * (34): still pending. Unknown codes (03/04/05) stay pending: query again later.
 */
export function chargeStatusFromQuery(fields: Fields): ChargeStatus | 'unknown' {
  const query = classifyRespCode(fields.respCode);
  if (fields.respCode === NOT_FOUND_RESP_CODE) return 'pending';
  if (query !== 'ok') return 'unknown';
  const original = classifyRespCode(fields.origRespCode);
  if (original === 'ok') return 'succeeded';
  if (original === 'unknown') return 'pending';
  return 'failed';
}
