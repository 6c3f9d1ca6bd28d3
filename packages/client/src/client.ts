/**
 * `createPayClient`: the browser / WebView / mini-program / React Native side of payweave. It asks the merchant's
 * own server for a charge (amount and subject are decided there, never here), launches the channel flow, and asks
 * the server again for the verified outcome.
 */
import { PayConfigError, PayValidationError, type Charge, type CreateChargeInput } from '@payweave/core';
import type { NativeBridges } from './bridges';
import { isChargeLike } from './charge-shape';
import { invalidResponseError, serverError } from './errors';
import { dispatchLaunch } from './launch';
import { createTransport, type AxiosLikeInstance, type FetchLike, type HeadersOption } from './transport';
import type { AnyLauncher, LaunchOptions, LaunchResult, NavigateHook } from './types';
import { pollUntilFinal, type WaitOptions } from './wait';

/** Options of `createPayClient`. */
export interface PayClientOptions {
  /** Base URL of the merchant's charge routes (`createChargeRoutes`), e.g. '/api/pay' or 'https://shop.example/api/pay'. */
  endpoint: string;
  /** The HTTP client: a `fetch` function (default: the global one) or the app's AxiosInstance (axios is a peer). */
  http?: FetchLike | AxiosLikeInstance;
  /** Extra headers on every request, or a function returning them (called per request, e.g. for a fresh token). */
  headers?: HeadersOption;
  /** Native wallet SDK entry points the app injects (app channels). */
  bridges?: NativeBridges;
  /** The launchers this app uses, imported from their subpaths (`@payweave/client/redirect`, ...). */
  launchers?: readonly AnyLauncher[];
  /** Receive navigations (redirects, form posts) instead of the client performing them. */
  onNavigate?: NavigateHook;
}

/** What the client sends to create a charge; the server resolves amount and subject from `orderNo`. */
export type ClientChargeRequest = Pick<CreateChargeInput, 'orderNo' | 'channel' | 'payer' | 'returnUrl'>;

/** Options of `createCharge`. */
export interface CreateChargeOptions {
  signal?: AbortSignal | undefined;
}

/** A payweave client bound to one merchant endpoint. */
export interface PayClient {
  /** POST `{endpoint}/charges`: the merchant server creates the charge and returns it with its credential. */
  createCharge(request: ClientChargeRequest, options?: CreateChargeOptions): Promise<Charge>;
  /** Open the payer-facing flow for `charge` with the registered launcher. Never rejects for payer outcomes. */
  launch(charge: Charge, options?: LaunchOptions): Promise<LaunchResult>;
  /** `createCharge` then `launch`. Rejects only when the charge cannot be created. */
  pay(request: ClientChargeRequest, options?: LaunchOptions): Promise<LaunchResult>;
  /** GET `{endpoint}/charges/:orderNo` until the charge is succeeded, failed or closed. */
  waitForResult(orderNo: string, options?: WaitOptions): Promise<Charge>;
}

/** Create a client for the merchant server at `endpoint`. Touches no DOM: safe to call during server rendering. */
export function createPayClient(options: PayClientOptions): PayClient {
  if (typeof options?.endpoint !== 'string' || !options.endpoint) {
    throw new PayConfigError("createPayClient needs `endpoint`, where your charge routes are mounted, e.g. '/api/pay'", { code: 'CLIENT_ENDPOINT_MISSING' });
  }
  checkOptions(options);
  const charges = `${options.endpoint.replace(/\/+$/, '')}/charges`;
  const transport = createTransport(options.http, options.headers);
  const launchers = [...(options.launchers ?? [])];
  const defaults = { bridges: options.bridges ?? {}, onNavigate: options.onNavigate };

  async function send(method: 'GET' | 'POST', url: string, body: unknown, signal: AbortSignal | undefined): Promise<Charge> {
    const response = await transport({ method, url, body, signal });
    const what = `${method} ${url}`;
    if (response.status < 200 || response.status > 299) throw serverError(response.status, response.data, what);
    if (!isChargeLike(response.data)) throw invalidResponseError(what);
    return response.data;
  }

  const client: PayClient = {
    createCharge: async (request, callOptions) => {
      // Refused here, not sent: a BigInt or a cycle would otherwise surface as a "connection" failure.
      if (typeof request !== 'object' || request === null || !serialisable(request)) {
        throw new PayValidationError('createCharge expects a JSON object { orderNo, channel, payer?, returnUrl? }', [{ path: '(root)', message: 'expected a JSON object' }]);
      }
      return send('POST', charges, request, callOptions?.signal);
    },
    launch: (charge, launchOptions) => dispatchLaunch(launchers, charge, defaults, launchOptions),
    pay: async (request, launchOptions) => client.launch(await client.createCharge(request, launchOptions ?? {}), launchOptions),
    waitForResult: async (orderNo, waitOptions) => {
      const url = `${charges}/${encodeOrderNo(orderNo)}`;
      return pollUntilFinal(orderNo, (signal) => send('GET', url, undefined, signal), waitOptions);
    },
  };
  return client;
}

/** Refuse options that could only fail later, naming the option. */
function checkOptions(options: PayClientOptions): void {
  const { launchers, bridges, onNavigate, headers } = options;
  const bad = (what: string) => new PayConfigError(`createPayClient: ${what}`, { code: 'CLIENT_OPTIONS_INVALID' });
  if (launchers !== undefined && (!Array.isArray(launchers) || !launchers.every((l) => typeof l?.launch === 'function' && Array.isArray(l.channels)))) {
    throw bad("launchers must be an array of launchers imported from '@payweave/client/<name>'");
  }
  if (bridges !== undefined && (typeof bridges !== 'object' || bridges === null)) throw bad('bridges must be an object of wallet SDK functions');
  if (onNavigate !== undefined && typeof onNavigate !== 'function') throw bad('onNavigate must be a function');
  if (headers !== undefined && typeof headers !== 'function' && (typeof headers !== 'object' || headers === null)) throw bad('headers must be an object or a function returning one');
}

function serialisable(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}

/** The order number as a URL path segment; anything but a well-formed string is the caller's mistake. */
function encodeOrderNo(orderNo: unknown): string {
  try {
    if (typeof orderNo === 'string' && orderNo) return encodeURIComponent(orderNo);
  } catch {
    // A lone surrogate: not encodable.
  }
  throw new PayValidationError('waitForResult needs the order number (a non-empty string)', [{ path: 'orderNo', message: 'expected a non-empty string' }]);
}
