/**
 * `createPayClient`: the browser / WebView / mini-program / React Native side of payweave. It asks the merchant's
 * own server for a charge (amount and subject are decided there, never here), launches the channel flow, and asks
 * the server again for the verified outcome.
 */
import { PayConfigError, type Charge, type CreateChargeInput } from '@payweave/core';
import type { NativeBridges } from './bridges';
import { isChargeLike } from './charge-shape';
import { invalidArgument, invalidResponseError } from './errors';
import { dispatchLaunch } from './launch';
import { createTransport, requestOk, type AxiosLikeInstance, type FetchLike, type HeadersOption } from './transport';
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

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** True for an object `JSON.stringify` can send (no BigInt, no cycle). */
function isJsonObject(value: unknown): boolean {
  try {
    return isObject(value) && JSON.stringify(value) !== undefined;
  } catch {
    return false;
  }
}

/** Create a client for the merchant server at `endpoint`. Touches no DOM: safe to call during server rendering. */
export function createPayClient(options: PayClientOptions): PayClient {
  const { endpoint, http, launchers = [], bridges = {}, onNavigate, headers } = options ?? {};
  // Options that could only fail later are refused now, naming the option.
  const refuse = (problem: string, code = 'CLIENT_OPTIONS_INVALID') => new PayConfigError(`createPayClient: ${problem}`, { code });
  if (typeof endpoint !== 'string' || !endpoint) throw refuse("pass `endpoint`, where createChargeRoutes is mounted, e.g. '/api/pay'", 'CLIENT_ENDPOINT_MISSING');
  if (!Array.isArray(launchers) || !launchers.every((launcher) => typeof launcher?.launch === 'function' && Array.isArray(launcher.channels))) {
    throw refuse("launchers must be an array of launchers from '@payweave/client/<name>'");
  }
  if (!isObject(bridges)) throw refuse('bridges must be an object of wallet SDK functions');
  if (onNavigate !== undefined && typeof onNavigate !== 'function') throw refuse('onNavigate must be a function');
  if (headers !== undefined && typeof headers !== 'function' && !isObject(headers)) throw refuse('headers must be an object or a function');

  const charges = `${endpoint.replace(/\/+$/, '')}/charges`;
  const transport = createTransport(http, headers);
  const registered = [...launchers];

  const send = async (method: 'GET' | 'POST', url: string, body: unknown, signal: AbortSignal | undefined): Promise<Charge> => {
    const data = await requestOk(transport, { method, url, body, signal });
    if (!isChargeLike(data)) throw invalidResponseError(`${method} ${url}`);
    return data;
  };

  const client: PayClient = {
    createCharge: async (request, callOptions) => {
      // Refused here, not sent: a BigInt or a cycle would otherwise surface as a "connection" failure.
      if (!isJsonObject(request)) throw invalidArgument('createCharge request', '(root)', 'a JSON object { orderNo, channel }');
      return send('POST', charges, request, callOptions?.signal);
    },
    launch: (charge, launchOptions) => dispatchLaunch(registered, charge, { bridges, onNavigate }, launchOptions),
    pay: async (request, launchOptions) => client.launch(await client.createCharge(request, launchOptions), launchOptions),
    waitForResult: async (orderNo, waitOptions) => {
      let url = '';
      try {
        if (typeof orderNo === 'string' && orderNo) url = `${charges}/${encodeURIComponent(orderNo)}`;
      } catch {
        // A lone surrogate cannot be encoded: refused below like a missing order number.
      }
      if (!url) throw invalidArgument('waitForResult orderNo', 'orderNo', 'a non-empty order number');
      return pollUntilFinal(orderNo, (signal) => send('GET', url, undefined, signal), waitOptions);
    },
  };
  return client;
}
