import { beforeAll, describe, expect, it } from 'vitest';
import { parseRsaPrivateKey } from '../../../crypto/keys';
import type { CryptoProvider, RsaPrivateKeyHandle } from '../../../crypto/provider';
import { testCrypto } from '../../../testing/crypto';
import { K5_PRIVATE_KEY } from '../__fixtures__/k5';
import { W7_SIGNATURE, W8, W9, W10, W15 } from '../__fixtures__/v3-vectors';
import { appPayParams, jsapiPayParams } from './credentials';
import { appPayMessage, authorizationHeader, jsapiPayMessage, requestMessage, rsaSignBase64, signRequest } from './sign';

let crypto: CryptoProvider;
let key: RsaPrivateKeyHandle;

beforeAll(async () => {
  crypto = await testCrypto();
  key = await crypto.importRsaPrivateKey(parseRsaPrivateKey(K5_PRIVATE_KEY, 'K5').pkcs8);
});

describe('APIv3 request signature', () => {
  it('W7: SHA256withRSA("source") with K5', async () => {
    expect(await rsaSignBase64(crypto, key, 'source')).toBe(W7_SIGNATURE);
  });

  it('W8: the doc walkthrough message and Authorization header, byte for byte', async () => {
    expect(requestMessage('GET', '/v3/certificates', W8.timestamp, W8.nonce, '')).toBe(W8.message);
    const header = await signRequest(crypto, key, {
      mchid: W8.mchid, serial: W8.serial, method: 'GET', canonicalUrl: '/v3/certificates', timestamp: W8.timestamp, nonce: W8.nonce, body: '',
    });
    expect(header).toBe(W8.authorization);
  });

  it('W9: POST JSAPI prepay body signature', async () => {
    const message = requestMessage('POST', '/v3/pay/transactions/jsapi', W8.timestamp, W8.nonce, W9.body);
    expect(message).toBe(W9.message);
    expect(await rsaSignBase64(crypto, key, message)).toBe(W9.signature);
  });

  it('W10: GET with a query string', async () => {
    const message = requestMessage('GET', '/v3/pay/transactions/out-trade-no/1217752501201407033233368018?mchid=1900009191', W8.timestamp, W8.nonce, '');
    expect(message).toBe(W10.message);
    expect(await rsaSignBase64(crypto, key, message)).toBe(W10.signature);
  });

  it('a one-byte change of the message changes the signature', async () => {
    expect(await rsaSignBase64(crypto, key, W10.message.replace('1554208460', '1554208461'))).not.toBe(W10.signature);
    expect(await rsaSignBase64(crypto, key, W9.message.slice(0, -1))).not.toBe(W9.signature);
  });

  it('a body that ends in a newline still gets the final newline (wechatpay-go credential test)', () => {
    expect(requestMessage('POST', '/v3/certificates', '1624523846', 'A1B2C3D4E5F6G7', 'Hello World!\n')).toBe(
      'POST\n/v3/certificates\n1624523846\nA1B2C3D4E5F6G7\nHello World!\n\n',
    );
  });

  it('formats the header with the five quoted fields', () => {
    expect(authorizationHeader({ mchid: 'm', serial: 's', timestamp: 't', nonce: 'n', signature: 'x' })).toBe(
      'WECHATPAY2-SHA256-RSA2048 mchid="m",serial_no="s",timestamp="t",nonce_str="n",signature="x"',
    );
  });
});

describe('APIv3 client payment signatures (W15)', () => {
  const input = { appId: W15.appId, prepayId: W15.prepayId, timestamp: W15.timeStamp, nonceStr: W15.nonceStr };

  it('JSAPI / mini-program paySign', async () => {
    expect(jsapiPayMessage(W15.appId, W15.timeStamp, W15.nonceStr, `prepay_id=${W15.prepayId}`)).toBe(
      'wxd930ea5d5a258f4f\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n',
    );
    const params = await jsapiPayParams(crypto, key, 'wechat_jsapi', input);
    expect(params).toEqual({
      channel: 'wechat_jsapi', appId: W15.appId, timeStamp: W15.timeStamp, nonceStr: W15.nonceStr,
      package: `prepay_id=${W15.prepayId}`, signType: 'RSA', paySign: W15.jsapiPaySign,
    });
  });

  it('APP sign uses the bare prepay id', async () => {
    expect(appPayMessage(W15.appId, W15.timeStamp, W15.nonceStr, W15.prepayId)).toBe(
      'wxd930ea5d5a258f4f\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nwx201410272009395522657a690389285100\n',
    );
    const params = await appPayParams(crypto, key, '1900009191', input);
    expect(params.sign).toBe(W15.appSign);
    expect(params).toMatchObject({ partnerId: '1900009191', package: 'Sign=WXPay', prepayId: W15.prepayId });
  });

  it('a different prepay id gives a different paySign', async () => {
    const params = await jsapiPayParams(crypto, key, 'wechat_mini', { ...input, prepayId: `${W15.prepayId}0` });
    expect(params.paySign).not.toBe(W15.jsapiPaySign);
  });
});
