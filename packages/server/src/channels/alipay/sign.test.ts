import { describe, expect, it } from 'vitest';
import { parseRsaPrivateKey, parseRsaPublicKey } from '../../crypto/keys';
import { fromUtf8 } from '../../internal/encoding';
import { testCrypto } from '../../testing/crypto';
import { ALIPAY_PUBLIC_KEY_A6, ALIPAY_PUBLIC_KEY_A7, APP_PRIVATE_KEY_PKCS1, APP_PUBLIC_KEY } from './__fixtures__/keys';
import * as V from './__fixtures__/vectors';
import { parseForm } from './form';
import { buildRequestParams } from './params';
import { receivedSignBytes, receivedSignContent, receivedSignData, requestSignContent, signContent, signParams, verifyContent } from './sign';

const crypto = await testCrypto();
const appKey = await crypto.importRsaPrivateKey(parseRsaPrivateKey(APP_PRIVATE_KEY_PKCS1, 'k1').pkcs8);
const appPublic = await crypto.importRsaPublicKey(parseRsaPublicKey(APP_PUBLIC_KEY, 'k1').spki);

const a1Params = (signType: 'RSA2' | 'RSA' = 'RSA2') =>
  buildRequestParams({
    method: 'alipay.trade.app.pay',
    appId: '2021000122671080',
    signType,
    timestamp: '2024-01-02 03:04:05',
    notifyUrl: 'https://example.com/alipay/notify',
    bizContent: { out_trade_no: 'ORDER_20240102_0001', total_amount: '88.88', subject: '测试商品 & test', product_code: 'QUICK_MSECURITY_PAY' },
  });

const flipLast = (text: string) => text.slice(0, -1) + (text.endsWith('0') ? '1' : '0');

describe('request signing (vectors A1, A2, A4)', () => {
  it('A1: reproduces the string-to-sign and the RSA2 signature byte for byte', async () => {
    const params = a1Params();
    expect(requestSignContent(params)).toBe(V.A1_SIGN_CONTENT);
    expect((await signParams(crypto, appKey, params)).sign).toBe(V.A1_SIGN);
  });

  it('A1 variant: sign_type=RSA is signed in and uses SHA1withRSA', async () => {
    const params = a1Params('RSA');
    expect(requestSignContent(params)).toBe(V.A1_SIGN_CONTENT.replace('sign_type=RSA2', 'sign_type=RSA'));
    expect((await signParams(crypto, appKey, params)).sign).toBe(V.A1_SIGN_RSA);
  });

  it('A1: the signature verifies with the app public key and fails after a one-byte change of the content', async () => {
    await expect(verifyContent(crypto, appPublic, 'RSA2', V.A1_SIGN_CONTENT, V.A1_SIGN, 'order')).resolves.toBeUndefined();
    await expect(verifyContent(crypto, appPublic, 'RSA2', V.A1_SIGN_CONTENT.replace('88.88', '88.89'), V.A1_SIGN, 'order')).rejects.toMatchObject({
      code: 'SIGNATURE_INVALID',
    });
  });

  it('A2: signs alipay_sdk like any other parameter', async () => {
    const params = buildRequestParams({
      method: 'alipay.trade.page.pay',
      appId: '2021000122671080',
      signType: 'RSA2',
      timestamp: '2024-01-02 03:04:05',
      notifyUrl: 'https://example.com/alipay/notify',
      returnUrl: 'https://example.com/return',
      extra: { alipay_sdk: 'alipay-sdk-nodejs-4.0.0' },
      bizContent: { out_trade_no: 'ORDER_20240102_0002', total_amount: '0.01', subject: 'Page pay', product_code: 'FAST_INSTANT_TRADE_PAY' },
    });
    expect(requestSignContent(params)).toBe(V.A2_SIGN_CONTENT);
    expect(await signContent(crypto, appKey, 'RSA2', requestSignContent(params))).toBe(V.A2_SIGN);
  });

  it('A4: an empty return_url is neither signed nor sent (unlike alipay-sdk)', () => {
    const params = buildRequestParams({
      method: 'alipay.trade.query',
      appId: '2021000122671080',
      signType: 'RSA2',
      timestamp: '2024-01-02 03:04:05',
      returnUrl: '',
      bizContent: { out_trade_no: 'X1', trade_no: '' },
    });
    expect(params).not.toHaveProperty('return_url');
    expect(requestSignContent(params)).toBe(V.A4_NODE_SDK_SIGN_CONTENT.replace('return_url=&', ''));
  });
});

const a6Key = await crypto.importRsaPublicKey(parseRsaPublicKey(ALIPAY_PUBLIC_KEY_A6, 'k3a').spki);
const a7Key = await crypto.importRsaPublicKey(parseRsaPublicKey(ALIPAY_PUBLIC_KEY_A7, 'k3b').spki);

describe('received-message verification (vectors A6, A7)', () => {
  const a7Fields = () => {
    const fields = new Map(V.A7_SIGN_CONTENT.split('&').map((pair) => pair.split('=') as [string, string]));
    fields.set('sign', V.A7_SIGN);
    return fields;
  };

  it('A6: the decoded form body gives the signed content without sign_type, and it verifies', async () => {
    const { fields } = parseForm(V.A6_FORM_BODY);
    expect(receivedSignContent(fields, 'without-sign-type')).toBe(V.A6_SIGN_CONTENT);
    await expect(verifyContent(crypto, a6Key, 'RSA2', receivedSignContent(fields, 'without-sign-type'), fields.get('sign'), 'n')).resolves.toBeUndefined();
  });

  it('A6: the signed bytes are the received bytes of each field, sorted', () => {
    expect(fromUtf8(receivedSignBytes(parseForm(V.A6_FORM_BODY), 'without-sign-type'))).toBe(V.A6_SIGN_CONTENT);
  });

  it('A6: keeping sign_type in does not verify (the rule matters)', async () => {
    const { fields } = parseForm(V.A6_FORM_BODY);
    await expect(verifyContent(crypto, a6Key, 'RSA2', receivedSignContent(fields, 'with-sign-type'), V.A6_SIGN, 'n')).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
  });

  it('A7: verifies only with sign_type kept in', async () => {
    const fields = a7Fields();
    expect(receivedSignContent(fields, 'with-sign-type')).toBe(V.A7_SIGN_CONTENT);
    await expect(verifyContent(crypto, a7Key, 'RSA2', receivedSignContent(fields, 'with-sign-type'), V.A7_SIGN, 'n')).resolves.toBeUndefined();
    await expect(verifyContent(crypto, a7Key, 'RSA2', receivedSignContent(fields, 'without-sign-type'), V.A7_SIGN, 'n')).rejects.toThrow();
  });

  it('received content is sorted whatever the field order, and keeps sign_type only under its rule', () => {
    const shuffled = new Map([['b', '2'], ['sign', 'S'], ['a', '1'], ['sign_type', 'RSA2'], ['c', '']]);
    expect(receivedSignContent(shuffled, 'without-sign-type')).toBe('a=1&b=2&c=');
    expect(receivedSignContent(shuffled, 'with-sign-type')).toBe('a=1&b=2&c=&sign_type=RSA2');
    const sorted = new Map([['a', '1'], ['b', '2'], ['sign_type', 'RSA2'], ['sign', 'S']]);
    expect(receivedSignContent(sorted, 'with-sign-type')).toBe('a=1&b=2&sign_type=RSA2');
    expect(receivedSignContent(sorted, 'without-sign-type')).toBe('a=1&b=2');
  });

  it('a text body gives the same string to sign from runs of the body as field by field, whatever its shape', () => {
    const bodies = [
      V.A6_FORM_BODY,
      'a=1&b=2&c=3', // one run
      'a=1&b=%32&c=3&d=4', // a run broken by an escaped value
      'a=1&sign_type=RSA2&b=2&sign=S&c=3', // by sign_type and sign in the middle
      'a=1&&b=2&c', // an empty pair, a name without '='
      'x=a=b&y=&z=c+d', // '=' inside a value, an empty value, a '+'
      'b=1&a=2&c=3', // out of order: sorted field by field
    ];
    for (const body of bodies) {
      for (const rule of ['with-sign-type', 'without-sign-type'] as const) {
        const form = parseForm(body);
        expect(form.bytes).toBeNull();
        expect(receivedSignData(form, rule)).toBe(receivedSignContent(form.fields, rule));
      }
    }
    expect(receivedSignData(parseForm('a=1&b=%32&c=3&sign_type=RSA2&sign=S'), 'without-sign-type')).toBe('a=1&b=2&c=3');
  });

  it('A7: a changed service_code fails', async () => {
    const fields = a7Fields();
    fields.set('service_code', '58621634111');
    await expect(verifyContent(crypto, a7Key, 'RSA2', receivedSignContent(fields, 'with-sign-type'), V.A7_SIGN, 'n')).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
  });

  it('rejects a one-byte change of the signature, a missing and a non-base64 signature', async () => {
    for (const sign of [flipLast(V.A6_SIGN.replace(/=+$/, '')), undefined, '', '***']) {
      await expect(verifyContent(crypto, a6Key, 'RSA2', V.A6_SIGN_CONTENT, sign, 'n')).rejects.toMatchObject({ type: 'PaySignatureError' });
    }
  });
});
