/** One launcher for several surfaces of a provider, made of the per-surface launchers (`wechat` of `wechat_jsapi`, ...). */
import type { ChannelId } from '@payweave/core';
import type { AnyLauncher, Launcher } from '../../types';

/** A launcher named `name` for the channels of `byChannel`, handing each charge to the launcher listed for its channel. */
export function combineLaunchers<C extends ChannelId>(name: string, byChannel: Record<C, AnyLauncher>): Launcher<C> {
  return {
    name,
    channels: Object.keys(byChannel) as C[],
    launch: (charge, context) => byChannel[charge.credential.channel as C].launch(charge, context),
  };
}
