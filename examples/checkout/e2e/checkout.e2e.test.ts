/**
 * The checkout example in real headless Chromium against the offline sandbox: for every web surface, open the
 * checkout, pay in the sandbox cashier (or wallet), come back and see "paid"; cancel and see the order still pending;
 * close the browser before the return and still see the order paid, from the notification alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newPage, screenshots, skipE2e, startServers } from './harness';

type Servers = Awaited<ReturnType<typeof startServers>>;

const REDIRECT_SURFACES = ['alipay_page', 'alipay_wap', 'wechat_h5', 'unionpay_wap', 'unionpay_page'] as const;
const QR_SURFACES = ['alipay_qr', 'wechat_native'] as const;

describe.skipIf(skipE2e)('checkout example in Chromium', () => {
  let servers: Servers;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;

  beforeAll(async () => {
    servers = await startServers();
    chromium = await launchChromium();
    browser = chromium.browser;
  });

  afterAll(async () => {
    await chromium?.close();
    await servers?.close();
  });

  const offered = (channel: string) => servers.checkout.surfaces.some((surface) => surface.channel === channel);

  /** Open the checkout, pick the first product and `channel`, press Pay. */
  async function startPayment(page: Page, channel: string, shot: (page: Page, step: string) => Promise<void>, log: string[] = []): Promise<void> {
    await page.goto(`${servers.checkout.url}/`, { waitUntil: 'domcontentloaded' });
    try {
      await page.waitForSelector('form[data-ready="true"]', { timeout: 20_000 });
    } catch (error) {
      await shot(page, 'checkout-not-ready');
      throw new Error(`the checkout page did not load its modules: ${log.join('; ') || 'no console output'}`, { cause: error });
    }
    await shot(page, 'checkout');
    await page.check('[data-testid="product-longjing"]');
    await page.check(`[data-testid="method-${channel}"]`);
    await shot(page, 'method-picked');
    await page.click('[data-testid="pay"]');
  }

  async function expectStatus(page: Page, status: string, label: string): Promise<void> {
    const locator = page.locator(`[data-testid="order-status"][data-status="${status}"]`);
    await locator.waitFor({ timeout: 20_000 });
    expect(await locator.textContent()).toBe(label);
  }

  for (const channel of REDIRECT_SURFACES) {
    it(`${channel}: pays in the sandbox cashier, returns, and sees "paid"`, async (context) => {
      if (!offered(channel)) context.skip();
      const shot = screenshots(`${channel}-pay`);
      const { context: browserContext, page, errors, log } = await newPage(browser);
      await startPayment(page, channel, shot, log);
      await page.waitForSelector('[data-testid="cashier"]');
      expect(page.url().startsWith(servers.sandboxServer.url)).toBe(true);
      await shot(page, 'sandbox-cashier');
      await page.click('[data-testid="cashier-pay"]');
      await page.waitForURL(/\/orders\/PW\d+\?return=/);
      await expectStatus(page, 'succeeded', 'paid');
      await expect(page.locator('[data-testid="order-hint"]').textContent()).resolves.toMatch(channel.startsWith('wechat') ? /not signed/ : /signed return says "succeeded"/);
      await shot(page, 'order-paid');
      expect(errors).toEqual([]);
      await browserContext.close();
    });
  }

  for (const channel of QR_SURFACES) {
    it(`${channel}: shows the QR payload, the order moves from pending to paid when the payer scans and pays`, async (context) => {
      if (!offered(channel)) context.skip();
      const shot = screenshots(`${channel}-pay`);
      const { context: browserContext, page, errors, log } = await newPage(browser);
      await startPayment(page, channel, shot, log);
      await page.waitForSelector('[data-testid="qr-payload"]');
      await expectStatus(page, 'pending', 'pending');
      await shot(page, 'order-pending-qr');
      // "Scanning": the payer's phone opens the cashier; the order page stays open and polls the server.
      const [cashier] = await Promise.all([browserContext.waitForEvent('page'), page.click('[data-testid="qr-cashier-link"]')]);
      await cashier.waitForSelector('[data-testid="cashier"]');
      await shot(cashier, 'sandbox-cashier');
      await cashier.click('[data-testid="cashier-pay"]');
      await cashier.waitForSelector('[data-testid="cashier-result"][data-outcome="succeeded"]');
      await shot(cashier, 'cashier-result');
      await expectStatus(page, 'succeeded', 'paid');
      await page.locator('[data-testid="order-fulfilment"]:not([hidden])').waitFor();
      await shot(page, 'order-paid');
      expect(errors).toEqual([]);
      await browserContext.close();
    });
  }

  it('wechat_jsapi: pays through the (sandbox) WeixinJSBridge and sees "paid"', async (context) => {
    if (!offered('wechat_jsapi')) context.skip();
    const shot = screenshots('wechat_jsapi-pay');
    const { context: browserContext, page, errors, log } = await newPage(browser);
    await startPayment(page, 'wechat_jsapi', shot, log);
    await page.waitForURL(/\/orders\/PW\d+\?wallet=succeeded/);
    await expectStatus(page, 'succeeded', 'paid');
    await shot(page, 'order-paid');
    expect(errors).toEqual([]);
    await browserContext.close();
  });

  it('alipay_page: cancels in the cashier and the order stays pending', async (context) => {
    if (!offered('alipay_page')) context.skip();
    const shot = screenshots('alipay_page-cancel');
    const { context: browserContext, page, log } = await newPage(browser);
    await startPayment(page, 'alipay_page', shot, log);
    await page.waitForSelector('[data-testid="cashier"]');
    const orderNo = (await page.textContent('[data-testid="cashier-order-no"]'))?.trim();
    await shot(page, 'sandbox-cashier');
    await page.click('[data-testid="cashier-cancel"]');
    await page.waitForSelector('[data-testid="cashier-result"][data-outcome="canceled"]');
    await shot(page, 'cashier-canceled');
    await page.goto(`${servers.checkout.url}/orders/${orderNo}`);
    await expectStatus(page, 'pending', 'pending');
    await shot(page, 'order-pending');
    await browserContext.close();
  });

  it('wechat_jsapi: cancels in the wallet and the order stays pending, with the wallet answer shown as a hint', async (context) => {
    if (!offered('wechat_jsapi')) context.skip();
    const shot = screenshots('wechat_jsapi-cancel');
    const { context: browserContext, page, log } = await newPage(browser);
    await page.addInitScript(() => {
      (globalThis as { payweaveWechatDecision?: string }).payweaveWechatDecision = 'cancel';
    });
    await startPayment(page, 'wechat_jsapi', shot, log);
    await page.waitForURL(/\?wallet=canceled/);
    await expectStatus(page, 'pending', 'pending');
    await expect(page.locator('[data-testid="order-hint"]').textContent()).resolves.toContain('"canceled"');
    await shot(page, 'order-pending');
    await browserContext.close();
  });

  it('unionpay_wap: the browser closes before returning, and the order is paid from the notification alone', async (context) => {
    if (!offered('unionpay_wap')) context.skip();
    const shot = screenshots('unionpay_wap-browser-closed');
    const payer = await launchChromium();
    const { page, log } = await newPage(payer.browser);
    await startPayment(page, 'unionpay_wap', shot, log);
    await page.waitForSelector('[data-testid="cashier"]');
    const orderNo = (await page.textContent('[data-testid="cashier-order-no"]'))?.trim() as string;
    await shot(page, 'sandbox-cashier');
    // The payer pays; the browser never makes it back to the shop (its return request is dropped) and is closed.
    await page.route(`${servers.checkout.url}/**`, (route) => route.abort());
    await page.click('[data-testid="cashier-pay"]');
    await expect.poll(() => servers.sandbox.orders.find(orderNo, 'unionpay').status).toBe('succeeded');
    await payer.close();

    await expect.poll(() => servers.sandbox.notifications.find((delivery) => delivery.orderNo === orderNo)?.status, { timeout: 15_000 }).toBe('acknowledged');
    const { context: later, page: orderPage } = await newPage(browser);
    await orderPage.goto(`${servers.checkout.url}/orders/${orderNo}`);
    await expectStatus(orderPage, 'succeeded', 'paid');
    await expect(orderPage.locator('[data-testid="order-hint"]').count()).resolves.toBe(0);
    await shot(orderPage, 'order-paid-later');
    await later.close();
  });
});
