/**
 * The launch vocabulary shared by the client core and every launcher: what a launch resolves to, what a launcher
 * is, and what it may use while it runs.
 */
import type { ChannelId, Charge, ChargeCredential, PayError } from '@payweave/core';
import type { NativeBridges } from './bridges';

/**
 * What `launch()` and `pay()` resolve to. A launch never throws for what the payer does; a status here is only a
 * hint (the wallet's word, not the gateway's): ask the merchant server with `waitForResult` before fulfilling.
 */
export type LaunchResult =
  | { status: 'succeeded' | 'canceled' | 'pending' | 'redirected'; charge: Charge; raw?: unknown }
  | { status: 'qr'; charge: Charge; qrCode: string }
  | { status: 'failed'; charge: Charge; error: PayError; raw?: unknown };

/**
 * A browser navigation a launcher is about to perform: `fields` are the form fields (POST) or the query parameters
 * (GET, where `url` already carries them: open `url` as is).
 */
export interface Navigation {
  url: string;
  method: 'GET' | 'POST';
  fields: Record<string, string>;
}

/** Receives a navigation instead of the browser performing it (apps that route themselves, tests, WebViews). */
export type NavigateHook = (navigation: Navigation) => void;

/** What a launcher may use while it runs. */
export interface LaunchContext {
  /** The native wallet bridges the app injected (empty in a plain browser). */
  bridges: NativeBridges;
  /** When set, launchers hand navigations to it instead of touching `location` or submitting a form. */
  onNavigate?: NavigateHook | undefined;
  /** The DOM document, or `undefined` where there is none (server rendering, React Native, mini-programs). */
  document: Document | undefined;
  /** Aborts a launch that waits on something (a bridge, a JS bridge ready event). */
  signal?: AbortSignal | undefined;
}

/** Per-call launch options; they override the client's defaults for this launch only. */
export interface LaunchOptions {
  onNavigate?: NavigateHook | undefined;
  signal?: AbortSignal | undefined;
}

/** The credential variants whose `channel` is one of `C`, narrowed to exactly those channels. */
export type CredentialFor<C extends ChannelId> = ChargeCredential extends infer T
  ? T extends { channel: infer K }
    ? [Extract<K, C>] extends [never]
      ? never
      : Omit<T, 'channel'> & { channel: Extract<K, C> }
    : never
  : never;

/** A charge whose credential belongs to one of the channels `C`. */
export type ChargeFor<C extends ChannelId> = Omit<Charge, 'credential'> & { credential: CredentialFor<C> };

/**
 * A launcher turns a charge credential into the payer-facing flow on one client surface (a redirect, a form, a QR
 * code, a wallet SDK). Each lives in its own module so that an app bundles only the launchers it registers.
 */
export interface Launcher<C extends ChannelId = ChannelId> {
  /** Short name used in messages: 'redirect', 'qr', 'alipay'. */
  readonly name: string;
  /** The channels this launcher handles; `launch` is only called with charges of these channels. */
  readonly channels: readonly C[];
  /** Start the flow. Resolve to a result for every payer outcome; a throw is reported as `{ status: 'failed' }`. */
  launch(charge: ChargeFor<C>, context: LaunchContext): Promise<LaunchResult>;
}

/**
 * A launcher for any set of channels: what `createPayClient({ launchers })` accepts. (`Launcher<'alipay_qr'>` is
 * not a `Launcher<ChannelId>`: it cannot launch every charge; the registry only hands it its own channels.)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each launcher narrows the charges it receives
export type AnyLauncher = Launcher<any>;
