/**
 * `pay.refunds`: refund (part of) a paid charge, and follow the refund to its final state. Paid means succeeded, or
 * closed/failed with a verified payment that arrived afterwards (lifecycle/apply.ts keepLatePayment).
 */
import { PayConnectionError, PayError, PayUnsupportedError, PayValidationError, type PaymentEvent, type Refund, validateRefundInput } from '@payweave/core';
import type { RefundResult } from '../channels/types';
import { newRefundId } from '../internal/random';
import type { Lifecycle } from '../lifecycle/apply';
import { assertRefundable } from '../lifecycle/refund-reservation';
import type { PaymentStore, StoredRefund } from '../lifecycle/store';
import { holdsPayment } from '../lifecycle/transitions';
import { isDeliveryDelay } from './charges';
import type { ChannelRegistry } from './registry';

export interface RefundsApi {
  create(input: unknown): Promise<Refund>;
  retrieve(refundNo: string, options?: { refresh?: boolean }): Promise<Refund>;
}

const toPublicRefund = ({ reason: _reason, channelData: _channelData, ...refund }: StoredRefund): Refund => refund;

export function createRefundsApi(registry: ChannelRegistry, store: PaymentStore, lifecycle: Lifecycle, now: () => number): RefundsApi {
  const iso = () => new Date(now()).toISOString();

  const settle = async (refund: StoredRefund, result: RefundResult): Promise<void> => {
    const keep: Partial<StoredRefund> = {
      ...(result.channelRefundNo ? { channelRefundNo: result.channelRefundNo } : {}),
      ...(result.channelData ? { channelData: { ...refund.channelData, ...result.channelData } } : {}),
    };
    if (Object.keys(keep).length > 0) await store.transitionRefund(refund.refundNo, ['pending'], 'pending', keep);
    if (result.status === 'pending') return;
    const charge = await store.getCharge(refund.orderNo);
    const event: PaymentEvent = {
      id: `${charge?.provider ?? 'unknown'}:refund:${refund.refundNo}`,
      type: `refund.${result.status}`,
      provider: charge?.provider ?? 'alipay',
      orderNo: refund.orderNo,
      refundNo: refund.refundNo,
      amount: refund.amount,
      currency: 'CNY',
      occurredAt: result.succeededAt ?? iso(),
      raw: result.raw,
    };
    const applied = await lifecycle.apply(event);
    if (applied.error && !isDeliveryDelay(applied.error)) throw applied.error;
  };

  const load = async (refundNo: unknown): Promise<StoredRefund> => {
    if (typeof refundNo !== 'string' || !refundNo) throw new PayValidationError('expected the refund number (a non-empty string)', [{ path: 'refundNo', message: 'expected a string' }]);
    const refund = await store.getRefund(refundNo);
    if (!refund) throw new PayError(`no refund with refundNo ${JSON.stringify(refundNo)}`, { code: 'REFUND_NOT_FOUND' });
    return refund;
  };

  return {
    async create(rawInput) {
      const input = validateRefundInput(rawInput);
      const charge = await store.getCharge(input.orderNo);
      if (!charge) throw new PayError(`no charge with orderNo ${JSON.stringify(input.orderNo)}`, { code: 'CHARGE_NOT_FOUND' });
      if (!holdsPayment(charge)) {
        throw new PayValidationError(`order ${input.orderNo} is ${charge.status} and was never paid; only a paid charge can be refunded`, [{ path: 'orderNo', message: 'not paid' }], {
          code: 'CHARGE_NOT_PAID',
        });
      }
      const existing = await store.getRefund(input.refundNo);
      if (existing) {
        if (existing.orderNo !== input.orderNo || existing.amount !== input.amount) {
          throw new PayValidationError(`refundNo ${input.refundNo} was used for another refund; use a new refundNo`, [{ path: 'refundNo', message: 'already used' }], { code: 'REFUND_CONFLICT' });
        }
        return toPublicRefund(existing); // idempotent retry of the same refund
      }
      assertRefundable(charge, charge.amountRefunded, input); // early answer; the store's reservation is the real check
      const channel = await registry.forChannel(charge.channel);
      if (!channel.createRefund) throw new PayUnsupportedError(`${charge.channel} cannot refund through payweave`, { channel: charge.channel });
      const refund: StoredRefund = { id: newRefundId(), refundNo: input.refundNo, orderNo: input.orderNo, amount: input.amount, currency: 'CNY', status: 'pending', createdAt: iso(), ...(input.reason ? { reason: input.reason } : {}) };
      if (!(await store.insertRefund(refund))) return toPublicRefund(await load(input.refundNo));
      let result: RefundResult;
      try {
        result = await channel.createRefund(charge, { refundNo: refund.refundNo, amount: refund.amount, reason: input.reason });
      } catch (error) {
        // Refused for sure (not a timeout or an unknown outcome): the refund failed and its reserved amount is free.
        if (PayError.isInstance(error) && !error.isRetryable && !PayConnectionError.isInstance(error)) {
          await store.transitionRefund(refund.refundNo, ['pending'], 'failed');
        }
        throw error;
      }
      await settle(refund, result);
      return toPublicRefund(await load(refund.refundNo));
    },

    async retrieve(refundNo, options) {
      const refund = await load(refundNo);
      if (!options?.refresh || refund.status !== 'pending') return toPublicRefund(refund);
      const charge = await store.getCharge(refund.orderNo);
      if (!charge) return toPublicRefund(refund);
      const channel = await registry.forChannel(charge.channel);
      if (!channel.queryRefund) return toPublicRefund(refund);
      await settle(refund, await channel.queryRefund(charge, { refundNo: refund.refundNo, amount: refund.amount, reason: refund.reason, channelData: refund.channelData }));
      return toPublicRefund(await load(refundNo));
    },
  };
}
