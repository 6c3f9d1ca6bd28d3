/**
 * The shop's own data: products and orders. A real shop keeps orders in its database; here they live in memory
 * (payweave's charges, which are what matter for payments, are in the SQLite store). Prices are in fen.
 */
import { randomInt } from 'node:crypto';

export interface Product {
  id: string;
  name: string;
  description: string;
  /** Minor units (fen): 1999 is ¥19.99. */
  price: number;
}

export interface Order {
  orderNo: string;
  product: Product;
  /** The buyer's IP, which WeChat H5 and UnionPay require on the charge. */
  clientIp: string;
  createdAt: string;
  /** Set by `onEvent` when the verified payment arrives: the shop ships once. */
  fulfilledAt?: string;
}

export const PRODUCTS: readonly Product[] = [
  { id: 'longjing', name: 'Longjing green tea, 50 g', description: 'West Lake, spring harvest', price: 1999 },
  { id: 'puer', name: "Pu'er cake, 357 g", description: 'Aged five years, Yunnan', price: 12800 },
  { id: 'teacup', name: 'Celadon teacup', description: 'Longquan kiln, hand thrown', price: 5600 },
];

/** An order number every gateway accepts: letters and digits, 19 characters (UnionPay forbids _ and -). */
export function newOrderNo(now = Date.now()): string {
  return `PW${now}${String(randomInt(0, 10_000)).padStart(4, '0')}`;
}

/** The in-memory order book of the shop. */
export function createOrderBook() {
  const orders = new Map<string, Order>();
  return {
    create(productId: string, clientIp: string): Order | undefined {
      const product = PRODUCTS.find((candidate) => candidate.id === productId);
      if (!product) return undefined;
      const order: Order = { orderNo: newOrderNo(), product, clientIp, createdAt: new Date().toISOString() };
      orders.set(order.orderNo, order);
      return order;
    },
    get: (orderNo: string): Order | undefined => orders.get(orderNo),
    /** Mark shipped; false when it already was (onEvent runs once per transition, but a shop should not trust that blindly). */
    fulfil(orderNo: string): boolean {
      const order = orders.get(orderNo);
      if (!order || order.fulfilledAt) return false;
      order.fulfilledAt = new Date().toISOString();
      return true;
    },
  };
}

export type OrderBook = ReturnType<typeof createOrderBook>;
