/**
 * @payweave/sandbox: offline emulators of the payment gateways payweave speaks to, as msw handlers
 * (`setupServer(...sandbox.handlers)`) and as the same handlers over a local HTTP server (`sandbox.listen()`).
 * This entry never imports a Node builtin; `listen()` loads the Node server lazily.
 */
export { createSandbox, DEFAULT_SANDBOX_ORIGIN } from './sandbox';
export { defineGateway } from './gateways/define';
export { ACKNOWLEDGEMENTS } from './notifications/acknowledgements';
export { RETRY_SCHEDULES } from './notifications/schedules';
export type {
  AnyGateway,
  CashierPageOptions,
  ChannelConfigTarget,
  ChannelConfigsOf,
  DeliveryResponse,
  DeliveryStatus,
  FormReturn,
  GatewayContext,
  GatewayPayResult,
  ListenOptions,
  NewSandboxOrder,
  NotificationAttempt,
  NotificationDelivery,
  NotifyInput,
  OrderBook,
  PayOutcome,
  RouteArgs,
  RouteMethod,
  Sandbox,
  SandboxGateway,
  SandboxOptions,
  SandboxOrder,
  SandboxOrderStatus,
  SandboxPayOptions,
  SandboxPayResult,
  SandboxRoute,
  SandboxServer,
  SandboxTimers,
} from './types';
