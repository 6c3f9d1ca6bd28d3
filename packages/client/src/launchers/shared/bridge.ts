/**
 * Calling a native wallet bridge the app injected: a missing bridge and a bridge that throws both become a
 * failed `LaunchResult` with a message that says what to do; the raw wallet result goes back to the launcher.
 */
import { PayError, PayUnsupportedError, type Charge } from '@payweave/core';
import type { NativeBridges } from '../../bridges';
import { detailOf } from '../../errors';
import { failed } from '../../result';
import type { LaunchContext, LaunchResult } from '../../types';

/** The wallet's raw answer, or the failed result to return as is. */
export type BridgeOutcome<R> = { ok: true; raw: R } | { ok: false; result: LaunchResult };

/** Call `bridges[name]` through `invoke`; never throws. */
export async function callBridge<K extends keyof NativeBridges, R>(
  name: K,
  charge: Charge,
  context: Pick<LaunchContext, 'bridges'>,
  invoke: (bridge: NonNullable<NativeBridges[K]>) => R | Promise<R>,
): Promise<BridgeOutcome<R>> {
  const bridge = context.bridges[name];
  if (typeof bridge !== 'function') {
    const error = new PayUnsupportedError(
      `the ${charge.channel} channel opens the native ${name} SDK: pass bridges.${name} to createPayClient ` +
        '(from your React Native / WebView shell), or use a browser channel on the web',
      { code: 'BRIDGE_MISSING', channel: charge.channel },
    );
    return { ok: false, result: failed(charge, error) };
  }
  try {
    return { ok: true, raw: await invoke(bridge.bind(context.bridges) as NonNullable<NativeBridges[K]>) };
  } catch (cause) {
    const error = new PayError(`the native ${name} bridge failed: ${detailOf(cause)}`, { code: 'BRIDGE_FAILED', channel: charge.channel, cause });
    return { ok: false, result: failed(charge, error) };
  }
}
