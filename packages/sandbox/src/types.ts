/**
 * The sandbox's public types and the contract a gateway emulator implements (`SandboxGateway`).
 * An emulator is one folder under `src/gateways/<provider>/`; see docs/contributing/add-a-sandbox-gateway.md.
 */
import type { Provider } from '@payweave/core';
import type { HttpHandler } from 'msw';
import type { NotificationDelivery, ScheduleInput } from './notifications/types';
import type { OrderBook, SandboxOrder } from './orders';

export type { NotificationAttempt, NotificationDelivery, DeliveryResponse, DeliveryStatus } from './notifications/types';
export type { NewSandboxOrder, OrderBook, SandboxOrder, SandboxOrderStatus } from './orders';

/** What the payer decides on the cashier page (or what `sandbox.pay()` simulates). */
export type PayOutcome = 'succeeded' | 'failed' | 'canceled';

/** HTTP methods a sandbox route can answer. */
export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route handler receives: the Fetch request, its parsed URL, the origin it was served on, path params. */
export interface RouteArgs {
  request: Request;
  url: URL;
  /** The sandbox origin this request reached (msw origin or listen URL): build absolute links from it. */
  origin: string;
  params: Record<string, string>;
}

/** One endpoint of an emulated gateway, relative to the gateway's `basePath` (`:name` segments are params). */
export interface SandboxRoute {
  method: RouteMethod;
  /** e.g. `'/gateway.do'` or `'/v3/pay/transactions/out-trade-no/:orderNo'`. */
  path: string;
  handle(args: RouteArgs): Response | Promise<Response>;
}

/** A notification the emulator wants delivered; the provider is filled in from the gateway. */
export type NotifyInput = Omit<ScheduleInput, 'provider'>;

/** Everything the framework offers an emulator: the shared order book, notifications, cashier pages, time. */
export interface GatewayContext {
  readonly provider: Provider;
  readonly basePath: string;
  readonly orders: OrderBook;
  /** The sandbox's time compression factor (1 = real time). */
  readonly timeScale: number;
  /** Epoch milliseconds (injectable for tests). */
  clock(): number;
  /** 1, 2, 3... per sandbox instance: a seed for readable trade numbers. */
  nextSequence(): number;
  /** Absolute URL of the framework's cashier page for an order of this gateway. */
  cashierUrl(origin: string, orderNo: string): string;
  /** A cashier page as a `text/html` Response for an order of this gateway. */
  cashierPage(order: SandboxOrder, options?: CashierPageOptions): Response;
  /** Deliver a notification to the merchant, retrying on the provider's schedule until acknowledged. */
  notify(input: NotifyInput): NotificationDelivery;
}

/** What an emulator may change on the cashier page it shows (the form always posts a decision). */
export interface CashierPageOptions {
  /** Where the decision form posts (default: the framework's cashier route for the order). */
  action?: string;
  /** Extra hidden fields posted with the decision. */
  hiddenFields?: Record<string, string>;
}

/** A browser return by form POST (UnionPay `frontUrl`): the framework serves a page that posts `fields` to `url`. */
export interface FormReturn {
  url: string;
  fields: Record<string, string>;
}

/** What an emulator's `pay` hook returns (at most one of the two). */
export interface GatewayPayResult {
  /** Where the payer's browser goes next by GET (the merchant's return URL with the gateway's signed parameters...). */
  redirectTo?: string;
  /** Where the payer's browser goes next by form POST. */
  postTo?: FormReturn;
}

/** Where the channel config of an emulator must point. */
export interface ChannelConfigTarget {
  /** The sandbox origin (`http://sandbox.payweave.test`, or a listen URL). */
  baseUrl: string;
  /** `baseUrl` + the gateway's `basePath`. */
  gatewayUrl: string;
}

/**
 * A gateway emulator. `C` is the config object its channel factory accepts (`alipay(config)`...), so that
 * `sandbox.channelConfigs()` is typed by what is registered.
 */
export interface SandboxGateway<P extends Provider = Provider, C = unknown> {
  readonly provider: P;
  /** URL prefix of every route, e.g. `'/alipay'`. */
  readonly basePath: string;
  /** Shown on the sandbox index page and the cashier page, e.g. `'Alipay (支付宝)'`. */
  readonly title: string;
  readonly description?: string;
  /** Accent colour of its cashier page (CSS colour). */
  readonly accentColor?: string;
  /** Links for the index page, relative to `basePath`. */
  readonly links?: readonly { label: string; path: string }[];
  /** The gateway's endpoints. Called once per sandbox instance. */
  routes(context: GatewayContext): readonly SandboxRoute[];
  /** A ready config for the payweave channel factory with TEST keys, pointing at `target`. */
  channelConfig(target: ChannelConfigTarget): C;
  /**
   * Settle an order the way the gateway would after the payer's decision. The framework has already checked the order
   * is pending and set `status`/`paidAt` for `succeeded` and `failed`; the hook notifies (`context.notify`) and says
   * where the browser goes.
   */
  pay(order: SandboxOrder, outcome: PayOutcome, context: GatewayContext): GatewayPayResult | void | Promise<GatewayPayResult | void>;
}

/** Any registered emulator, whatever its provider and config type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyGateway = SandboxGateway<Provider, any>;

/** `{ alipay: AlipayConfig, ... }` for the emulators in `G`. */
export type ChannelConfigsOf<G extends readonly AnyGateway[]> = {
  [K in G[number] as K['provider']]: ReturnType<K['channelConfig']>;
};

/** Injectable timers (default: the global ones, looked up at call time so fake timers apply). */
export interface SandboxTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SandboxOptions<G extends readonly AnyGateway[]> {
  /** Multiplies every notification retry delay: `1/60000` turns minutes into milliseconds. Default 1. */
  timeScale?: number;
  /** Origin the msw handlers answer on. Default `http://sandbox.payweave.test`. */
  origin?: string;
  /** The emulators to serve. Default: every built-in emulator. */
  gateways?: G;
  /** Epoch milliseconds. Default `Date.now`. */
  clock?: () => number;
  timers?: SandboxTimers;
  /** Used to deliver notifications. Default: the global `fetch` at call time (msw intercepts it in tests). */
  fetch?: typeof fetch;
}

export interface ListenOptions {
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** The URL browsers and servers use to reach the sandbox (behind a proxy or in a container). */
  publicUrl?: string;
}

/** A running HTTP sandbox. */
export interface SandboxServer {
  /** e.g. `http://127.0.0.1:4010` (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

export interface SandboxPayOptions {
  outcome?: PayOutcome;
  /** Needed only when two providers hold an order with the same number. */
  provider?: Provider;
}

/** What `sandbox.pay()` did. */
export interface SandboxPayResult {
  order: SandboxOrder;
  outcome: PayOutcome;
  /** The browser return by GET the gateway chose, if any. */
  redirectTo?: string;
  /** The browser return by form POST the gateway chose, if any. */
  postTo?: FormReturn;
  /** Notifications scheduled by this payment. */
  notifications: NotificationDelivery[];
}

/** A sandbox instance: see docs/sandbox.md. */
export interface Sandbox<G extends readonly AnyGateway[] = readonly AnyGateway[]> {
  /** The origin msw handlers answer on. */
  readonly origin: string;
  readonly timeScale: number;
  /** msw request handlers for every emulated gateway: `setupServer(...sandbox.handlers)`. */
  readonly handlers: HttpHandler[];
  readonly gateways: G;
  /** Orders created through the emulated gateways. */
  readonly orders: OrderBook;
  /** Every notification delivery, oldest first, with its attempts. */
  readonly notifications: readonly NotificationDelivery[];
  /** Serve the same handlers over a real local HTTP server. */
  listen(options?: ListenOptions): Promise<SandboxServer>;
  /** Channel factory configs (TEST keys) pointing at `baseUrl` (default: `origin`). */
  channelConfigs(baseUrl?: string): ChannelConfigsOf<G>;
  /** Act as the payer: settle a pending order, then notify like the gateway. */
  pay(orderNo: string, options?: SandboxPayOptions): Promise<SandboxPayResult>;
  /** Wait for in-flight deliveries; with `untilSettled`, until no delivery is waiting for a retry either. */
  flushNotifications(options?: { untilSettled?: boolean }): Promise<void>;
  /** Cancel pending retries and close every server `listen()` started. */
  close(): Promise<void>;
}
