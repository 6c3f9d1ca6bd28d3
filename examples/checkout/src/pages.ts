/**
 * The checkout's HTML: the products page with the payment-method picker, and the order page. Rendered on the server
 * with every value escaped; the behaviour is in `public/checkout.js` and `public/order.js`, which import
 * `@payweave/client` through the import map.
 */
import { type Charge, type ChargeStatus, toYuan } from '@payweave/core';
import type { Order, Product } from './catalog';
import type { GatewayMode } from './gateways';
import { qrSvg } from './qr';
import type { PublicSurface } from './surfaces';

/** A surface the picker shows, with the gateway it goes to. */
export type OfferedSurface = PublicSurface & { mode: GatewayMode };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (char) => ESCAPES[char] as string);
}

/** JSON for a `<script type="application/json">` (no `</script>` can close it early). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function layout(title: string, importMap: unknown, body: string, scripts: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/app/style.css">
<script type="importmap">${scriptJson(importMap)}</script>
</head>
<body>
<header><a href="/" class="brand">Teahouse</a><span class="tag">payweave checkout example</span></header>
${body}
${scripts}
</body>
</html>
`;
}

const MODE_TEXT: Record<GatewayMode, string> = { sandbox: 'sandbox', live: 'real gateway' };

/** The products page: product list, payment-method picker, Pay button. */
export function checkoutPage(view: { products: readonly Product[]; surfaces: OfferedSurface[]; notes: string[]; importMap: unknown; jsapiBridgeUrl?: string; openId?: string }): string {
  const products = view.products
    .map(
      (product, index) => `<label class="option"><input type="radio" name="product" value="${escapeHtml(product.id)}" data-testid="product-${escapeHtml(product.id)}"${index === 0 ? ' checked' : ''}>
<span class="name">${escapeHtml(product.name)}</span><span class="price">¥${toYuan(product.price)}</span><small>${escapeHtml(product.description)}</small></label>`,
    )
    .join('\n');
  const surfaces = view.surfaces.length
    ? view.surfaces
        .map(
          (surface, index) => `<label class="option"><input type="radio" name="channel" value="${surface.channel}" data-testid="method-${surface.channel}"${index === 0 ? ' checked' : ''}>
<span class="name">${escapeHtml(surface.label)}</span><span class="mode mode-${surface.mode}">${MODE_TEXT[surface.mode]}</span><small>${escapeHtml(surface.hint)}</small></label>`,
        )
        .join('\n')
    : '<p class="empty" data-testid="no-methods">No payment method is configured: start the sandbox (npm run example) or set real keys (see examples/checkout/README.md).</p>';
  const notes = view.notes.length ? `<aside class="notes"><h2>Not offered</h2><ul>${view.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul></aside>` : '';
  const config = { surfaces: view.surfaces, openId: view.openId ?? null };
  const body = `<main>
<h1>Checkout</h1>
<form id="checkout" data-testid="checkout-form">
<fieldset><legend>1. Choose a product</legend>
${products}
</fieldset>
<fieldset><legend>2. Choose how to pay</legend>
${surfaces}
</fieldset>
<button type="submit" data-testid="pay"${view.surfaces.length ? '' : ' disabled'}>Pay</button>
<p class="error" role="alert" data-testid="checkout-error" hidden></p>
</form>
${notes}
</main>`;
  const scripts = [
    `<script type="application/json" id="checkout-config">${scriptJson(config)}</script>`,
    // Outside WeChat there is no WeixinJSBridge: the sandbox serves a stand-in that talks to its emulator.
    view.jsapiBridgeUrl ? `<script src="${escapeHtml(view.jsapiBridgeUrl)}"></script>` : '',
    '<script type="module" src="/app/checkout.js"></script>',
  ].join('\n');
  return layout('Checkout · payweave example', view.importMap, body, scripts);
}

/** What the order page says about a status: the server's verified state, never the browser's hint. */
export const STATUS_TEXT: Record<ChargeStatus | 'none', { label: string; detail: string }> = {
  none: { label: 'not started', detail: 'No payment was created for this order.' },
  pending: { label: 'pending', detail: "Waiting for the gateway's verified notification; this page asks the server until it is final." },
  succeeded: { label: 'paid', detail: "The server verified the gateway's signed notification (or its answer to a query)." },
  failed: { label: 'failed', detail: 'The gateway reported the payment failed.' },
  closed: { label: 'closed', detail: 'The payment was closed before it was paid.' },
};

/** The order page: summary, the server's status (updated by `order.js`), the browser-side hint, QR payloads. */
export function orderPage(view: { order?: Order; orderNo: string; charge?: Charge; surface?: OfferedSurface; hint?: string; cashierUrl?: string; importMap: unknown }): string {
  const status = view.charge?.status ?? 'none';
  const text = STATUS_TEXT[status];
  const product = view.order?.product;
  const qr = view.charge?.status === 'pending' ? qrPayload(view.charge) : undefined;
  const qrSection = qr
    ? `<section class="qr" data-testid="qr">
<h2>Scan to pay</h2>
<p>The payer scans this code with the wallet.</p>
${qrSvg(qr)}
<pre data-testid="qr-payload">${escapeHtml(qr)}</pre>
${view.cashierUrl ? `<p><a href="${escapeHtml(view.cashierUrl)}" data-testid="qr-cashier-link" target="_blank" rel="noopener">Scan it with the sandbox</a> (opens the sandbox cashier, as the wallet would).</p>` : ''}
</section>`
    : '';
  const body = `<main>
<h1>Order <span data-testid="order-no">${escapeHtml(view.orderNo)}</span></h1>
<dl class="summary">
<dt>Product</dt><dd>${product ? escapeHtml(product.name) : escapeHtml(view.charge?.subject ?? 'unknown order')}</dd>
<dt>Amount</dt><dd>¥${toYuan(view.charge?.amount ?? product?.price ?? 0)}</dd>
<dt>Paying with</dt><dd>${escapeHtml(view.surface?.label ?? view.charge?.channel ?? '-')}</dd>
</dl>
<section class="status" aria-live="polite">
<p>Payment status: <strong data-testid="order-status" data-status="${status}">${text.label}</strong></p>
<p class="detail" data-testid="order-status-detail">${escapeHtml(text.detail)}</p>
${view.hint ? `<p class="hint" data-testid="order-hint">${escapeHtml(view.hint)}</p>` : ''}
<p class="fulfilment" data-testid="order-fulfilment"${view.order?.fulfilledAt ? '' : ' hidden'}>${view.order?.fulfilledAt ? `Shipped at ${escapeHtml(view.order.fulfilledAt)} (onEvent ran once).` : ''}</p>
</section>
${qrSection}
<p><a href="/" data-testid="back-to-shop">Back to the shop</a></p>
</main>`;
  const scripts = `<script type="application/json" id="order-config">${scriptJson({ orderNo: view.orderNo, status, statusText: STATUS_TEXT })}</script>
<script type="module" src="/app/order.js"></script>`;
  return layout(`Order ${view.orderNo} · payweave example`, view.importMap, body, scripts);
}

function qrPayload(charge: Charge): string | undefined {
  const credential = charge.credential as { channel: string; codeUrl?: string; qrCode?: string };
  return credential.codeUrl ?? credential.qrCode;
}
