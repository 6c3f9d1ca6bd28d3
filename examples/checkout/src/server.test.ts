/**
 * The checkout server over HTTP, without a browser, against a sandbox on a free port: the pages and modules it
 * serves, charge creation with the amount from the shop's order, a signed Alipay return verified (and a forged one
 * refused), the notification that makes the order paid, and real keys taking a provider off the sandbox.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox, type SandboxServer } from '@payweave/sandbox';
import { buildMissingBrowserPackages } from '../../../scripts/browser-build.mjs';
import { startCheckoutServer, type CheckoutServer } from './server';

let sandbox: Sandbox;
let sandboxServer: SandboxServer;
let checkout: CheckoutServer;
const dataDir = mkdtempSync(join(tmpdir(), 'payweave-checkout-test-'));

beforeAll(async () => {
  buildMissingBrowserPackages(); // the page's modules come from the client's dist/ (built by CI before the tests)
  sandbox = createSandbox();
  sandboxServer = await sandbox.listen({ port: 0 });
  checkout = await startCheckoutServer({ env: {}, port: 0, sandboxUrl: sandboxServer.url, dataDir, log: () => undefined });
});

afterAll(async () => {
  await checkout?.close();
  await sandbox?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function newOrder(productId = 'longjing'): Promise<string> {
  const response = await fetch(`${checkout.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ productId }) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { orderNo: string }).orderNo;
}

async function createCharge(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${checkout.url}/api/pay/charges`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('checkout server', () => {
  it('offers every web surface of the emulated providers, with an import map naming the built client', async () => {
    const page = await (await fetch(`${checkout.url}/`)).text();
    for (const channel of ['alipay_page', 'alipay_wap', 'alipay_qr', 'wechat_jsapi', 'wechat_h5', 'wechat_native', 'unionpay_wap', 'unionpay_page']) {
      expect(page).toContain(`data-testid="method-${channel}"`);
    }
    const importMap = JSON.parse(/<script type="importmap">(.*?)<\/script>/.exec(page)?.[1] ?? '{}') as { imports: Record<string, string> };
    expect(importMap.imports).toMatchObject({ '@payweave/client': '/modules/client/index.js', '@payweave/client/wechat': '/modules/client/launchers/wechat.js' });
    expect(page).toContain(`<script src="${sandboxServer.url}/wechat/jsapi-bridge.js"></script>`);
  });

  it('serves the client build and a zod-free core to the browser, and nothing outside them', async () => {
    const client = await fetch(`${checkout.url}/modules/client/index.js`);
    expect(client.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await client.text()).toContain('@payweave/core');
    expect(await (await fetch(`${checkout.url}/modules/core-browser.js`)).text()).toBe("export * from './core/errors.js';\nexport * from './core/money.js';\nexport * from './core/channels.js';\n");
    expect((await fetch(`${checkout.url}/modules/client/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${checkout.url}/app/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('takes the amount from the shop order and refuses one sent by the browser', async () => {
    const orderNo = await newOrder('puer');
    const refused = await createCharge({ orderNo, channel: 'wechat_native', amount: 1 });
    expect(refused.status).toBe(400);
    const created = await createCharge({ orderNo, channel: 'wechat_native' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ orderNo, amount: 12800, status: 'pending', livemode: false, credential: { channel: 'wechat_native' } });
  });

  it('verifies the signed Alipay return as a hint, refuses a forged one, and marks the order paid from the notification', async () => {
    const orderNo = await newOrder();
    const charge = (await (await createCharge({ orderNo, channel: 'alipay_page', returnUrl: `${checkout.url}/orders/${orderNo}/return` })).json()) as {
      credential: { method: string; url: string; fields?: Record<string, string> };
    };
    // What the browser's form submission does: the gateway learns the order.
    await fetch(charge.credential.url, { method: charge.credential.method, body: new URLSearchParams(charge.credential.fields ?? {}) });
    const paid = await sandbox.pay(orderNo);
    await sandbox.flushNotifications();
    expect(paid.notifications[0]?.status).toBe('acknowledged');

    const back = await fetch(paid.redirectTo as string, { redirect: 'manual' });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(`/orders/${orderNo}?return=verified&hint=succeeded`);
    const forgedUrl = new URL(paid.redirectTo as string);
    forgedUrl.searchParams.set('total_amount', '0.01');
    const forged = await fetch(forgedUrl, { redirect: 'manual' });
    expect(forged.headers.get('location')).toBe(`/orders/${orderNo}?return=invalid`);

    const status = (await (await fetch(`${checkout.url}/api/pay/charges/${orderNo}`)).json()) as { status: string };
    expect(status.status).toBe('succeeded');
    const order = (await (await fetch(`${checkout.url}/api/orders/${orderNo}`)).json()) as { fulfilledAt: string | null };
    expect(order.fulfilledAt).not.toBeNull();
    const page = await (await fetch(`${checkout.url}/orders/${orderNo}?return=verified&hint=succeeded`)).text();
    expect(page).toContain('data-status="succeeded">paid<');
  });

  it('answers a notification it cannot verify with a failure, so the gateway retries', async () => {
    const response = await fetch(`${checkout.url}/api/pay/notify/alipay`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'out_trade_no=X&sign=forged' });
    expect(await response.text()).not.toBe('success');
  });
});

describe('configuration from the environment', () => {
  it('uses the real gateway for a provider whose keys are set, and the sandbox for the others', async () => {
    const alipay = sandbox.channelConfigs().alipay as { appId: string; privateKey: string; alipayPublicKey: string };
    const live = await startCheckoutServer({
      env: { ALIPAY_APP_ID: alipay.appId, ALIPAY_PRIVATE_KEY: alipay.privateKey, ALIPAY_PUBLIC_KEY: alipay.alipayPublicKey },
      port: 0,
      sandboxUrl: sandboxServer.url,
      dataDir: mkdtempSync(join(dataDir, 'live-')),
      log: () => undefined,
    });
    try {
      expect(live.gateways.providers.map(({ provider, mode }) => `${provider}:${mode}`)).toEqual(['alipay:live', 'wechat:sandbox', 'unionpay:sandbox']);
      expect(live.surfaces.find((surface) => surface.channel === 'alipay_page')?.mode).toBe('live');
      expect(await (await fetch(`${live.url}/`)).text()).toContain('<span class="mode mode-live">real gateway</span>');
    } finally {
      await live.close();
    }
  });

  it('refuses half-configured keys, naming what is missing without echoing any value', async () => {
    const attempt = startCheckoutServer({ env: { WECHAT_MCH_ID: '1900000001', WECHAT_APP_ID: 'wx-secret-looking' }, port: 0, sandboxUrl: sandboxServer.url, dataDir, log: () => undefined });
    await expect(attempt).rejects.toThrow(/wechat: .*WECHAT_PRIVATE_KEY, WECHAT_CERTIFICATE_SERIAL, WECHAT_API_V3_KEY/);
    await expect(attempt).rejects.not.toThrow(/wx-secret-looking/);
  });
});
