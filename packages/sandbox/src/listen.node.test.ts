import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from './index';
import { fakeGateway } from './testing/fake-gateway';
import type { SandboxServer } from './types';

// A real merchant server on 127.0.0.1 that acknowledges the way Alipay expects.
const received: string[] = [];
let merchant: Server;
let merchantUrl = '';

beforeAll(async () => {
  merchant = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push(body);
      res.end('success');
    });
  });
  await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve));
  merchantUrl = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => merchant.close(resolve));
});

let sandbox = createSandbox({ gateways: [fakeGateway] });
let running: SandboxServer | undefined;
afterEach(async () => {
  await sandbox.close();
  sandbox = createSandbox({ gateways: [fakeGateway] });
  running = undefined;
  received.length = 0;
});

describe('sandbox.listen', () => {
  it('serves the same routes over a real HTTP server on 127.0.0.1', async () => {
    running = await sandbox.listen();
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const health = await fetch(`${running.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    const index = await fetch(`${running.url}/`);
    expect(await index.text()).toContain(`at <code>${running.url}/fake</code>`);

    const created = await fetch(`${running.url}/fake/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderNo: 'LISTEN1', amount: 100, subject: 'Tea', notifyUrl: `${merchantUrl}/notify`, returnUrl: `${merchantUrl}/return` }),
    });
    expect(created.status).toBe(201);
    const { cashierUrl } = (await created.json()) as { cashierUrl: string };
    // Links are built on the listen URL, not the msw origin.
    expect(cashierUrl).toBe(`${running.url}/fake/cashier/LISTEN1`);

    const page = await (await fetch(cashierUrl)).text();
    expect(page).toContain('data-testid="cashier-amount">¥1.00<');

    const decision = await fetch(cashierUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=pay',
      redirect: 'manual',
    });
    expect(decision.status).toBe(303);
    expect(decision.headers.get('location')).toBe(`${merchantUrl}/return?out_trade_no=LISTEN1&outcome=succeeded`);

    await sandbox.flushNotifications();
    expect(received).toEqual(['out_trade_no=LISTEN1&trade_no=FAKE000001&trade_status=TRADE_SUCCESS']);
    expect(sandbox.notifications[0]).toMatchObject({ status: 'acknowledged', attempts: [{ number: 1, status: 200, bodyExcerpt: 'success', acknowledged: true }] });
  });

  it('answers errors and unknown paths like msw mode does', async () => {
    running = await sandbox.listen();
    const missing = await fetch(`${running.url}/fake/orders/NOPE`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'SANDBOX_ORDER_NOT_FOUND', message: 'the alipay sandbox has no order NOPE: create the charge through the sandbox gateway first' },
    });
    const unknown = await fetch(`${running.url}/nowhere`);
    expect(unknown.status).toBe(404);
  });

  it('close() stops the server; sandbox.close() stops every server it started', async () => {
    const first = await sandbox.listen();
    const second = await sandbox.listen();
    await first.close();
    await expect(fetch(`${first.url}/health`)).rejects.toThrow();
    expect((await fetch(`${second.url}/health`)).status).toBe(200);
    await sandbox.close();
    await expect(fetch(`${second.url}/health`)).rejects.toThrow();
  });

  it('builds links on publicUrl when one is given', async () => {
    running = await sandbox.listen({ publicUrl: 'http://localhost:9999/' });
    expect(running.url).toBe('http://localhost:9999');
  });

  it('refuses an invalid port', async () => {
    await expect(sandbox.listen({ port: 70000 })).rejects.toThrow(/listen port must be an integer/);
  });
});
