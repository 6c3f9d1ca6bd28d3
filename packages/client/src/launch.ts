/**
 * The launcher registry: `launch()` looks up `charge.credential.channel` and hands the charge to the launcher that
 * registered it. The core of the client knows no launcher; apps bundle only those they import and register.
 */
import { PayError, PayUnsupportedError, PayValidationError, type ChannelId, type Charge } from '@payweave/core';
import type { NativeBridges } from './bridges';
import { abortedError } from './errors';
import type { LaunchContext, LaunchOptions, LaunchResult, Launcher, NavigateHook } from './types';

/** Launcher module (subpath of @payweave/client) for channels a generic launcher covers; others use their provider's. */
const GENERIC_LAUNCHER: Partial<Record<string, string>> = {
  alipay_page: 'redirect',
  alipay_wap: 'redirect',
  unionpay_wap: 'redirect',
  unionpay_page: 'redirect',
  alipay_qr: 'qr',
  wechat_native: 'qr',
};

/** Channels the server drives on its own (the payer's code was scanned): nothing to open on this device. */
const SERVER_DRIVEN = ['alipay_barcode', 'wechat_barcode'];

function missingLauncher(channel: string): PayUnsupportedError {
  const name = GENERIC_LAUNCHER[channel] ?? channel.split('_')[0];
  return new PayUnsupportedError(
    `no launcher is registered for channel '${channel}': import { ${name}Launcher } from '@payweave/client/${name}' ` +
      `and pass it to createPayClient({ launchers: [${name}Launcher] })`,
    { code: 'LAUNCHER_MISSING', channel },
  );
}

function launcherFailure(launcher: Launcher, channel: string, error: unknown): PayError {
  if (PayError.isInstance(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new PayError(`the ${launcher.name} launcher failed for channel '${channel}': ${detail}`, {
    code: 'LAUNCH_FAILED',
    channel,
    cause: error,
  });
}

/** A charge that is already final needs no launch: report what the server says. */
function finalResult(charge: Charge): LaunchResult | undefined {
  if (charge.status === 'succeeded') return { status: 'succeeded', charge };
  if (charge.status === 'failed' || charge.status === 'closed') {
    const error = new PayError(`order ${charge.orderNo} is already ${charge.status}: create a new charge to pay again`, {
      code: charge.status === 'failed' ? 'CHARGE_FAILED' : 'CHARGE_CLOSED',
      channel: charge.channel,
    });
    return { status: 'failed', charge, error };
  }
  return undefined;
}

/** Index launchers by channel; a later launcher overrides an earlier one for the channels both claim. */
export function registerLaunchers(launchers: readonly Launcher[] = []): ReadonlyMap<string, Launcher> {
  const registry = new Map<string, Launcher>();
  for (const launcher of launchers) for (const channel of launcher.channels) registry.set(channel, launcher);
  return registry;
}

/** Defaults for every launch of one client. */
export interface LaunchDefaults {
  bridges: NativeBridges;
  onNavigate?: NavigateHook;
}

/** Dispatch `charge` to its launcher. Never rejects: every outcome, including a launcher crash, is a `LaunchResult`. */
export async function dispatchLaunch(
  registry: ReadonlyMap<string, Launcher>,
  charge: Charge,
  defaults: LaunchDefaults,
  options: LaunchOptions = {},
): Promise<LaunchResult> {
  const channel: unknown = charge?.credential?.channel;
  if (typeof channel !== 'string') {
    const error = new PayValidationError('launch() needs the Charge returned by createCharge (it has no credential.channel)', [
      { path: 'credential.channel', message: 'expected a channel id' },
    ]);
    return { status: 'failed', charge, error };
  }
  const settled = finalResult(charge);
  if (settled) return settled;
  if (SERVER_DRIVEN.includes(channel)) return { status: 'pending', charge };

  if (options.signal?.aborted) return { status: 'failed', charge, error: abortedError('launch()', options.signal.reason) };
  const launcher = registry.get(channel);
  if (!launcher) return { status: 'failed', charge, error: missingLauncher(channel) };

  const onNavigate = options.onNavigate ?? defaults.onNavigate;
  const context: LaunchContext = {
    bridges: defaults.bridges,
    document: typeof document === 'undefined' ? undefined : document,
    ...(onNavigate ? { onNavigate } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  try {
    return await launcher.launch(charge as Parameters<Launcher<ChannelId>['launch']>[0], context);
  } catch (error) {
    return { status: 'failed', charge, error: launcherFailure(launcher, channel, error) };
  }
}
