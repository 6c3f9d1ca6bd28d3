/**
 * The sandbox's own routes: `GET /` (an index of the emulated gateways, their orders and the notification log, so
 * the sandbox alone is a runnable demo) and `GET /health`.
 */
import { toYuan } from '@payweave/core';
import { html, htmlResponse, jsonResponse, page } from './html';
import type { NotificationDelivery } from './notifications/types';
import type { OrderBook } from './orders';
import type { AnyGateway, SandboxRoute } from './types';

interface IndexSources {
  gateways: readonly AnyGateway[];
  orders: OrderBook;
  notifications: readonly NotificationDelivery[];
  cashierPath: (gateway: AnyGateway, orderNo: string) => string;
}

/** `GET /` and `GET /health`. */
export function builtinRoutes(sources: IndexSources): SandboxRoute[] {
  return [
    { method: 'GET', path: '/health', handle: () => jsonResponse({ ok: true }) },
    { method: 'GET', path: '/', handle: ({ origin }) => htmlResponse(renderIndex(sources, origin)) },
  ];
}

function renderIndex(sources: IndexSources, origin: string): string {
  const gateways = sources.gateways.length
    ? html`<ul>${sources.gateways.map(
        (gateway) => html`<li data-testid="gateway-${gateway.provider}"><strong>${gateway.title}</strong> at <code>${origin}${gateway.basePath}</code>${
          gateway.description ? html` · ${gateway.description}` : ''
        }${(gateway.links ?? []).map((link) => html` · <a href="${gateway.basePath}${link.path}">${link.label}</a>`)}</li>`,
      )}</ul>`
    : html`<p>No gateway emulators are registered yet.</p>`;

  const byProvider = new Map(sources.gateways.map((gateway) => [gateway.provider, gateway]));
  const orders = sources.orders.list().slice(-50).reverse();
  const orderRows = orders.map((order) => {
    const gateway = byProvider.get(order.provider);
    const cashier = gateway && order.status === 'pending' ? html` <a href="${sources.cashierPath(gateway, order.orderNo)}">Open cashier</a>` : '';
    return html`<tr><td>${order.provider}</td><td>${order.orderNo}</td><td>¥${toYuan(order.amount)}</td><td>${order.subject}</td><td>${order.status}${cashier}</td></tr>`;
  });

  const deliveries = sources.notifications.slice(-50).reverse();
  const deliveryRows = deliveries.map((delivery) => {
    const last = delivery.attempts[delivery.attempts.length - 1];
    const answer = last ? (last.error ?? `HTTP ${String(last.status)}`) : 'in flight';
    return html`<tr><td>${delivery.provider}</td><td>${delivery.orderNo ?? ''}</td><td>${delivery.url}</td><td>${delivery.status}</td><td>${delivery.attempts.length}</td><td>${answer}</td><td>${delivery.nextAttemptAt ?? ''}</td></tr>`;
  });

  const body = html`<main class="wide" data-testid="sandbox-index">
<span class="badge">payweave</span>
<h1>payweave sandbox</h1>
<p class="note">Offline emulators of payment gateways. Point payweave channels at this origin (<code>${origin}</code>) with <code>sandbox.channelConfigs(url)</code>. Health: <a href="/health">/health</a>.</p>
<h2>Emulated gateways</h2>
${gateways}
<h2>Orders</h2>
${orderRows.length ? html`<table><thead><tr><th>Provider</th><th>Order no.</th><th>Amount</th><th>Subject</th><th>Status</th></tr></thead><tbody>${orderRows}</tbody></table>` : html`<p class="note">No orders yet.</p>`}
<h2>Notifications</h2>
${deliveryRows.length ? html`<table><thead><tr><th>Provider</th><th>Order no.</th><th>Notify URL</th><th>Status</th><th>Attempts</th><th>Last answer</th><th>Next retry</th></tr></thead><tbody>${deliveryRows}</tbody></table>` : html`<p class="note">No notifications sent yet.</p>`}
</main>`;
  return page({ title: 'payweave sandbox', body });
}
