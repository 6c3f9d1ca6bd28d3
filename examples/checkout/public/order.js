/* global document */
/**
 * The order page: `client.waitForResult` asks the merchant server (GET /api/pay/charges/:orderNo) until the charge is
 * final. The status changes from "pending" to "paid" only when the server says so: after the gateway's verified
 * notification, or the server's own query of the gateway.
 */
import { createPayClient } from '@payweave/client';

const config = JSON.parse(document.getElementById('order-config').textContent);
const statusEl = document.querySelector('[data-testid="order-status"]');
const detailEl = document.querySelector('[data-testid="order-status-detail"]');
const fulfilmentEl = document.querySelector('[data-testid="order-fulfilment"]');
const client = createPayClient({ endpoint: '/api/pay' });

function show(status) {
  const text = config.statusText[status];
  statusEl.dataset.status = status;
  statusEl.textContent = text.label;
  detailEl.textContent = text.detail;
}

async function showFulfilment() {
  const response = await fetch(`/api/orders/${encodeURIComponent(config.orderNo)}`);
  const order = response.ok ? await response.json() : undefined;
  if (order && order.fulfilledAt) {
    fulfilmentEl.textContent = `Shipped at ${order.fulfilledAt} (onEvent ran once).`;
    fulfilmentEl.hidden = false;
  }
}

async function watch() {
  for (;;) {
    try {
      const charge = await client.waitForResult(config.orderNo, { timeoutMs: 10 * 60_000, intervalMs: 1_000, maxIntervalMs: 3_000 });
      show(charge.status);
      if (charge.status === 'succeeded') await showFulfilment();
      return;
    } catch (error) {
      // WAIT_TIMEOUT: the payer may still be paying, keep asking. Anything else: say so, then try again.
      if (!(error && error.code === 'WAIT_TIMEOUT')) {
        detailEl.textContent = `Could not reach the shop (${error && error.message ? error.message : error}); retrying.`;
        await new Promise((resolve) => setTimeout(resolve, 5_000));
      }
    }
  }
}

if (config.status === 'pending') void watch();
