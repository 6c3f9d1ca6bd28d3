/**
 * The channel registry: which configured channel serves a channel id or a provider, and their one-time `init`.
 */
import { type ChannelId, PROVIDERS, PayConfigError, PayError, PayValidationError, type Provider, isProvider } from '@payweave/core';
import type { ChannelContext, PayChannel } from '../channels/types';

export interface ChannelRegistry {
  forChannel(channel: ChannelId): Promise<PayChannel>;
  forProvider(provider: Provider): Promise<PayChannel>;
  /** Initialise every channel (keys imported); rejects with the first configuration error. */
  ready(): Promise<void>;
  all(): readonly PayChannel[];
}

export function createRegistry(channels: PayChannel[], contextFor: (channel: PayChannel) => ChannelContext): ChannelRegistry {
  if (!Array.isArray(channels) || channels.length === 0) {
    throw new PayConfigError('createPayServer needs at least one channel, e.g. channels: [alipay({ ... })]', { code: 'NO_CHANNELS' });
  }
  const byProvider = new Map<Provider, PayChannel>();
  const byChannel = new Map<ChannelId, PayChannel>();
  for (const channel of channels) {
    if (!channel || typeof channel.init !== 'function' || !isProvider(channel.provider) || !Array.isArray(channel.channels)) {
      throw new PayConfigError('every entry of channels must come from a channel factory: alipay(), wechat(), unionpay() or apple()', {
        code: 'CHANNEL_INVALID',
      });
    }
    if (byProvider.has(channel.provider)) {
      throw new PayConfigError(`two ${channel.provider} channels were configured; configure each provider once`, { code: 'CHANNEL_DUPLICATE' });
    }
    byProvider.set(channel.provider, channel);
    for (const id of channel.channels) byChannel.set(id, channel);
  }

  const inits = new Map<PayChannel, Promise<void>>();
  const init = (channel: PayChannel): Promise<void> => {
    let pending = inits.get(channel);
    if (!pending) {
      pending = channel.init(contextFor(channel)).catch((error: unknown) => {
        inits.delete(channel); // let a later call retry (e.g. a transient certificate download failure)
        if (PayError.isInstance(error)) throw error;
        throw new PayConfigError(`${channel.provider} channel failed to initialise; check its keys and certificates`, { channel: channel.provider, cause: error });
      });
      inits.set(channel, pending);
    }
    return pending;
  };

  return {
    async forChannel(id) {
      const channel = byChannel.get(id);
      if (!channel) {
        const provider = id.split('_')[0];
        throw new PayConfigError(`no channel serves ${id}: add ${provider}({ ... }) to createPayServer({ channels })`, {
          code: 'CHANNEL_NOT_CONFIGURED',
          channel: id,
        });
      }
      await init(channel);
      return channel;
    },
    async forProvider(provider) {
      if (!isProvider(provider)) {
        throw new PayValidationError(`unknown provider ${describe(provider)}: expected one of ${PROVIDERS.join(', ')}`, [{ path: 'provider', message: 'expected a provider name' }], {
          code: 'PROVIDER_UNKNOWN',
        });
      }
      const channel = byProvider.get(provider);
      if (!channel) {
        throw new PayConfigError(`no ${provider} channel is configured: add ${provider}({ ... }) to createPayServer({ channels })`, {
          code: 'CHANNEL_NOT_CONFIGURED',
        });
      }
      await init(channel);
      return channel;
    },
    async ready() {
      await Promise.all(channels.map(init));
    },
    all: () => channels,
  };
}

/** A caller's value in a message: a short quoted string, else only its type (never its contents). */
function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value) : value === null ? 'null' : typeof value;
}
