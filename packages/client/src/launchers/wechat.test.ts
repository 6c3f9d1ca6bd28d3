import { afterEach, describe, expect, it, vi } from 'vitest';
import { chargeWith } from '../__fixtures__/charges';
import { createPayClient } from '../client';
import { BRIDGE_READY_TIMEOUT_MS, wechatLauncher } from './wechat';

const jsapi = { channel: 'wechat_jsapi', appId: 'wxd930ea5d5a258f4f', timeStamp: '1414561699', nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA', paySign: 'c2ln' } as const;
const app = { channel: 'wechat_app', appId: 'wxd930ea5d5a258f4f', partnerId: '1900009191', prepayId: 'wx2014', package: 'Sign=WXPay', nonceStr: 'n', timestamp: '1414561699', sign: 'c2ln' } as const;
const client = (bridges = {}) => createPayClient({ endpoint: '/api/pay', launchers: [wechatLauncher], bridges });

type Bridge = { invoke: ReturnType<typeof vi.fn> };
const win = window as unknown as { WeixinJSBridge?: Bridge };
const global = globalThis as { wx?: unknown };

afterEach(() => {
  delete win.WeixinJSBridge;
  delete global.wx;
  vi.useRealTimers();
});

function installBridge(errMsg: string): Bridge {
  const bridge = { invoke: vi.fn((_api: string, _params: unknown, callback: (res: unknown) => void) => callback({ err_msg: errMsg })) };
  win.WeixinJSBridge = bridge;
  return bridge;
}

describe('wechatLauncher', () => {
  it.each([
    ['get_brand_wcpay_request:ok', 'succeeded'],
    ['get_brand_wcpay_request:cancel', 'canceled'],
    ['get_brand_wcpay_request:fail', 'failed'],
    ['get_brand_wcpay_request:unknown', 'pending'],
  ])('JSAPI: invokes getBrandWCPayRequest with the signed parameters and maps %s to %s', async (errMsg, status) => {
    const bridge = installBridge(errMsg);
    const result = await client().launch(chargeWith(jsapi));
    const { channel: _, ...params } = jsapi;
    expect(bridge.invoke).toHaveBeenCalledWith('getBrandWCPayRequest', params, expect.any(Function));
    expect(result.status).toBe(status);
  });

  it('JSAPI: waits for WeixinJSBridgeReady when the bridge is not injected yet', async () => {
    const launched = client().launch(chargeWith(jsapi));
    await Promise.resolve();
    installBridge('get_brand_wcpay_request:ok');
    document.dispatchEvent(new Event('WeixinJSBridgeReady'));
    await expect(launched).resolves.toMatchObject({ status: 'succeeded' });
  });

  it('JSAPI: fails with advice outside WeChat once the wait is over', async () => {
    vi.useFakeTimers();
    const launched = client().launch(chargeWith(jsapi));
    await vi.advanceTimersByTimeAsync(BRIDGE_READY_TIMEOUT_MS + 1);
    await expect(launched).resolves.toMatchObject({ status: 'failed', error: { code: 'WECHAT_BRIDGE_MISSING' } });
  });

  it('mini-program: wx.requestPayment without appId; success, cancel and fail', async () => {
    const requestPayment = vi.fn((options: { success(r: unknown): void; fail(r: unknown): void }) => options.success({ errMsg: 'requestPayment:ok' }));
    global.wx = { requestPayment };
    const mini = { ...jsapi, channel: 'wechat_mini' } as const;
    await expect(client().launch(chargeWith(mini))).resolves.toMatchObject({ status: 'succeeded' });
    const { channel: _, appId: __, ...params } = mini;
    expect(requestPayment).toHaveBeenCalledWith(expect.objectContaining(params));
    requestPayment.mockImplementation((options) => options.fail({ errMsg: 'requestPayment:fail cancel' }));
    await expect(client().launch(chargeWith(mini))).resolves.toMatchObject({ status: 'canceled' });
    requestPayment.mockImplementation((options) => options.fail({ errMsg: 'requestPayment:fail (detail message)' }));
    await expect(client().launch(chargeWith(mini))).resolves.toMatchObject({ status: 'failed', error: { code: 'WALLET_PAYMENT_FAILED' } });
    delete global.wx;
    await expect(client().launch(chargeWith(mini))).resolves.toMatchObject({ status: 'failed', error: { code: 'WECHAT_BRIDGE_MISSING' } });
  });

  it('H5: redirects to the cashier URL (or hands it to onNavigate)', async () => {
    const onNavigate = vi.fn();
    const url = 'https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx1&package=1&redirect_url=https%3A%2F%2Fshop.example';
    await expect(client().launch(chargeWith({ channel: 'wechat_h5', url }), { onNavigate })).resolves.toMatchObject({ status: 'redirected' });
    expect(onNavigate).toHaveBeenCalledWith({ url, method: 'GET', fields: {} });
  });

  it('Native: returns the QR payload', async () => {
    await expect(client().launch(chargeWith({ channel: 'wechat_native', codeUrl: 'weixin://wxpay/bizpayurl?pr=abc' }))).resolves.toMatchObject({ status: 'qr', qrCode: 'weixin://wxpay/bizpayurl?pr=abc' });
  });

  it.each([
    [0, 'succeeded'],
    ['0', 'succeeded'],
    [-2, 'canceled'],
    [-1, 'failed'],
    [5, 'pending'],
  ])('APP: passes PayReq to bridges.wechat and maps errCode %s to %s', async (errCode, status) => {
    const wechat = vi.fn(async () => ({ errCode }));
    const result = await client({ wechat }).launch(chargeWith(app));
    const { channel: _, ...params } = app;
    expect(wechat).toHaveBeenCalledWith(params);
    expect(result.status).toBe(status);
  });

  it('APP: fails with advice when the app injected no bridge', async () => {
    await expect(client().launch(chargeWith(app))).resolves.toMatchObject({ status: 'failed', error: { code: 'BRIDGE_MISSING' } });
  });
});
