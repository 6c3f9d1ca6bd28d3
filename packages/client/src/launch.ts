/**
 * The launcher registry: `launch()` looks up `charge.credential.channel` and hands the charge to the launcher that
 * registered it. The core of the client knows no launcher; apps bundle only those they import and register.
 */
import { PayError, PayUnsupportedError, type Charge } from '@payweave/core';
import type { NativeBridges } from './bridges';
import type { AnyLauncher, LaunchOptions, LaunchResult, NavigateHook } from './types';

/** Defaults for every launch of one client. */
export interface LaunchDefaults {
  bridges: NativeBridges;
  onNavigate?: NavigateHook | undefined;
}

/** The launcher module for a channel: the generic `qr` and `redirect` ones, else the provider's (`alipay_app` -> alipay). */
function launcherModule(channel: string): string {
  if (/_(qr|native)$/.test(channel)) return 'qr';
  if (/_(page|wap)$/.test(channel)) return 'redirect';
  return channel.split('_')[0] ?? channel;
}

function failed(charge: Charge, error: PayError): LaunchResult {
  return { status: 'failed', charge, error };
}

/** Index launchers by channel; a later launcher overrides an earlier one for the channels both claim. */
export function registerLaunchers(launchers: readonly AnyLauncher[] = []): ReadonlyMap<string, AnyLauncher> {
  const registry = new Map<string, AnyLauncher>();
  for (const launcher of launchers) for (const channel of launcher.channels) registry.set(channel, launcher);
  return registry;
}

/** Dispatch `charge` to its launcher. Never rejects: every outcome, including a launcher crash, is a `LaunchResult`. */
export async function dispatchLaunch(
  registry: ReadonlyMap<string, AnyLauncher>,
  charge: Charge,
  defaults: LaunchDefaults,
  { onNavigate = defaults.onNavigate, signal }: LaunchOptions = {},
): Promise<LaunchResult> {
  const channel = charge?.credential?.channel;
  if (typeof channel !== 'string') {
    return failed(charge, new PayError('launch() needs the Charge from createCharge (no credential.channel)', { code: 'CHARGE_INVALID' }));
  }
  if (charge.status === 'failed' || charge.status === 'closed') {
    return failed(charge, new PayError(`order ${charge.orderNo} is ${charge.status}: create a new charge to pay again`, { code: 'CHARGE_NOT_PENDING', channel }));
  }
  // A paid charge needs no launch; a barcode charge is driven by the server (the payer's code was already scanned).
  if (charge.status === 'succeeded') return { status: 'succeeded', charge };
  if (/_barcode$/.test(channel)) return { status: 'pending', charge };
  const launcher = registry.get(channel);
  if (!launcher) {
    const name = launcherModule(channel);
    return failed(
      charge,
      new PayUnsupportedError(
        `no launcher for channel '${channel}': import { ${name}Launcher } from '@payweave/client/${name}' and pass it in createPayClient({ launchers })`,
        { code: 'LAUNCHER_MISSING', channel },
      ),
    );
  }
  try {
    return await launcher.launch(charge, {
      bridges: defaults.bridges,
      document: typeof document === 'undefined' ? undefined : document,
      onNavigate,
      signal,
    });
  } catch (error) {
    return failed(
      charge,
      PayError.isInstance(error)
        ? error
        : new PayError(`the ${launcher.name} launcher failed: ${(error as Error)?.message}`, { code: 'LAUNCH_FAILED', channel, cause: error }),
    );
  }
}
