import { describe, expect, it } from 'vitest';
import type { ChargeRequest } from '../types';
import { parseRsaPrivateKey, parseRsaPublicKey } from '../../crypto/keys';
import { fromBase64, utf8 } from '../../internal/encoding';
import { testCrypto } from '../../testing/crypto';
import { FAKE_ALIPAY_PUBLIC_KEY } from './__fixtures__/fake-gateway-key';
import { fakeGateway, testContext } from './__fixtures__/harness';
import { APP_PRIVATE_KEY_PKCS1, APP_PUBLIC_KEY } from './__fixtures__/keys';
import * as V from './__fixtures__/vectors';
import { browserCredential } from './actions/trade-page-pay';
import { PRODUCTION_GATEWAY } from './constants';
import { alipay, type AlipayConfig } from './index';
import { buildRequestParams } from './params';
import { signParams } from './sign';

const crypto = await testCrypto();
const appKey = await crypto.importRsaPrivateKey(parseRsaPrivateKey(APP_PRIVATE_KEY_PKCS1, 'k1').pkcs8);
const appPublic = await crypto.importRsaPublicKey(parseRsaPublicKey(APP_PUBLIC_KEY, 'k1').spki);
const config: AlipayConfig = { appId: '2021000122671080', privateKey: APP_PRIVATE_KEY_PKCS1, alipayPublicKey: FAKE_ALIPAY_PUBLIC_KEY };

async function channel(extra: Partial<AlipayConfig> = {}) {
  const { http } = await fakeGateway(() => ({ reply: {} }));
  const ch = alipay({ ...config, ...extra });
  await ch.init(await testContext(http));
  return ch;
}

const request = (overrides: Partial<ChargeRequest>): ChargeRequest => ({
  chargeId: 'ch_test',
  channel: 'alipay_app',
  orderNo: 'ORDER_20240102_0001',
  amount: 8888,
  currency: 'CNY',
  subject: '测试商品 & test',
  ...overrides,
});

/** The vector's page/wap parameters, with the alipay_sdk marker alipay-sdk adds. */
async function vectorParams(method: string, biz: Record<string, string>) {
  return signParams(
    crypto,
    appKey,
    buildRequestParams({
      method,
      appId: '2021000122671080',
      signType: 'RSA2',
      timestamp: '2024-01-02 03:04:05',
      notifyUrl: 'https://example.com/alipay/notify',
      returnUrl: 'https://example.com/return',
      extra: { alipay_sdk: 'alipay-sdk-nodejs-4.0.0' },
      bizContent: biz,
    }),
  );
}

/** Independent check: parse a URL + fields back, rebuild the string-to-sign by hand, verify with the app key. */
async function signedContentOf(url: string, fields: Record<string, string> = {}): Promise<string> {
  const params = { ...Object.fromEntries(new URL(url).searchParams), ...fields };
  const content = Object.keys(params).filter((k) => k !== 'sign').sort().map((k) => `${k}=${params[k]}`).join('&');
  expect(await crypto.rsaVerify('SHA-256', appPublic, utf8(content), fromBase64(params.sign!)!)).toBe(true);
  return content;
}

describe('alipay_app order string (vector A1)', () => {
  it('reproduces the vector byte for byte from a charge request and a UTC clock', async () => {
    const created = await (await channel()).createCharge!(request({}));
    expect(created.credential).toEqual({ channel: 'alipay_app', orderString: V.A1_ORDER_STRING });
  });

  it('a one-fen difference changes the signature', async () => {
    const created = await (await channel()).createCharge!(request({ amount: 8889 }));
    expect((created.credential as { orderString: string }).orderString).not.toContain(encodeURIComponent(V.A1_SIGN));
  });
});

describe('alipay_page / alipay_wap credentials (vectors A2, A3)', () => {
  const a2Biz = { out_trade_no: 'ORDER_20240102_0002', total_amount: '0.01', subject: 'Page pay', product_code: 'FAST_INSTANT_TRADE_PAY' };

  it('A2: GET URL byte for byte', async () => {
    const signed = await vectorParams('alipay.trade.page.pay', a2Biz);
    expect(browserCredential('alipay_page', PRODUCTION_GATEWAY, signed, 'GET')).toEqual({ channel: 'alipay_page', method: 'GET', url: V.A2_GET_URL });
  });

  it('A2: POST form action and fields byte for byte', async () => {
    const signed = await vectorParams('alipay.trade.page.pay', a2Biz);
    expect(browserCredential('alipay_page', PRODUCTION_GATEWAY, signed, 'POST')).toEqual({
      channel: 'alipay_page',
      method: 'POST',
      url: V.A2_POST_ACTION,
      fields: { alipay_sdk: 'alipay-sdk-nodejs-4.0.0', biz_content: V.A2_POST_BIZ_CONTENT },
    });
  });

  it('A3: wap GET URL byte for byte', async () => {
    const signed = await vectorParams('alipay.trade.wap.pay', { out_trade_no: 'ORDER_20240102_0003', total_amount: '1.00', subject: 'Wap pay', product_code: 'QUICK_WAP_WAY' });
    expect(browserCredential('alipay_wap', PRODUCTION_GATEWAY, signed, 'GET').url).toBe(V.A3_GET_URL);
  });

  it('the channel signs the A2 content (without the alipay_sdk marker), as a POST form by default', async () => {
    const created = await (await channel()).createCharge!(
      request({ channel: 'alipay_page', orderNo: 'ORDER_20240102_0002', amount: 1, subject: 'Page pay', returnUrl: 'https://example.com/return' }),
    );
    const credential = created.credential as { method: string; url: string; fields: Record<string, string> };
    expect(credential.method).toBe('POST');
    expect(credential.url.startsWith(`${PRODUCTION_GATEWAY}?method=alipay.trade.page.pay&`)).toBe(true);
    expect(await signedContentOf(credential.url, credential.fields)).toBe(V.A2_SIGN_CONTENT.replace('alipay_sdk=alipay-sdk-nodejs-4.0.0&', ''));
  });

  it('pageMethod GET gives one URL; wap uses QUICK_WAP_WAY; no empty parameter is sent', async () => {
    const created = await (await channel({ pageMethod: 'GET' })).createCharge!(request({ channel: 'alipay_wap', orderNo: 'W1', amount: 100, subject: 'Wap pay', body: '' }));
    const credential = created.credential as { method: string; url: string; fields?: unknown };
    expect(credential).toMatchObject({ channel: 'alipay_wap', method: 'GET' });
    expect(credential.fields).toBeUndefined();
    const content = await signedContentOf(credential.url);
    expect(content).toContain('biz_content={"out_trade_no":"W1","total_amount":"1.00","subject":"Wap pay","product_code":"QUICK_WAP_WAY"}');
    expect(content).not.toContain('return_url');
    expect(credential.url).not.toMatch(/=&|=$/);
  });

  it('expiresAt becomes time_expire in Beijing time, metadata becomes passback_params', async () => {
    const created = await (await channel({ pageMethod: 'GET' })).createCharge!(
      request({ channel: 'alipay_page', orderNo: 'P1', amount: 5, expiresAt: '2024-01-02T00:30:00Z', metadata: { cart: 'a&b' } }),
    );
    const biz = JSON.parse(new URL((created.credential as { url: string }).url).searchParams.get('biz_content')!);
    expect(biz).toMatchObject({ total_amount: '0.05', time_expire: '2024-01-02 08:30:00', passback_params: encodeURIComponent('{"cart":"a&b"}') });
  });
});
