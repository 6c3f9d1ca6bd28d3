import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AUTO_POST_SCRIPT, AUTO_POST_SCRIPT_HASH, renderAutoPostPage, renderCashierPage, renderResultPage, type CashierView } from './cashier';

const view: CashierView = {
  gatewayTitle: 'Alipay',
  merchantName: 'Tea & Co',
  orderNo: 'ORDER_2025_0001',
  amount: 1999,
  subject: 'Green tea',
  action: '/alipay/cashier/ORDER_2025_0001',
};

describe('renderCashierPage', () => {
  it('shows merchant, order number, subject and the amount in yuan', () => {
    const page = renderCashierPage(view);
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page).toContain('<dd class="amount" data-testid="cashier-amount">¥19.99</dd>');
    expect(page).toContain('<dd data-testid="cashier-subject">Green tea</dd>');
    expect(page).toContain('<dd data-testid="cashier-order-no">ORDER_2025_0001</dd>');
    expect(page).toContain('<h1 id="cashier-title">Confirm payment to Tea &amp; Co</h1>');
    expect(renderCashierPage({ ...view, amount: 5 })).toContain('¥0.05</dd>');
  });

  it('posts the decision from buttons with stable ids and test ids', () => {
    const page = renderCashierPage(view);
    expect(page).toContain('<form method="post" action="/alipay/cashier/ORDER_2025_0001">');
    expect(page).toContain('name="decision" value="pay" id="cashier-pay" data-testid="cashier-pay">Pay ¥19.99</button>');
    expect(page).toContain('name="decision" value="cancel" id="cashier-cancel" data-testid="cashier-cancel">Cancel</button>');
    expect(page).toContain('name="decision" value="fail" id="cashier-fail" data-testid="cashier-fail">');
  });

  it('escapes every value, so a subject cannot inject markup', () => {
    const page = renderCashierPage({
      ...view,
      subject: '<script>alert(1)</script>',
      merchantName: '"><img src=x onerror=alert(2)>',
      orderNo: "O'1",
      action: '/x" onmouseover="alert(3)',
      hiddenFields: { 'a"b': '<c>' },
    });
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(page).toContain('O&#39;1');
    expect(page).toContain('action="/x&quot; onmouseover=&quot;alert(3)"');
    expect(page).toContain('<input type="hidden" name="a&quot;b" value="&lt;c&gt;">');
  });

  it('needs no external asset and ignores an accent colour that is not a hex colour', () => {
    const page = renderCashierPage({ ...view, accentColor: 'red;}body{background:url(http://evil.test/x)' });
    expect(page).not.toMatch(/(?:src|href)="https?:/);
    expect(page).not.toContain('evil.test');
    expect(page).toContain(':root{--accent:#3b5bdb}');
    expect(renderCashierPage({ ...view, accentColor: '#1677ff' })).toContain(':root{--accent:#1677ff}');
  });
});

describe('renderResultPage', () => {
  it('announces the outcome with a stable test id', () => {
    const page = renderResultPage({ gatewayTitle: 'Alipay', orderNo: '<b>1</b>', state: 'succeeded' });
    expect(page).toContain('data-testid="cashier-result" data-outcome="succeeded"');
    expect(page).toContain('<h1 id="result-title" role="status">Payment succeeded</h1>');
    expect(page).toContain('&lt;b&gt;1&lt;/b&gt;');
  });
});

describe('renderAutoPostPage', () => {
  it('posts escaped fields to the merchant, with a button when script is off', () => {
    const page = renderAutoPostPage({ gatewayTitle: 'UnionPay', url: 'http://merchant.test/front?a=1&b=2', fields: { orderId: '<1>', respCode: '00' } });
    expect(page).toContain('<form id="auto-post" method="post" action="http://merchant.test/front?a=1&amp;b=2">');
    expect(page).toContain('<input type="hidden" name="orderId" value="&lt;1&gt;">');
    expect(page).toContain('data-testid="cashier-continue">Continue</button>');
    expect(page).toContain(`<script>${AUTO_POST_SCRIPT}</script>`);
  });

  it('declares the CSP hash of its only script', () => {
    const digest = createHash('sha256').update(AUTO_POST_SCRIPT, 'utf8').digest('base64');
    expect(AUTO_POST_SCRIPT_HASH).toBe(`sha256-${digest}`);
  });
});
