/** `pay.charges`: create, retrieve (with the re-query fallback) and close charges. */
import { type Charge, PayError, PayUnsupportedError, PayValidationError, type PaymentEvent, validateChargeInput } from '@payweave/core';
import type { StoredCharge } from '../channels/types';
import { newChargeId } from '../internal/random';
import type { Lifecycle } from '../lifecycle/apply';
import type { PaymentStore } from '../lifecycle/store';
import { toPublicCharge } from '../lifecycle/transitions';
import type { ChannelRegistry } from './registry';

/**
 * The state changed, but its onEvent has not completed yet (it failed, or another process is running it): not the
 * caller's error. `reconcilePending` runs a failed onEvent again.
 */
export const isDeliveryDelay = (error: PayError): boolean => error.code === 'ON_EVENT_FAILED' || error.code === 'EVENT_IN_PROGRESS';

export interface ChargesApi {
  create(input: unknown): Promise<Charge>;
  retrieve(orderNo: string, options?: { refresh?: boolean }): Promise<Charge>;
  close(orderNo: string): Promise<Charge>;
}

export function createChargesApi(registry: ChannelRegistry, store: PaymentStore, lifecycle: Lifecycle, now: () => number): ChargesApi {
  const iso = () => new Date(now()).toISOString();

  const load = async (orderNo: unknown): Promise<StoredCharge> => {
    if (typeof orderNo !== 'string' || orderNo.length === 0) {
      throw new PayValidationError('expected the merchant order number (a non-empty string)', [{ path: 'orderNo', message: 'expected a string' }]);
    }
    const charge = await store.getCharge(orderNo);
    if (!charge) throw new PayError(`no charge with orderNo ${JSON.stringify(orderNo)}: create it with pay.charges.create first`, { code: 'CHARGE_NOT_FOUND' });
    return charge;
  };

  /** Ask the gateway and apply what it says through the same lifecycle as a notification. */
  const refresh = async (charge: StoredCharge): Promise<StoredCharge> => {
    const channel = await registry.forChannel(charge.channel);
    if (!channel.queryCharge) return charge;
    const result = await channel.queryCharge(charge);
    if (result.status === 'pending' || result.status === charge.status) return (await store.getCharge(charge.orderNo)) ?? charge;
    const event: PaymentEvent = {
      id: `${charge.provider}:query:${charge.orderNo}:${result.status}`,
      type: `charge.${result.status}`,
      provider: charge.provider,
      orderNo: charge.orderNo,
      channelTradeNo: result.channelTradeNo,
      amount: result.amount,
      currency: 'CNY',
      occurredAt: result.paidAt ?? iso(),
      raw: result.raw,
    };
    const applied = await lifecycle.apply(event);
    if (applied.error && !isDeliveryDelay(applied.error)) throw applied.error;
    return (await store.getCharge(charge.orderNo)) ?? charge;
  };

  return {
    async create(rawInput) {
      const input = validateChargeInput(rawInput);
      const channel = await registry.forChannel(input.channel);
      if (!channel.createCharge) throw new PayUnsupportedError(`${input.channel} cannot create charges`, { channel: input.channel });
      const existing = await store.getCharge(input.orderNo);
      if (existing) {
        if (existing.status !== 'pending') {
          throw new PayValidationError(`order ${input.orderNo} is already ${existing.status}; use a new orderNo for a new payment`, [{ path: 'orderNo', message: 'order is final' }], { code: 'ORDER_FINAL' });
        }
        if (existing.amount !== input.amount || existing.channel !== input.channel) {
          throw new PayValidationError(
            `order ${input.orderNo} exists with ${existing.channel} for ${existing.amount} fen; close it (pay.charges.close) or use a new orderNo to change channel or amount`,
            [{ path: 'orderNo', message: 'order exists with other terms' }],
            { code: 'ORDER_CONFLICT' },
          );
        }
      }
      const chargeId = existing?.id ?? newChargeId();
      const created = await channel.createCharge({ ...input, chargeId });
      if (existing) {
        const updated = await store.updatePendingCharge(input.orderNo, { credential: created.credential, channelData: created.channelData, channelTradeNo: created.channelTradeNo });
        return toPublicCharge(updated ?? (await load(input.orderNo)));
      }
      const charge: StoredCharge = {
        id: chargeId,
        orderNo: input.orderNo,
        channel: input.channel,
        provider: channel.provider as StoredCharge['provider'],
        amount: input.amount,
        currency: 'CNY',
        subject: input.subject,
        status: 'pending',
        amountRefunded: 0,
        createdAt: iso(),
        livemode: channel.livemode,
        credential: created.credential,
        ...(created.channelTradeNo ? { channelTradeNo: created.channelTradeNo } : {}),
        ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
        ...(input.metadata ? { metadata: input.metadata } : {}),
        ...(created.channelData ? { channelData: created.channelData } : {}),
      };
      if (!(await store.insertCharge(charge))) return toPublicCharge(await load(input.orderNo)); // lost a creation race
      if (created.status && created.status !== 'pending') {
        // Settled synchronously (barcode): the verified gateway answer drives the same transition as a notification.
        await lifecycle.apply({
          id: `${charge.provider}:create:${charge.orderNo}:${created.status}`,
          type: `charge.${created.status}`,
          provider: charge.provider,
          orderNo: charge.orderNo,
          channelTradeNo: created.channelTradeNo,
          // The gateway's figure, not ours: the lifecycle compares it with the charge like a notification's amount.
          amount: created.status === 'succeeded' ? created.amount : undefined,
          currency: 'CNY',
          occurredAt: created.paidAt ?? iso(),
          raw: created,
        });
      }
      return toPublicCharge(await load(input.orderNo));
    },

    async retrieve(orderNo, options) {
      const charge = await load(orderNo);
      // `options?.`: null (a caller's JSON "no options") means no options, as undefined does.
      if (!options?.refresh || charge.status !== 'pending') return toPublicCharge(charge);
      return toPublicCharge(await refresh(charge));
    },

    async close(orderNo) {
      const charge = await load(orderNo);
      if (charge.status === 'closed') return toPublicCharge(charge);
      if (charge.status !== 'pending') {
        throw new PayValidationError(`order ${orderNo} is ${charge.status} and cannot be closed`, [{ path: 'orderNo', message: 'not pending' }], { code: 'ORDER_FINAL' });
      }
      const channel = await registry.forChannel(charge.channel);
      if (channel.closeCharge) await channel.closeCharge(charge);
      await lifecycle.apply({
        id: `${charge.provider}:close:${orderNo}`,
        type: 'charge.closed',
        provider: charge.provider,
        orderNo,
        occurredAt: iso(),
        raw: { closedBy: 'merchant' },
      });
      return toPublicCharge(await load(orderNo));
    },
  };
}
