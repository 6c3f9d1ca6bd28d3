/**
 * The per-surface launcher modules and the provider modules made of them: a surface module handles its own channel
 * only, and a provider module (`@payweave/client/wechat`, ...) re-exports its surfaces and launches every one.
 */
import type { Charge, ChargeCredential } from '@payweave/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chargeWith } from '../__fixtures__/charges';
import { createPayClient } from '../client';
import type { AnyLauncher } from '../types';
import * as alipay from './alipay';
import { alipayAppLauncher } from './alipay_app';
import { qrLauncher } from './qr';
import { redirectLauncher } from './redirect';
import * as unionpay from './unionpay';
import { unionpayAppLauncher } from './unionpay_app';
import * as wechat from './wechat';
import { wechatAppLauncher } from './wechat_app';
import { wechatH5Launcher } from './wechat_h5';
import { wechatJsapiLauncher } from './wechat_jsapi';
import { wechatMiniLauncher } from './wechat_mini';
import { wechatNativeLauncher } from './wechat_native';

const win = window as unknown as { WeixinJSBridge?: unknown };
afterEach(() => {
  delete win.WeixinJSBridge;
});

const surfaces: [AnyLauncher, ChargeCredential][] = [
  [wechatJsapiLauncher, { channel: 'wechat_jsapi', appId: 'wx1', timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'RSA', paySign: 's' }],
  [wechatMiniLauncher, { channel: 'wechat_mini', appId: 'wx1', timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'RSA', paySign: 's' }],
  [wechatH5Launcher, { channel: 'wechat_h5', url: 'https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx1' }],
  [wechatNativeLauncher, { channel: 'wechat_native', codeUrl: 'weixin://wxpay/bizpayurl?pr=abc' }],
  [wechatAppLauncher, { channel: 'wechat_app', appId: 'wx1', partnerId: '1900009191', prepayId: 'wx1', package: 'Sign=WXPay', nonceStr: 'n', timestamp: '1', sign: 's' }],
  [alipayAppLauncher, { channel: 'alipay_app', orderString: 'app_id=2021&sign=x' }],
  [unionpayAppLauncher, { channel: 'unionpay_app', tn: '802010060110008899001', mode: '01' }],
];

describe('surface launchers', () => {
  it.each(surfaces.map(([launcher, credential]) => [launcher.name, launcher, credential] as const))(
    '%s handles its own channel only, named after it',
    (name, launcher, credential) => {
      expect(launcher.channels).toEqual([credential.channel]);
      expect(name).toBe(credential.channel);
    },
  );

  it('registered alone, a surface launcher launches its channel and reports the others as LAUNCHER_MISSING', async () => {
    const invoke = vi.fn((_api: string, _params: unknown, callback: (res: unknown) => void) => callback({ err_msg: 'get_brand_wcpay_request:ok' }));
    win.WeixinJSBridge = { invoke };
    const client = createPayClient({ endpoint: '/api/pay', launchers: [wechatJsapiLauncher] });
    await expect(client.launch(chargeWith(surfaces[0]![1]))).resolves.toMatchObject({ status: 'succeeded' });
    expect(invoke).toHaveBeenCalledTimes(1);
    const h5 = await client.launch(chargeWith(surfaces[2]![1]), { onNavigate: vi.fn() });
    expect(h5).toMatchObject({ status: 'failed', error: { code: 'LAUNCHER_MISSING', channel: 'wechat_h5' } });
  });
});

describe('provider modules', () => {
  it('wechat re-exports its surface launchers and covers exactly their channels', () => {
    const parts = [wechatJsapiLauncher, wechatMiniLauncher, wechatH5Launcher, wechatNativeLauncher, wechatAppLauncher];
    expect(wechat.wechatJsapiLauncher).toBe(wechatJsapiLauncher);
    expect(wechat.wechatMiniLauncher).toBe(wechatMiniLauncher);
    expect(wechat.wechatH5Launcher).toBe(wechatH5Launcher);
    expect(wechat.wechatNativeLauncher).toBe(wechatNativeLauncher);
    expect(wechat.wechatAppLauncher).toBe(wechatAppLauncher);
    expect(wechat.wechatLauncher).toMatchObject({ name: 'wechat', channels: parts.flatMap((part) => part.channels) });
  });

  it('alipay and unionpay hand the browser surfaces to redirect and qr, the app surface to its own launcher', () => {
    expect(alipay.alipayAppLauncher).toBe(alipayAppLauncher);
    expect(alipay.alipayLauncher).toMatchObject({ name: 'alipay', channels: ['alipay_app', 'alipay_page', 'alipay_wap', 'alipay_qr'] });
    expect(unionpay.unionpayAppLauncher).toBe(unionpayAppLauncher);
    expect(unionpay.unionpayLauncher).toMatchObject({ name: 'unionpay', channels: ['unionpay_app', 'unionpay_wap', 'unionpay_page'] });
    for (const channel of redirectLauncher.channels) expect(channel.startsWith('alipay') || channel.startsWith('unionpay')).toBe(true);
    expect(qrLauncher.channels).toContain('alipay_qr');
  });

  it('a provider launcher hands each charge to the surface launcher of its channel', async () => {
    const spies = Object.fromEntries(
      [wechatJsapiLauncher, wechatMiniLauncher, wechatH5Launcher, wechatNativeLauncher, wechatAppLauncher].map((launcher) => [
        launcher.name,
        vi.spyOn(launcher as AnyLauncher, 'launch').mockImplementation(async (charge: Charge) => ({ status: 'pending', charge })),
      ]),
    );
    try {
      const client = createPayClient({ endpoint: '/api/pay', launchers: [wechat.wechatLauncher] });
      for (const [launcher, credential] of surfaces.slice(0, 5)) {
        await expect(client.launch(chargeWith(credential))).resolves.toMatchObject({ status: 'pending' });
        expect(spies[launcher.name]).toHaveBeenCalledTimes(1);
      }
    } finally {
      for (const spy of Object.values(spies)) spy.mockRestore();
    }
  });
});
