import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CryptoProvider } from '../crypto/provider';
import { memoryStore } from '../lifecycle/memory-store';
import { createPayServerWith } from '../pay-server';
import { fakeChannel, fakeNotificationBody } from '../testing/fake-channel';
import { toNodeHandler } from './node-handler.node.js';

const servers: { close(): void }[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

describe('toNodeHandler', () => {
  it('reads the raw body from a real HTTP request and writes the acknowledgement', async () => {
    const pay = createPayServerWith({ channels: [fakeChannel()], store: memoryStore(), logger: { warn: () => {} } }, { crypto: () => ({}) as CryptoProvider });
    await pay.charges.create({ channel: 'alipay_qr', orderNo: 'ORDER_1', amount: 1999, subject: 'x' });
    const server = createServer(toNodeHandler(pay, 'alipay'));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
    const response = await fetch(url, { method: 'POST', body: fakeNotificationBody({ orderNo: 'ORDER_1', amount: 1999 }) });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('success');
    const tooBig = await fetch(url, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 10) }).catch(() => null);
    if (tooBig) expect(tooBig.status).toBe(413);
    expect((await pay.charges.retrieve('ORDER_1')).status).toBe('succeeded');
  });

  it('sends the acknowledgement with a Content-Length, in one piece (no chunked encoding)', async () => {
    const pay = createPayServerWith({ channels: [fakeChannel()], store: memoryStore(), logger: { warn: () => {} } }, { crypto: () => ({}) as CryptoProvider });
    await pay.charges.create({ channel: 'alipay_qr', orderNo: 'ORDER_2', amount: 1999, subject: 'x' });
    const server = createServer(toNodeHandler(pay, 'alipay'));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
    const response = await fetch(url, { method: 'POST', body: fakeNotificationBody({ orderNo: 'ORDER_2', amount: 1999 }) });
    expect(response.headers.get('content-length')).toBe('7');
    expect(response.headers.get('transfer-encoding')).toBeNull();
    expect(await response.text()).toBe('success');
    const refused = await fetch(url, { method: 'POST', body: 'not a notification' });
    expect(refused.headers.get('content-length')).toBe(String(Buffer.byteLength(await refused.clone().text())));
    expect(refused.status).toBeGreaterThanOrEqual(400);
  });

  it('refuses a body already parsed by a framework', async () => {
    const pay = createPayServerWith({ channels: [fakeChannel()], store: memoryStore(), logger: { warn: () => {} } }, { crypto: () => ({}) as CryptoProvider });
    const handler = toNodeHandler(pay, 'alipay');
    const server = createServer((req, res) => {
      (req as unknown as { body: unknown }).body = { trade_status: 'TRADE_SUCCESS' };
      handler(req, res);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { method: 'POST', body: 'a=b' });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('fail:RAW_BODY_REQUIRED');
  });

  it('answers (does not hang) when a body parser already consumed the stream', async () => {
    const pay = createPayServerWith({ channels: [fakeChannel()], store: memoryStore(), logger: { warn: () => {} } }, { crypto: () => ({}) as CryptoProvider });
    const handler = toNodeHandler(pay, 'alipay');
    const server = createServer((req, res) => {
      // What express.json() / express.urlencoded() do: read the whole stream, then leave a parsed object behind.
      req.resume();
      req.on('end', () => {
        (req as unknown as { body: unknown }).body = { trade_status: 'TRADE_SUCCESS' };
        handler(req, res);
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { method: 'POST', body: 'a=b', signal: AbortSignal.timeout(3000) });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('fail:RAW_BODY_REQUIRED');
  });
});
