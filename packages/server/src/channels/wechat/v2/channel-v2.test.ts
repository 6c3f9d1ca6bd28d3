import { PayConfigError, PayConnectionError, PayError, PayGatewayError, PaySignatureError, type ChannelId } from '@payweave/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CryptoProvider } from '../../../crypto/provider';
import { testCrypto } from '../../../testing/crypto';
import type { ChargeRequest, StoredCharge } from '../../types';
import { fakeGateway, sentBody, testContext, V2_CONFIG } from '../__fixtures__/harness';
import { K5_PRIVATE_KEY } from '../__fixtures__/k5';
import { W1_KEY, W2_SIGN_MD5, W2_XML, W3_ACK_XML, W3_NOTIFICATION_XML, W4_PAYSIGN_MD5, W5_SIGN_MD5, W6_REQ_INFO } from '../__fixtures__/v2-vectors';
import { WechatChannel } from '../channel';
import { resolveWechatConfig } from '../config';
import { signV2 } from './sign';
import { parseV2Xml } from './xml';

let crypto: CryptoProvider;
const CLOCK = 1414561699 * 1000;
let now = CLOCK;
const clock = () => now;

beforeAll(async () => {
  crypto = await testCrypto();
});

async function setup(config: Record<string, unknown> = {}, nonce = 'ibuaiVcKdpRxkhJA') {
  now = CLOCK;
  const gateway = fakeGateway(crypto, clock);
  const sleeps: number[] = [];
  const channel = new WechatChannel(resolveWechatConfig({ ...V2_CONFIG, ...config }), {
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  });
  await channel.init(testContext(crypto, gateway.http, clock, [], nonce));
  return { gateway, channel, sleeps };
}

const W2_REQUEST = {
  chargeId: 'ch_1', channel: 'wechat_jsapi', orderNo: '20150806125346', amount: 888, currency: 'CNY', subject: '腾讯充值中心-QQ会员充值',
  clientIp: '123.12.12.123', payer: { openId: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
} as ChargeRequest;

const ok = (fields: Record<string, string> = {}) => ({ v2: true, body: { return_code: 'SUCCESS', result_code: 'SUCCESS', appid: V2_CONFIG.appId, mch_id: V2_CONFIG.mchId, nonce_str: 'n1', ...fields } });
const stored = (channel: ChannelId = 'wechat_jsapi') => ({ orderNo: '20150806125346', channel, amount: 888, currency: 'CNY', provider: 'wechat' }) as StoredCharge;

describe('wechat() APIv2 channel', () => {
  it('W2: unifiedorder sends the exact signed XML; the JSAPI credential is W4 with the same nonce and time', async () => {
    const { gateway, channel } = await setup({}, '5K8264ILTKCH16CQ2502SI8ZNMTM67VS');
    gateway.reply(ok({ prepay_id: 'wx201410272009395522657a690389285100', trade_type: 'JSAPI' }));
    const creation = await channel.createCharge(W2_REQUEST);
    const sent = parseV2Xml(sentBody(gateway.requests[0]));
    expect(sent.sign).toBe(await signV2(crypto, 'MD5', sent, W1_KEY));
    expect(creation.credential).toEqual({
      channel: 'wechat_jsapi', appId: V2_CONFIG.appId, timeStamp: '1414561699', nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
      package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'MD5', paySign: W4_PAYSIGN_MD5,
    });
  });

  it('W2 byte for byte with the vector nonce', async () => {
    const { gateway, channel } = await setup();
    gateway.reply(ok({ prepay_id: 'wx1' }));
    await channel.createCharge(W2_REQUEST);
    expect(gateway.requests[0]?.url).toBe('https://api.mch.weixin.qq.com/pay/unifiedorder');
    expect(sentBody(gateway.requests[0])).toBe(W2_XML.replace('<attach/>', ''));
    expect(parseV2Xml(sentBody(gateway.requests[0])).sign).toBe(W2_SIGN_MD5);
  });

  it('W5: the APP credential', async () => {
    const { gateway, channel } = await setup({}, '5K8264ILTKCH16CQ2502SI8ZNMTM67VS');
    gateway.reply(ok({ prepay_id: 'wx201410272009395522657a690389285100' }));
    const creation = await channel.createCharge({ ...W2_REQUEST, channel: 'wechat_app', payer: undefined } as ChargeRequest);
    expect(creation.credential).toMatchObject({ channel: 'wechat_app', partnerId: '10000100', sign: W5_SIGN_MD5 });
    expect(parseV2Xml(sentBody(gateway.requests[0])).trade_type).toBe('APP');
  });

  it('MWEB and NATIVE credentials', async () => {
    const { gateway, channel } = await setup();
    gateway.reply(ok({ mweb_url: 'https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx2&package=2' }), ok({ code_url: 'weixin://wxpay/bizpayurl?pr=x' }));
    const h5 = await channel.createCharge({ ...W2_REQUEST, channel: 'wechat_h5', payer: undefined, returnUrl: 'https://shop.example/r' } as ChargeRequest);
    expect(h5.credential).toEqual({ channel: 'wechat_h5', url: 'https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx2&package=2&redirect_url=https%3A%2F%2Fshop.example%2Fr' });
    expect(parseV2Xml(sentBody(gateway.requests[0]))).toMatchObject({ trade_type: 'MWEB', scene_info: '{"h5_info":{"type":"Wap"}}' });
    const native = await channel.createCharge({ ...W2_REQUEST, channel: 'wechat_native', payer: undefined } as ChargeRequest);
    expect(native.credential).toEqual({ channel: 'wechat_native', codeUrl: 'weixin://wxpay/bizpayurl?pr=x' });
    expect(parseV2Xml(sentBody(gateway.requests[1]))).toMatchObject({ trade_type: 'NATIVE', product_id: '20150806125346' });
  });

  it('rejects replies with a bad or missing sign, another merchant, FAIL codes', async () => {
    const { gateway, channel } = await setup();
    gateway.reply(
      { ...ok({ prepay_id: 'wx1' }), sign: false },
      ok({ prepay_id: 'wx1', mch_id: '999' }),
      { v2: true, body: { return_code: 'FAIL', return_msg: '签名错误' } },
      ok({ result_code: 'FAIL', err_code: 'ORDERPAID', err_code_des: '该订单已支付' }),
      { v2: true, status: 503, body: {} },
    );
    expect(PaySignatureError.isInstance(await channel.createCharge(W2_REQUEST).catch((e: unknown) => e))).toBe(true);
    await expect(channel.createCharge(W2_REQUEST)).rejects.toMatchObject({ code: 'MERCHANT_MISMATCH' });
    await expect(channel.createCharge(W2_REQUEST)).rejects.toMatchObject({ code: 'GATEWAY_ERROR_UNVERIFIED', gatewayMessage: '签名错误' });
    const paid = await channel.createCharge(W2_REQUEST).catch((e: unknown) => e);
    expect(PayGatewayError.isInstance(paid) && paid.code).toBe('ORDER_ALREADY_PAID');
    await expect(channel.createCharge(W2_REQUEST)).rejects.toMatchObject({ isRetryable: true, statusCode: 503 });
  });

  it('queries and closes', async () => {
    const { gateway, channel } = await setup();
    gateway.reply(ok({ out_trade_no: '20150806125346', trade_state: 'SUCCESS', transaction_id: '1004400740201409030005092168', total_fee: '888', time_end: '20150806125400' }), ok());
    await expect(channel.queryCharge(stored())).resolves.toMatchObject({ status: 'succeeded', amount: 888, paidAt: '2015-08-06T04:54:00.000Z', channelTradeNo: '1004400740201409030005092168' });
    await channel.closeCharge(stored());
    expect(gateway.requests[1]?.url).toBe('https://api.mch.weixin.qq.com/pay/closeorder');
  });

  it('refunds over mutual TLS only', async () => {
    const noCert = await setup();
    await expect(noCert.channel.createRefund(stored(), { refundNo: 'R1', amount: 100 })).rejects.toThrow(PayConfigError);
    const { gateway, channel } = await setup({ clientCertificate: { cert: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' }, privateKey: K5_PRIVATE_KEY });
    gateway.reply(ok({ out_refund_no: 'R1', refund_id: '50000408942018111907145868882' }), ok({ refund_count: '1', out_refund_no_0: 'R1', refund_id_0: '50000408942018111907145868882', refund_status_0: 'SUCCESS', refund_success_time_0: '2018-11-19 16:24:13' }));
    const refund = await channel.createRefund(stored(), { refundNo: 'R1', amount: 100, reason: 'r' });
    expect(refund).toMatchObject({ status: 'pending', channelRefundNo: '50000408942018111907145868882' });
    expect(gateway.requests[0]?.url).toBe('https://api.mch.weixin.qq.com/secapi/pay/refund');
    expect(gateway.requests[0]?.tls?.cert).toContain('BEGIN CERTIFICATE');
    expect(gateway.requests[0]?.tls?.key).toContain('BEGIN PRIVATE KEY');
    expect(parseV2Xml(sentBody(gateway.requests[0]))).toMatchObject({ total_fee: '888', refund_fee: '100', out_refund_no: 'R1', refund_desc: 'r' });
    await expect(channel.queryRefund(stored(), { refundNo: 'R1', amount: 100 })).resolves.toMatchObject({ status: 'succeeded', succeededAt: '2018-11-19T08:24:13.000Z' });
    expect(gateway.requests[1]?.tls).toBeUndefined();
  });
});

describe('APIv2 micropay (wechat_barcode)', () => {
  const barcode = { ...W2_REQUEST, channel: 'wechat_barcode', payer: { authCode: '134567890123456789' } } as ChargeRequest;
  const cert = { clientCertificate: { cert: 'CERT', key: 'KEY' } };

  it('settles at once on SUCCESS', async () => {
    const { gateway, channel } = await setup();
    gateway.reply(ok({ transaction_id: '42', total_fee: '888', time_end: '20150806125400' }));
    await expect(channel.createCharge(barcode)).resolves.toMatchObject({ status: 'succeeded', channelTradeNo: '42', credential: { channel: 'wechat_barcode' } });
    expect(parseV2Xml(sentBody(gateway.requests[0]))).toMatchObject({ auth_code: '134567890123456789', total_fee: '888' });
  });

  it('polls after USERPAYING until the payer confirms', async () => {
    const { gateway, channel, sleeps } = await setup({ ...cert, barcodePolling: { intervalMs: 5000, timeoutMs: 30000 } });
    gateway.reply(ok({ result_code: 'FAIL', err_code: 'USERPAYING' }), ok({ trade_state: 'USERPAYING' }), ok({ trade_state: 'SUCCESS', transaction_id: '43', total_fee: '888' }));
    await expect(channel.createCharge(barcode)).resolves.toMatchObject({ status: 'succeeded', channelTradeNo: '43' });
    expect(sleeps).toEqual([5000, 5000]);
    expect(gateway.requests.map((r) => new URL(r.url).pathname)).toEqual(['/pay/micropay', '/pay/orderquery', '/pay/orderquery']);
  });

  it('reverses when the time is up, retrying while recall=Y', async () => {
    const { gateway, channel } = await setup({ ...cert, barcodePolling: { intervalMs: 10000, timeoutMs: 20000 } });
    gateway.reply(ok({ result_code: 'FAIL', err_code: 'USERPAYING' }), ok({ trade_state: 'USERPAYING' }), ok({ trade_state: 'USERPAYING' }), ok({ result_code: 'FAIL', err_code: 'SYSTEMERROR', recall: 'Y' }), ok({ recall: 'N' }));
    await expect(channel.createCharge(barcode)).resolves.toMatchObject({ status: 'closed' });
    expect(gateway.requests.map((r) => new URL(r.url).pathname)).toEqual(['/pay/micropay', '/pay/orderquery', '/pay/orderquery', '/secapi/pay/reverse', '/secapi/pay/reverse']);
    expect(gateway.requests[3]?.tls).toEqual({ cert: 'CERT', key: 'KEY' });
  });

  it('fails on a definite error (expired payment code)', async () => {
    const { gateway, channel } = await setup();
    gateway.reply(ok({ result_code: 'FAIL', err_code: 'AUTHCODEEXPIRE', err_code_des: '二维码已过期' }));
    await expect(channel.createCharge(barcode)).rejects.toMatchObject({ code: 'AUTH_CODE_INVALID' });
  });

  it('a lost micropay reply (HTTP 503) leaves the outcome open: it is queried, not thrown away', async () => {
    const { gateway, channel } = await setup();
    gateway.reply({ status: 503, body: 'upstream busy' }, ok({ trade_state: 'SUCCESS', transaction_id: '45', total_fee: '888' }));
    await expect(channel.createCharge(barcode)).resolves.toMatchObject({ status: 'succeeded', channelTradeNo: '45' });
    expect(gateway.requests.map((r) => new URL(r.url).pathname)).toEqual(['/pay/micropay', '/pay/orderquery']);
  });

  it('a transport failure, an order WeChat has not seen yet, then an unclear state still end in a reverse', async () => {
    const { gateway, channel } = await setup({ ...cert, barcodePolling: { intervalMs: 10000, timeoutMs: 20000 } });
    const real = gateway.http.request.bind(gateway.http);
    gateway.http.request = async (request) => {
      if (gateway.requests.length > 0) return real(request);
      gateway.requests.push(request);
      throw new PayConnectionError('socket hang up', { channel: 'wechat' });
    };
    gateway.reply(ok({ result_code: 'FAIL', err_code: 'ORDERNOTEXIST' }), ok({ trade_state: 'ACCEPT' }), ok({ recall: 'N' }));
    await expect(channel.createCharge(barcode)).resolves.toMatchObject({ status: 'closed' });
    expect(gateway.requests.map((r) => new URL(r.url).pathname)).toEqual(['/pay/micropay', '/pay/orderquery', '/pay/orderquery', '/secapi/pay/reverse']);
  });
});

describe('APIv2 notifications', () => {
  it('W3: verifies the payment notification and acknowledges it', async () => {
    const { channel } = await setup();
    const { event } = await channel.verifyNotification({ body: W3_NOTIFICATION_XML, headers: {} });
    expect(event).toMatchObject({ id: 'wechat:1004400740201409030005092168:SUCCESS', type: 'charge.succeeded', orderNo: '20150806125346', amount: 888, currency: 'CNY', occurredAt: '2015-08-06T04:54:00.000Z' });
    expect(channel.acknowledge({ ok: true }).body).toBe(W3_ACK_XML);
    expect(channel.acknowledge({ ok: false, error: new PayError('x', { code: 'SIGNATURE_INVALID' }) }).body).toContain('<return_code><![CDATA[FAIL]]></return_code>');
  });

  it('W3 is rejected after a one-byte change, for another merchant, or with XXE', async () => {
    const { channel } = await setup();
    await expect(channel.verifyNotification({ body: W3_NOTIFICATION_XML.replace('<total_fee>888', '<total_fee>889') })).rejects.toThrow(PaySignatureError);
    const other = await setup({ mchId: '10000101' });
    await expect(other.channel.verifyNotification({ body: W3_NOTIFICATION_XML })).rejects.toMatchObject({ code: 'MERCHANT_MISMATCH' });
    await expect(channel.verifyNotification({ body: `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${W3_NOTIFICATION_XML}` })).rejects.toMatchObject({ code: 'XML_FORBIDDEN' });
  });

  it('W6: decrypts a refund notification and confirms it with refundquery before trusting it', async () => {
    const { gateway, channel } = await setup();
    const body = `<xml><return_code>SUCCESS</return_code><appid><![CDATA[${V2_CONFIG.appId}]]></appid><mch_id><![CDATA[10000100]]></mch_id><nonce_str><![CDATA[abc]]></nonce_str><req_info><![CDATA[${W6_REQ_INFO}]]></req_info></xml>`;
    const query = (status: string) => ok({ refund_count: '1', out_refund_no_0: '131811191610442717309', refund_id_0: '50000408942018111907145868882', refund_status_0: status });
    gateway.reply(query('SUCCESS'), query('PROCESSING'));
    const { event } = await channel.verifyNotification({ body });
    expect(event).toMatchObject({ id: 'wechat:refund:50000408942018111907145868882:SUCCESS', type: 'refund.succeeded', orderNo: '71106718111915575302817', refundNo: '131811191610442717309', amount: 3960, occurredAt: '2018-11-19T08:24:13.000Z' });
    expect(parseV2Xml(sentBody(gateway.requests[0])).out_refund_no).toBe('131811191610442717309');
    await expect(channel.verifyNotification({ body })).rejects.toMatchObject({ code: 'NOTIFICATION_UNCONFIRMED' });
    const wrongKey = await setup({ apiKey: `${W1_KEY.slice(0, -1)}e` });
    await expect(wrongKey.channel.verifyNotification({ body })).rejects.toMatchObject({ code: 'DECRYPTION_FAILED' });
  });
});
