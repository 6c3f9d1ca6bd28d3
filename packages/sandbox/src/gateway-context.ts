/**
 * What the framework gives each emulator: its `GatewayContext` and the two cashier routes every gateway gets,
 * `GET {basePath}/cashier/:orderNo` (the page) and `POST {basePath}/cashier/:orderNo` (the payer's decision).
 */
import { PayValidationError } from '@payweave/core';
import { AUTO_POST_SCRIPT_HASH, CASHIER_DECISIONS, renderAutoPostPage, renderCashierPage, renderResultPage } from './cashier';
import { htmlResponse } from './html';
import type { NotificationScheduler } from './notifications/scheduler';
import type { OrderBook, SandboxOrder } from './orders';
import type { AnyGateway, GatewayContext, PayOutcome, SandboxPayResult, SandboxRoute } from './types';

/** Merchant name shown when the emulator recorded none. */
export const DEFAULT_MERCHANT_NAME = 'payweave sandbox merchant';

interface ContextDependencies {
  orders: OrderBook;
  scheduler: NotificationScheduler;
  timeScale: number;
  clock: () => number;
  nextSequence: () => number;
}

/** Path of the framework's cashier page for an order of `gateway`. */
export function cashierPath(gateway: AnyGateway, orderNo: string): string {
  return `${gateway.basePath}/cashier/${encodeURIComponent(orderNo)}`;
}

/** The context handed to one emulator's `routes()` and `pay()`. */
export function createGatewayContext(gateway: AnyGateway, dependencies: ContextDependencies): GatewayContext {
  const { orders, scheduler, timeScale, clock, nextSequence } = dependencies;
  return {
    provider: gateway.provider,
    basePath: gateway.basePath,
    orders,
    timeScale,
    clock,
    nextSequence,
    cashierUrl: (origin, orderNo) => origin + cashierPath(gateway, orderNo),
    cashierPage: (order, options = {}) =>
      htmlResponse(
        renderCashierPage({
          gatewayTitle: gateway.title,
          merchantName: order.merchantName ?? DEFAULT_MERCHANT_NAME,
          orderNo: order.orderNo,
          amount: order.amount,
          subject: order.subject,
          action: options.action ?? cashierPath(gateway, order.orderNo),
          ...(options.hiddenFields ? { hiddenFields: options.hiddenFields } : {}),
          ...(gateway.accentColor ? { accentColor: gateway.accentColor } : {}),
        }),
      ),
    notify: (input) => scheduler.schedule({ ...input, provider: gateway.provider }),
  };
}

type Settle = (order: SandboxOrder, outcome: PayOutcome) => Promise<SandboxPayResult>;

/** The cashier page and decision routes of one gateway (paths include its basePath). */
export function cashierRoutes(gateway: AnyGateway, context: GatewayContext, settle: Settle): SandboxRoute[] {
  const path = `${gateway.basePath}/cashier/:orderNo`;
  const result = (orderNo: string, state: Parameters<typeof renderResultPage>[0]['state'], status = 200) =>
    htmlResponse(renderResultPage({ gatewayTitle: gateway.title, orderNo, state, ...(gateway.accentColor ? { accentColor: gateway.accentColor } : {}) }), status);

  return [
    {
      method: 'GET',
      path,
      handle: ({ params }) => {
        const order = context.orders.require(gateway.provider, params.orderNo as string);
        return order.status === 'pending' ? context.cashierPage(order) : result(order.orderNo, order.status);
      },
    },
    {
      method: 'POST',
      path,
      handle: async ({ request, params }) => {
        const form = new URLSearchParams(await request.text());
        const outcome = CASHIER_DECISIONS[form.get('decision') ?? ''];
        if (!outcome) {
          throw new PayValidationError(`the cashier form must post decision=pay, cancel or fail; got ${JSON.stringify(form.get('decision'))}`);
        }
        const order = context.orders.require(gateway.provider, params.orderNo as string);
        if (order.status !== 'pending') return result(order.orderNo, order.status, 409);
        const settled = await settle(order, outcome);
        if (settled.redirectTo) return new Response(null, { status: 303, headers: { location: settled.redirectTo } });
        if (settled.postTo) {
          const document = renderAutoPostPage({ gatewayTitle: gateway.title, ...settled.postTo, ...(gateway.accentColor ? { accentColor: gateway.accentColor } : {}) });
          return htmlResponse(document, 200, [AUTO_POST_SCRIPT_HASH]);
        }
        return result(order.orderNo, outcome);
      },
    },
  ];
}
