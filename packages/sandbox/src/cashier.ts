/**
 * The cashier page framework: the page where the sandbox "payer" confirms, cancels or fails a payment, and the page
 * shown after the decision when the gateway does not redirect. Plain HTML forms, no script, every value escaped.
 */
import { toYuan } from '@payweave/core';
import { html, page, SafeHtml } from './html';
import type { PayOutcome } from './types';

/** The decisions the cashier form posts (`decision=<value>`), and the outcome each one means. */
export const CASHIER_DECISIONS: Readonly<Record<string, PayOutcome>> = { pay: 'succeeded', cancel: 'canceled', fail: 'failed' };

/** What the cashier page shows. */
export interface CashierView {
  /** The emulated gateway, e.g. `'Alipay (支付宝)'`. */
  gatewayTitle: string;
  merchantName: string;
  orderNo: string;
  /** Minor units (fen); shown in yuan. */
  amount: number;
  subject: string;
  /** Where the decision form posts. */
  action: string;
  hiddenFields?: Record<string, string>;
  /** Hex colour. */
  accentColor?: string;
}

/** The cashier page: order summary and Pay / Cancel (and "Simulate failure") buttons posting to `view.action`. */
export function renderCashierPage(view: CashierView): string {
  const hidden = Object.entries(view.hiddenFields ?? {}).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
  );
  const body = html`<main aria-labelledby="cashier-title" data-testid="cashier">
<span class="badge">Sandbox · ${view.gatewayTitle}</span>
<h1 id="cashier-title">Confirm payment to ${view.merchantName}</h1>
<p class="note">This is an offline payweave sandbox. No real money moves.</p>
<dl>
<dt>Amount</dt><dd class="amount" data-testid="cashier-amount">¥${toYuan(view.amount)}</dd>
<dt>Subject</dt><dd data-testid="cashier-subject">${view.subject}</dd>
<dt>Order no.</dt><dd data-testid="cashier-order-no">${view.orderNo}</dd>
<dt>Merchant</dt><dd data-testid="cashier-merchant">${view.merchantName}</dd>
</dl>
<form method="post" action="${view.action}">
${hidden}
<div class="actions">
<button type="submit" class="primary" name="decision" value="pay" id="cashier-pay" data-testid="cashier-pay">Pay ¥${toYuan(view.amount)}</button>
<button type="submit" class="secondary" name="decision" value="cancel" id="cashier-cancel" data-testid="cashier-cancel">Cancel</button>
<button type="submit" class="quiet" name="decision" value="fail" id="cashier-fail" data-testid="cashier-fail">Simulate a failed payment</button>
</div>
</form>
</main>`;
  return page({ title: `Pay ¥${toYuan(view.amount)} · ${view.gatewayTitle} sandbox`, body, accentColor: view.accentColor });
}

const RESULT_TEXT: Record<PayOutcome | 'closed' | 'pending', { heading: string; detail: string }> = {
  succeeded: { heading: 'Payment succeeded', detail: 'The gateway notifies the merchant server. You can close this page.' },
  failed: { heading: 'Payment failed', detail: 'The payment did not go through.' },
  canceled: { heading: 'Payment canceled', detail: 'You left the cashier without paying; the order is still open.' },
  closed: { heading: 'Order closed', detail: 'This order can no longer be paid.' },
  pending: { heading: 'Payment pending', detail: 'The order is waiting for the payer.' },
};

/** The page shown after a decision (or for an order that is no longer payable). */
export function renderResultPage(options: {
  gatewayTitle: string;
  orderNo: string;
  state: keyof typeof RESULT_TEXT;
  message?: string;
  accentColor?: string;
}): string {
  const text = RESULT_TEXT[options.state];
  const body = html`<main aria-labelledby="result-title" data-testid="cashier-result" data-outcome="${options.state}">
<span class="badge">Sandbox · ${options.gatewayTitle}</span>
<h1 id="result-title" role="status">${text.heading}</h1>
<p>${options.message ?? text.detail}</p>
<p class="note">Order no. <span data-testid="cashier-order-no">${options.orderNo}</span> · <a href="/">Sandbox home</a></p>
</main>`;
  return page({ title: `${text.heading} · ${options.gatewayTitle} sandbox`, body, accentColor: options.accentColor });
}

/** The one inline script the sandbox ever serves, and its CSP hash (checked by cashier.test.ts). */
export const AUTO_POST_SCRIPT = "document.getElementById('auto-post').submit();";
export const AUTO_POST_SCRIPT_HASH = 'sha256-xgMEi0iDxLp407MNje8dAj64ZkX8TGlAD7DTA3omSHc=';

/**
 * A page that posts `fields` to `url` on load, the way a gateway returns the browser to the merchant with a form
 * (UnionPay `frontUrl`); without script, the payer presses "Continue".
 */
export function renderAutoPostPage(options: { gatewayTitle: string; url: string; fields: Record<string, string>; accentColor?: string }): string {
  const hidden = Object.entries(options.fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`);
  const body = html`<main aria-labelledby="auto-post-title" data-testid="cashier-auto-post">
<span class="badge">Sandbox · ${options.gatewayTitle}</span>
<h1 id="auto-post-title">Returning to the merchant…</h1>
<form id="auto-post" method="post" action="${options.url}">
${hidden}
<div class="actions"><button type="submit" class="primary" id="cashier-continue" data-testid="cashier-continue">Continue</button></div>
</form>
</main>
<script>${new SafeHtml(AUTO_POST_SCRIPT)}</script>`;
  return page({ title: `Returning to the merchant · ${options.gatewayTitle} sandbox`, body, accentColor: options.accentColor });
}
