/**
 * `defineGateway`: the typed way to declare an emulator, keeping its provider and channel config types precise.
 */
import type { Provider } from '@payweave/core';
import type { SandboxGateway } from '../types';

/** Declare a gateway emulator (an identity function that keeps `P` and `C` literal for `channelConfigs()`). */
export function defineGateway<P extends Provider, C>(gateway: SandboxGateway<P, C>): SandboxGateway<P, C> {
  return gateway;
}
