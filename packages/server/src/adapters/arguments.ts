/** Argument checks shared by the adapters: a wrong `pay` or provider fails when the route is mounted, not per request. */
import { PROVIDERS, PayConfigError, type Provider, isProvider } from '@payweave/core';
import type { PayServer } from '../pay-server';

/** Throws a `PayConfigError` unless `pay` is what `createPayServer` returned. */
export function assertPayServer(pay: unknown, adapter: string): asserts pay is PayServer {
  const candidate = pay as Partial<PayServer> | null | undefined;
  if (typeof candidate?.notifications?.handle !== 'function' || typeof candidate.charges?.create !== 'function') {
    throw new PayConfigError(`${adapter} expects the server that createPayServer() returned as its first argument`, { code: 'CONFIG_INVALID' });
  }
}

/** Throws a `PayConfigError` unless `provider` names a provider (a typo would otherwise answer every gateway 400). */
export function assertProvider(provider: unknown, adapter: string): asserts provider is Provider {
  if (!isProvider(provider)) {
    const shown = typeof provider === 'string' ? JSON.stringify(provider.slice(0, 40)) : typeof provider;
    throw new PayConfigError(`${adapter} needs the provider whose notifications this route receives (${PROVIDERS.join(', ')}); got ${shown}`, {
      code: 'CONFIG_INVALID',
    });
  }
}
