import { createChargeRoutes } from '@payweave/server';

const routes = createChargeRoutes(pay, {
  // Amount and subject come from YOUR order system, never from the client.
  resolveOrder: async (orderNo, request) => ({ amount: 1999, subject: 'T-shirt' }),
  clientIp: (request) => request.headers.get('x-real-ip') ?? undefined, // behind your trusted proxy
});
// POST {base}/charges {orderNo, channel, payer?, returnUrl?} -> Charge
// GET  {base}/charges/:orderNo -> Charge (re-queries the gateway for a pending charge, at most every 5 s per order)
export {};
