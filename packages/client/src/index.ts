/**
 * @payweave/client: asks the merchant server for a charge, launches the channel flow on the payer's device, and
 * waits for the verified result. Launchers live in subpaths (`@payweave/client/redirect`, `/qr`, ...) so that an
 * app bundles only those it registers. No DOM access at import time: safe to import during server rendering.
 */
export { createPayClient } from './client';
export type { PayClient, PayClientOptions, ClientChargeRequest, CreateChargeOptions } from './client';
export type { WaitOptions } from './wait';
export type { FetchLike, AxiosLikeInstance, AxiosLikeRequestConfig, HeadersOption } from './transport';
export type { LaunchResult, LaunchOptions, LaunchContext, Launcher, AnyLauncher, Navigation, NavigateHook, ChargeFor, CredentialFor } from './types';
export type {
  NativeBridges,
  AlipayBridgeResult,
  WechatAppPayParams,
  WechatBridgeResult,
  UnionpayBridgeResult,
  AppleBridgeRequest,
  AppleBridgeResult,
} from './bridges';
export { PayError } from '@payweave/core';
export type { Charge, ChargeCredential, ChargeStatus, ChannelId } from '@payweave/core';
