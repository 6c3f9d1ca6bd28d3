/**
 * `pay.notifications` and `pay.returns`: verify a gateway message from its raw bytes, apply it through the lifecycle
 * and produce the exact acknowledgement the gateway expects.
 */
import { type ChargeStatus, PayError, type PaymentEvent, type Provider, PayUnsupportedError } from '@payweave/core';
import type { Acknowledgement, PayChannel } from '../channels/types';
import type { Lifecycle } from '../lifecycle/apply';
import type { ChannelRegistry } from '../server/registry';
import type { NotificationResult } from '../server/options';
import { assertRawNotification } from './raw';

export interface NotificationsApi {
  verify(provider: Provider, request: unknown): Promise<PaymentEvent>;
  handle(provider: Provider, request: unknown): Promise<NotificationResult>;
}

export interface ReturnsApi {
  verify(provider: Provider, request: unknown): Promise<{ orderNo: string; hint: ChargeStatus }>;
}

/** Used when a provider is not even configured: a plain 400 that makes the sender retry later. */
const GENERIC_FAILURE: Acknowledgement = { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'fail' };

function toPayError(error: unknown, provider: string): PayError {
  if (PayError.isInstance(error)) return error;
  return new PayError('notification handling failed unexpectedly; the gateway will retry', { code: 'INTERNAL_ERROR', channel: provider, cause: error, isRetryable: true });
}

export function createNotificationsApi(registry: ChannelRegistry, lifecycle: Lifecycle): NotificationsApi {
  const verify = async (provider: Provider, request: unknown): Promise<{ channel: PayChannel; event: PaymentEvent }> => {
    const raw = assertRawNotification(request);
    const channel = await registry.forProvider(provider);
    if (!channel.verifyNotification) throw new PayUnsupportedError(`${provider} notifications are not supported by this channel`, { channel: provider });
    const { event } = await channel.verifyNotification(raw);
    return { channel, event };
  };

  const ack = (channel: PayChannel | undefined, ok: boolean, error?: PayError): Acknowledgement => {
    if (!channel?.acknowledge) return ok ? { status: 200, headers: {}, body: '' } : GENERIC_FAILURE;
    return channel.acknowledge(ok ? { ok: true } : { ok: false, error: error ?? new PayError('not processed') });
  };

  return {
    async verify(provider, request) {
      return (await verify(provider, request)).event;
    },

    async handle(provider, request) {
      let channel: PayChannel | undefined;
      try {
        channel = await registry.forProvider(provider).catch(() => undefined);
        const verified = await verify(provider, request);
        channel = verified.channel;
        const result = await lifecycle.apply(verified.event);
        return { event: result.event, duplicate: result.duplicate, ...(result.error ? { error: result.error } : {}), ack: ack(channel, result.acknowledge, result.error) };
      } catch (error) {
        const payError = toPayError(error, provider);
        // A verified message that changes nothing (e.g. WAIT_BUYER_PAY) is acknowledged so the gateway stops resending.
        if (payError.code === 'NOTIFICATION_IGNORED') return { event: null, duplicate: false, ignored: true, error: payError, ack: ack(channel, true) };
        // Unverifiable, malformed or unprocessable: never acknowledged as success, so a genuine gateway retries.
        return { event: null, duplicate: false, error: payError, ack: ack(channel, false, payError) };
      }
    },
  };
}

export function createReturnsApi(registry: ChannelRegistry): ReturnsApi {
  return {
    async verify(provider, request) {
      const raw = assertRawNotification(request);
      const channel = await registry.forProvider(provider);
      if (!channel.verifyReturn) throw new PayUnsupportedError(`${provider} has no signed browser return to verify`, { channel: provider });
      return channel.verifyReturn(raw);
    },
  };
}
