import { PayError, PayUnsupportedError, type ChargeCredential } from '@payweave/core';
import { describe, expect, it, vi } from 'vitest';
import { chargeWith, unionpayWapCredential } from './__fixtures__/charges';
import { createPayClient } from './client';
import type { LaunchContext, Launcher } from './types';

const alipayApp = chargeWith({ channel: 'alipay_app', orderString: 'app_id=2021&biz_content=%7B%7D&sign=abc' });

function spyLauncher(name: string, channels: Launcher['channels'], status: 'succeeded' | 'canceled' = 'succeeded') {
  const contexts: LaunchContext[] = [];
  const launcher: Launcher = {
    name,
    channels,
    launch: vi.fn(async (charge, context) => {
      contexts.push(context);
      return { status, charge };
    }),
  };
  return { launcher, contexts };
}

describe('launch', () => {
  it("dispatches on credential.channel to the launcher that registered it, with the client's bridges", async () => {
    const alipay = spyLauncher('alipay', ['alipay_app']);
    const other = spyLauncher('other', ['wechat_app']);
    const bridges = { alipay: vi.fn() };
    const client = createPayClient({ endpoint: '/api/pay', bridges, launchers: [other.launcher, alipay.launcher] });
    await expect(client.launch(alipayApp)).resolves.toEqual({ status: 'succeeded', charge: alipayApp });
    expect(alipay.launcher.launch).toHaveBeenCalledTimes(1);
    expect(other.launcher.launch).not.toHaveBeenCalled();
    expect(alipay.contexts[0]?.bridges).toBe(bridges);
    expect(alipay.contexts[0]?.document).toBe(document);
  });

  it('lets a later launcher override an earlier one for a channel both claim', async () => {
    const first = spyLauncher('first', ['alipay_app'], 'succeeded');
    const second = spyLauncher('second', ['alipay_app'], 'canceled');
    const client = createPayClient({ endpoint: '/api/pay', launchers: [first.launcher, second.launcher] });
    await expect(client.launch(alipayApp)).resolves.toMatchObject({ status: 'canceled' });
    expect(first.launcher.launch).not.toHaveBeenCalled();
  });

  it('passes the per-call onNavigate and signal over the client default', async () => {
    const spy = spyLauncher('alipay', ['alipay_app']);
    const clientHook = vi.fn();
    const callHook = vi.fn();
    const client = createPayClient({ endpoint: '/api/pay', launchers: [spy.launcher], onNavigate: clientHook });
    const controller = new AbortController();
    await client.launch(alipayApp);
    await client.launch(alipayApp, { onNavigate: callHook, signal: controller.signal });
    expect(spy.contexts[0]?.onNavigate).toBe(clientHook);
    expect(spy.contexts[1]?.onNavigate).toBe(callHook);
    expect(spy.contexts[1]?.signal).toBe(controller.signal);
  });

  it.each([
    ['alipay_app', '@payweave/client/alipay', 'alipayLauncher'],
    ['wechat_jsapi', '@payweave/client/wechat', 'wechatLauncher'],
    ['unionpay_wap', '@payweave/client/redirect', 'redirectLauncher'],
    ['alipay_page', '@payweave/client/redirect', 'redirectLauncher'],
    ['wechat_native', '@payweave/client/qr', 'qrLauncher'],
  ])('without a launcher for %s: failed with a PayUnsupportedError naming %s', async (channel, subpath, exportName) => {
    const charge = chargeWith({ channel } as ChargeCredential);
    const result = await createPayClient({ endpoint: '/api/pay' }).launch(charge);
    expect(result.status).toBe('failed');
    const error = (result as { error: PayError }).error;
    expect(PayUnsupportedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'LAUNCHER_MISSING', channel });
    expect(error.message).toContain(`import { ${exportName} } from '${subpath}'`);
  });

  it('reports a launcher that throws as a failed result, never a rejection', async () => {
    const crash = new TypeError("Cannot read properties of undefined (reading 'invoke')");
    const broken: Launcher = { name: 'broken', channels: ['alipay_app'], launch: () => Promise.reject(crash) };
    const result = await createPayClient({ endpoint: '/api/pay', launchers: [broken] }).launch(alipayApp);
    expect(result).toMatchObject({ status: 'failed', charge: alipayApp, error: { code: 'LAUNCH_FAILED', channel: 'alipay_app' } });
    const error = (result as { error: PayError }).error;
    expect(error.cause).toBe(crash);
    expect(error.message).toContain('the broken launcher failed');

    const typed = new PayUnsupportedError('not in this WebView', { code: 'NO_BRIDGE' });
    const throwing: Launcher = { name: 'typed', channels: ['alipay_app'], launch: () => { throw typed; } };
    await expect(createPayClient({ endpoint: '/api/pay', launchers: [throwing] }).launch(alipayApp)).resolves.toEqual({
      status: 'failed',
      charge: alipayApp,
      error: typed,
    });
  });

  it('does not launch a charge that is already final', async () => {
    const spy = spyLauncher('redirect', ['unionpay_wap']);
    const client = createPayClient({ endpoint: '/api/pay', launchers: [spy.launcher] });
    const paid = chargeWith(unionpayWapCredential, { status: 'succeeded' });
    const closed = chargeWith(unionpayWapCredential, { status: 'closed' });
    await expect(client.launch(paid)).resolves.toEqual({ status: 'succeeded', charge: paid });
    await expect(client.launch(closed)).resolves.toMatchObject({ status: 'failed', error: { code: 'CHARGE_NOT_PENDING' } });
    expect(spy.launcher.launch).not.toHaveBeenCalled();
  });

  it('reports a barcode charge as pending: the server drives it, nothing opens on this device', async () => {
    const charge = chargeWith({ channel: 'wechat_barcode' });
    await expect(createPayClient({ endpoint: '/api/pay' }).launch(charge)).resolves.toEqual({ status: 'pending', charge });
  });

  it('reports a value that is not a charge as failed with CHARGE_INVALID', async () => {
    const result = await createPayClient({ endpoint: '/api/pay' }).launch({ orderNo: 'X' } as never);
    expect(result).toMatchObject({ status: 'failed', error: { code: 'CHARGE_INVALID' } });
  });
});
