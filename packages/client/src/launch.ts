/**
 * The launcher lookup: `launch()` finds the launcher that registered `charge.credential.channel` and hands it the
 * charge. The core of the client knows no launcher; apps bundle only those they import and register.
 */
import { PayError, PayUnsupportedError, type Charge } from '@payweave/core';
import type { NativeBridges } from './bridges';
import { detailOf } from './errors';
import { failed } from './result';
import type { AnyLauncher, LaunchOptions, LaunchResult, NavigateHook } from './types';

/** Defaults for every launch of one client. */
export interface LaunchDefaults {
  bridges: NativeBridges;
  onNavigate?: NavigateHook | undefined;
}

/**
 * Dispatch `charge` to the last of `launchers` that handles its channel (a later launcher overrides an earlier one).
 * Never rejects: every outcome, including a launcher crash, is a `LaunchResult`.
 */
export async function dispatchLaunch(
  launchers: readonly AnyLauncher[],
  charge: Charge,
  defaults: LaunchDefaults,
  launchOptions?: LaunchOptions,
): Promise<LaunchResult> {
  const { onNavigate = defaults.onNavigate, signal } = launchOptions ?? {};
  const channel = charge?.credential?.channel;
  if (typeof channel !== 'string') {
    return failed(charge, new PayError('launch() needs the Charge from createCharge (no credential.channel)', { code: 'CHARGE_INVALID' }));
  }
  if (charge.status === 'failed' || charge.status === 'closed') {
    const order = typeof charge.orderNo === 'string' ? `order ${charge.orderNo}` : 'this order';
    return failed(charge, new PayError(`${order} is ${charge.status}: create a new charge to pay again`, { code: 'CHARGE_NOT_PENDING', channel }));
  }
  // A paid charge needs no launch; a barcode charge is driven by the server (the payer's code was already scanned).
  if (charge.status === 'succeeded' || /_barcode$/.test(channel)) return { status: charge.status === 'succeeded' ? 'succeeded' : 'pending', charge };
  let launcher: AnyLauncher | undefined;
  for (const candidate of launchers) if (candidate.channels.includes(channel)) launcher = candidate;
  if (!launcher) {
    // The module to import: the generic `qr` and `redirect` ones, else the provider's (`alipay_app` -> alipay).
    const name = /_(qr|native)$/.test(channel) ? 'qr' : /_(page|wap)$/.test(channel) ? 'redirect' : channel.split('_')[0];
    const message = `no launcher for ${channel}: import { ${name}Launcher } from '@payweave/client/${name}' into createPayClient({ launchers })`;
    return failed(charge, new PayUnsupportedError(message, { code: 'LAUNCHER_MISSING', channel }));
  }
  try {
    return await launcher.launch(charge, { bridges: defaults.bridges, document: globalThis.document, onNavigate, signal });
  } catch (error) {
    const crash = PayError.isInstance(error) ? error : new PayError(`the ${launcher.name} launcher failed: ${detailOf(error)}`, { code: 'LAUNCH_FAILED', channel, cause: error });
    return failed(charge, crash);
  }
}
