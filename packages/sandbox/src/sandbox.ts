/**
 * `createSandbox`: wires the registered gateway emulators to one order book, one notification scheduler and one
 * msw handler list, which `listen()` also serves over HTTP. Portable: the Node server is imported only by `listen()`.
 */
import { isProvider, PayConfigError, PayValidationError } from '@payweave/core';
import { BUILTIN_GATEWAYS } from './gateways';
import { cashierPath, cashierRoutes, createGatewayContext } from './gateway-context';
import { builtinRoutes } from './index-page';
import { createNotificationScheduler } from './notifications/scheduler';
import { createOrderBook } from './orders';
import { notFoundHandler, toMswHandler, type ServedOrigins } from './routing';
import type {
  AnyGateway,
  ChannelConfigsOf,
  GatewayContext,
  PayOutcome,
  Sandbox,
  SandboxOptions,
  SandboxPayOptions,
  SandboxPayResult,
  SandboxServer,
  SandboxTimers,
} from './types';
import type { NotificationDelivery } from './notifications/types';
import type { SandboxOrder } from './orders';

/** The origin msw handlers answer on unless `createSandbox({ origin })` says otherwise. */
export const DEFAULT_SANDBOX_ORIGIN = 'http://sandbox.payweave.test';

const BASE_PATH = /^\/[a-z0-9][a-z0-9-]*$/;
const RESERVED_BASE_PATHS = new Set(['/health']);

/** A sandbox emulating the built-in gateways (or `options.gateways`). */
export function createSandbox<G extends readonly AnyGateway[] = typeof BUILTIN_GATEWAYS>(options: SandboxOptions<G> = {}): Sandbox<G> {
  checkOptions(options);
  const gateways = (options.gateways ?? BUILTIN_GATEWAYS) as G;
  checkGateways(gateways);
  const origin = normaliseOrigin(options.origin ?? DEFAULT_SANDBOX_ORIGIN);
  const timeScale = options.timeScale ?? 1;
  const clock = options.clock ?? (() => Date.now());
  const scheduler = createNotificationScheduler({ timeScale, clock, timers: options.timers, fetch: options.fetch });
  const orders = createOrderBook(clock);
  const origins: ServedOrigins = new Set([origin]);
  const servers = new Set<SandboxServer>();
  let sequence = 0;

  const contexts = new Map<AnyGateway, GatewayContext>();
  for (const gateway of gateways) {
    contexts.set(gateway, createGatewayContext(gateway, { orders, scheduler, timeScale, clock, nextSequence: () => ++sequence }));
  }
  const gatewayFor = (order: SandboxOrder): AnyGateway => {
    const gateway = gateways.find((candidate) => candidate.provider === order.provider);
    if (!gateway) throw new PayConfigError(`no ${order.provider} emulator is registered in this sandbox`, { code: 'SANDBOX_GATEWAY_MISSING' });
    return gateway;
  };

  async function settle(order: SandboxOrder, outcome: PayOutcome): Promise<SandboxPayResult> {
    if (order.status !== 'pending') {
      throw new PayValidationError(`order ${order.orderNo} is ${order.status}, not pending: only a pending order can be paid`, [], {
        code: 'SANDBOX_ORDER_NOT_PENDING',
      });
    }
    const paidAt = new Date(clock()).toISOString();
    const patch = outcome === 'succeeded' ? { status: 'succeeded' as const, paidAt } : outcome === 'failed' ? { status: 'failed' as const } : {};
    const updated = orders.update(order.provider, order.orderNo, patch);
    const gateway = gatewayFor(order);
    const scheduled: NotificationDelivery[] = [];
    const base = contexts.get(gateway) as GatewayContext;
    const context: GatewayContext = {
      ...base,
      notify: (input) => {
        const delivery = base.notify({ orderNo: order.orderNo, ...input });
        scheduled.push(delivery);
        return delivery;
      },
    };
    const result = (await gateway.pay(updated, outcome, context)) ?? {};
    return {
      order: orders.require(order.provider, order.orderNo),
      outcome,
      ...(result.redirectTo === undefined ? {} : { redirectTo: result.redirectTo }),
      ...(result.postTo === undefined ? {} : { postTo: result.postTo }),
      notifications: scheduled,
    };
  }

  const routes = [
    ...builtinRoutes({ gateways, orders, notifications: scheduler.deliveries, cashierPath }),
    ...gateways.flatMap((gateway) => {
      const context = contexts.get(gateway) as GatewayContext;
      const own = gateway.routes(context).map((route) => ({ ...route, path: gateway.basePath + route.path }));
      return [...cashierRoutes(gateway, context, settle), ...own];
    }),
  ];
  const handlers = [...routes.map((route) => toMswHandler(route, origins)), notFoundHandler(origins)];

  const sandbox: Sandbox<G> = {
    origin,
    timeScale,
    handlers,
    gateways,
    orders,
    get notifications() {
      return scheduler.deliveries;
    },
    async listen(listenOptions = {}) {
      // The `.js` suffix: tsx cannot resolve an extensionless `./x.node` (it takes `.node` for a native addon).
      const { startServer } = await import('./listen.node.js');
      const server = await startServer({ handlers, origins }, listenOptions);
      const tracked: SandboxServer = {
        url: server.url,
        close: async () => {
          servers.delete(tracked);
          await server.close();
        },
      };
      servers.add(tracked);
      return tracked;
    },
    channelConfigs(baseUrl = origin) {
      normaliseOrigin(baseUrl, 'channelConfigs baseUrl'); // an absolute http(s) URL (it may carry a path), or a PayConfigError
      const base = baseUrl.replace(/\/+$/, '');
      const configs: Record<string, unknown> = {};
      for (const gateway of gateways) configs[gateway.provider] = gateway.channelConfig({ baseUrl: base, gatewayUrl: base + gateway.basePath });
      return configs as ChannelConfigsOf<G>;
    },
    async pay(orderNo, payOptions = {}) {
      const { provider, outcome = 'succeeded' } = (payOptions ?? {}) as SandboxPayOptions;
      if (!OUTCOMES.includes(outcome)) {
        throw new PayValidationError(`sandbox.pay outcome must be one of ${OUTCOMES.join(', ')}`, [{ path: 'outcome', message: 'unknown outcome' }], { code: 'SANDBOX_OUTCOME_INVALID' });
      }
      return settle(orders.find(orderNo, provider), outcome);
    },
    flushNotifications: (flushOptions) => scheduler.flush(flushOptions),
    async close() {
      scheduler.cancelAll();
      await Promise.all([...servers].map((server) => server.close()));
    },
  };
  return sandbox;
}

const OUTCOMES: readonly PayOutcome[] = ['succeeded', 'failed', 'canceled'];

/** Refuse options the sandbox cannot run with, naming the option (a TypeError later would not). */
function checkOptions(options: unknown): void {
  if (typeof options !== 'object' || options === null) throw new PayConfigError('createSandbox expects an options object (or nothing)');
  const given = options as Record<string, unknown>;
  for (const name of ['clock', 'fetch'] as const) {
    if (given[name] !== undefined && typeof given[name] !== 'function') throw new PayConfigError(`createSandbox ${name} must be a function`);
  }
  const timers = given.timers as Partial<SandboxTimers> | null | undefined;
  if (timers !== undefined && (typeof timers?.setTimeout !== 'function' || typeof timers.clearTimeout !== 'function')) {
    throw new PayConfigError('createSandbox timers must have setTimeout and clearTimeout');
  }
  if (given.gateways !== undefined && !Array.isArray(given.gateways)) {
    throw new PayConfigError('createSandbox gateways must be an array of gateway emulators (defineGateway(...))');
  }
}

function checkGateways(gateways: readonly AnyGateway[]): void {
  const providers = new Set<string>();
  const basePaths = new Set<string>();
  for (const gateway of gateways) {
    if (typeof gateway?.routes !== 'function' || typeof gateway.channelConfig !== 'function' || typeof gateway.pay !== 'function' || !isProvider(gateway.provider)) {
      throw new PayConfigError('every sandbox gateway must come from defineGateway({ provider, basePath, routes, channelConfig, pay })');
    }
    if (typeof gateway.basePath !== 'string' || !BASE_PATH.test(gateway.basePath) || RESERVED_BASE_PATHS.has(gateway.basePath)) {
      throw new PayConfigError(`gateway ${gateway.provider}: basePath must look like '/alipay' (one lowercase segment, not /health)`);
    }
    if (providers.has(gateway.provider)) throw new PayConfigError(`two sandbox gateways emulate ${gateway.provider}: register one per provider`);
    if (basePaths.has(gateway.basePath)) throw new PayConfigError(`two sandbox gateways use the basePath ${gateway.basePath}`);
    providers.add(gateway.provider);
    basePaths.add(gateway.basePath);
  }
}

function normaliseOrigin(value: unknown, what = 'sandbox origin'): string {
  const shown = typeof value === 'string' ? `'${value.slice(0, 80)}'` : typeof value;
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  if (!url) throw new PayConfigError(`${what} must be an absolute http(s) URL like ${DEFAULT_SANDBOX_ORIGIN}; got ${shown}`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PayConfigError(`${what} must use http or https; got ${shown}`);
  return url.origin;
}
