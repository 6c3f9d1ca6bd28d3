/**
 * The in-memory order book one sandbox instance shares between its emulators: orders created by gateway calls,
 * keyed by provider and merchant order number. Orders are immutable snapshots; `update` stores a new one.
 */
import { assertMinorUnits, isProvider, PayValidationError, type Provider } from '@payweave/core';

/** Where an order stands in the sandbox (the emulator maps it to its gateway's own vocabulary). */
export type SandboxOrderStatus = 'pending' | 'succeeded' | 'failed' | 'closed';

/** An order as an emulated gateway recorded it. */
export interface SandboxOrder {
  readonly provider: Provider;
  readonly orderNo: string;
  /** Minor units (fen). */
  readonly amount: number;
  readonly subject: string;
  readonly merchantName?: string;
  readonly notifyUrl?: string;
  readonly returnUrl?: string;
  readonly status: SandboxOrderStatus;
  readonly channelTradeNo?: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly paidAt?: string;
  /** Provider-specific fields the emulator needs later (app id, trade type, request parameters...). */
  readonly data: Readonly<Record<string, unknown>>;
}

/** What an emulator passes to `orders.create`. */
export interface NewSandboxOrder {
  provider: Provider;
  orderNo: string;
  amount: number;
  subject: string;
  merchantName?: string;
  notifyUrl?: string;
  returnUrl?: string;
  channelTradeNo?: string;
  data?: Record<string, unknown>;
}

/** Changes for `orders.update`; `data` is merged into the existing data. */
export type SandboxOrderPatch = Partial<Omit<SandboxOrder, 'provider' | 'orderNo' | 'createdAt'>>;

/** Read and write access to a sandbox's orders. */
export interface OrderBook {
  /** Record a new pending order; throws `SANDBOX_ORDER_EXISTS` if the provider already has this order number. */
  create(order: NewSandboxOrder): SandboxOrder;
  get(provider: Provider, orderNo: string): SandboxOrder | undefined;
  /** Like `get`, but throws `SANDBOX_ORDER_NOT_FOUND`. */
  require(provider: Provider, orderNo: string): SandboxOrder;
  /** The one order with this number (across providers unless `provider` is given); throws if none or ambiguous. */
  find(orderNo: string, provider?: Provider): SandboxOrder;
  update(provider: Provider, orderNo: string, patch: SandboxOrderPatch): SandboxOrder;
  /** Every order (of one provider), oldest first. */
  list(provider?: Provider): SandboxOrder[];
}

/** A fresh, empty order book. */
export function createOrderBook(clock: () => number): OrderBook {
  const orders = new Map<string, SandboxOrder>();
  const key = (provider: Provider, orderNo: string) => `${provider}\u0000${orderNo}`;

  const book: OrderBook = {
    create(input) {
      assertMinorUnits(input.amount, 'amount');
      if (orders.has(key(input.provider, input.orderNo))) {
        throw new PayValidationError(`the ${input.provider} sandbox already has an order ${input.orderNo}: use a new order number`, [], {
          code: 'SANDBOX_ORDER_EXISTS',
        });
      }
      const { data, ...fields } = input;
      const order: SandboxOrder = { ...fields, status: 'pending', createdAt: new Date(clock()).toISOString(), data: { ...data } };
      orders.set(key(input.provider, input.orderNo), order);
      return order;
    },
    get: (provider, orderNo) => orders.get(key(provider, orderNo)),
    require(provider, orderNo) {
      const order = orders.get(key(provider, orderNo));
      if (!order) throw notFound(orderNo, provider);
      return order;
    },
    find(orderNo, provider) {
      if (typeof orderNo !== 'string' || (provider !== undefined && !isProvider(provider))) {
        throw new PayValidationError('expected an order number (string) and optionally a provider (alipay, wechat, unionpay, apple)', [], { code: 'SANDBOX_ORDER_INVALID' });
      }
      if (provider) return book.require(provider, orderNo);
      const matches = [...orders.values()].filter((order) => order.orderNo === orderNo);
      if (matches.length === 0) throw notFound(orderNo);
      if (matches.length > 1) {
        const providers = matches.map((order) => order.provider).join(', ');
        throw new PayValidationError(`order ${orderNo} exists at ${providers}: pass { provider } to say which`, [], {
          code: 'SANDBOX_ORDER_AMBIGUOUS',
        });
      }
      return matches[0] as SandboxOrder;
    },
    update(provider, orderNo, patch) {
      const current = book.require(provider, orderNo);
      const next: SandboxOrder = { ...current, ...patch, data: { ...current.data, ...patch.data } };
      orders.set(key(provider, orderNo), next);
      return next;
    },
    list: (provider) => [...orders.values()].filter((order) => !provider || order.provider === provider),
  };
  return book;
}

function notFound(orderNo: string, provider?: Provider): PayValidationError {
  const where = provider ? `the ${provider} sandbox` : 'the sandbox';
  return new PayValidationError(`${where} has no order ${orderNo}: create the charge through the sandbox gateway first`, [], {
    code: 'SANDBOX_ORDER_NOT_FOUND',
  });
}
