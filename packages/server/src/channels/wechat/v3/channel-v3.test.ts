import { PayConfigError, PayError, PayGatewayError, PaySignatureError, type ChannelId } from '@payweave/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRsaPublicKey } from '../../../crypto/keys';
import type { CryptoProvider } from '../../../crypto/provider';
import { fromBase64, utf8 } from '../../../internal/encoding';
import { testCrypto } from '../../../testing/crypto';
import type { ChargeRequest, StoredCharge } from '../../types';
import { fakeGateway, sentBody, testContext, V3_CONFIG } from '../__fixtures__/harness';
import { K5_PUBLIC_KEY } from '../__fixtures__/k5';
import { W8, W9, W10 } from '../__fixtures__/v3-vectors';
import { wechat } from '../index';

let crypto: CryptoProvider;
const CLOCK = Number(W8.timestamp) * 1000;
const clock = () => CLOCK;

beforeAll(async () => {
  crypto = await testCrypto();
});

async function setup(config: Record<string, unknown> = {}) {
  const gateway = fakeGateway(crypto, clock);
  const channel = wechat({ ...V3_CONFIG, ...config } as Parameters<typeof wechat>[0]);
  await channel.init(testContext(crypto, gateway.http, clock));
  return { gateway, channel };
}

function chargeRequest(channel: ChannelId, extra: Partial<ChargeRequest> = {}): ChargeRequest {
  return {
    chargeId: 'ch_1',
    channel,
    orderNo: '1217752501201407033233368018',
    amount: 100,
    currency: 'CNY',
    subject: 'Image形象店-深圳腾大-QQ公仔',
    ...(channel === 'wechat_jsapi' || channel === 'wechat_mini' ? { payer: { openId: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' } } : {}),
    ...extra,
  } as ChargeRequest;
}

const stored = (channel: ChannelId = 'wechat_jsapi') =>
  ({ orderNo: '1217752501201407033233368018', channel, amount: 100, currency: 'CNY', provider: 'wechat' }) as StoredCharge;

async function verifyRsa(message: string, signature: string): Promise<boolean> {
  const key = await crypto.importRsaPublicKey(parseRsaPublicKey(K5_PUBLIC_KEY, 'K5').spki);
  return crypto.rsaVerify('SHA-256', key, utf8(message), fromBase64(signature) as Uint8Array);
}

describe('wechat() APIv3 channel', () => {
  it('serves the surfaces its config allows', () => {
    expect(wechat(V3_CONFIG).channels).toEqual(['wechat_jsapi', 'wechat_app', 'wechat_h5', 'wechat_native']);
    expect(wechat({ ...V3_CONFIG, miniAppId: 'wxmini', apiKey: '192006250b4c09247ec02edce69f6a2d' }).channels).toContain('wechat_barcode');
    expect(wechat(V3_CONFIG).livemode).toBe(true);
    expect(wechat({ ...V3_CONFIG, baseUrl: 'http://sandbox.payweave.test/wechat' }).livemode).toBe(false);
  });

  it('W9: JSAPI prepay sends the exact body and Authorization, then signs paySign', async () => {
    const { gateway, channel } = await setup();
    gateway.reply({ body: { prepay_id: 'wx201410272009395522657a690389285100' } });
    const creation = await channel.createCharge(chargeRequest('wechat_jsapi'));
    const request = gateway.requests[0];
    expect(request?.url).toBe('https://api.mch.weixin.qq.com/v3/pay/transactions/jsapi');
    expect(sentBody(request)).toBe(W9.body);
    expect(request?.headers?.Authorization).toBe(
      `WECHATPAY2-SHA256-RSA2048 mchid="1900009191",serial_no="F5765756002FDD77",timestamp="${W8.timestamp}",nonce_str="${W8.nonce}",signature="${W9.signature}"`,
    );
    expect(request?.headers?.Accept).toBe('application/json');
    const credential = creation.credential as Extract<typeof creation.credential, { channel: 'wechat_jsapi' | 'wechat_mini' }>;
    expect(credential).toMatchObject({ channel: 'wechat_jsapi', appId: V3_CONFIG.appId, timeStamp: W8.timestamp, nonceStr: W8.nonce, package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA' });
    expect(await verifyRsa(`${V3_CONFIG.appId}\n${W8.timestamp}\n${W8.nonce}\nprepay_id=wx201410272009395522657a690389285100\n`, credential.paySign)).toBe(true);
  });

  it('names a configured WeChat Pay public key in Wechatpay-Serial on requests (the reply is then signed with it)', async () => {
    const certificatesOnly = await setup();
    certificatesOnly.gateway.reply({ body: { code_url: 'weixin://wxpay/bizpayurl?pr=1' } });
    await certificatesOnly.channel.createCharge(chargeRequest('wechat_native'));
    expect(certificatesOnly.gateway.requests[0]?.headers?.['Wechatpay-Serial']).toBeUndefined();

    const both = await setup({ platformKeys: { ...V3_CONFIG.platformKeys, PUB_KEY_ID_0114232000000001: K5_PUBLIC_KEY } });
    both.gateway.reply({ body: { code_url: 'weixin://wxpay/bizpayurl?pr=1' } });
    await both.channel.createCharge(chargeRequest('wechat_native'));
    expect(both.gateway.requests[0]?.headers?.['Wechatpay-Serial']).toBe('PUB_KEY_ID_0114232000000001');
  });

  it('mini-program prepay uses miniAppId; without it the config error says so', async () => {
    const { gateway, channel } = await setup({ miniAppId: 'wxminiapp000001' });
    gateway.reply({ body: { prepay_id: 'wx1' } });
    const creation = await channel.createCharge(chargeRequest('wechat_mini'));
    expect(JSON.parse(sentBody(gateway.requests[0])).appid).toBe('wxminiapp000001');
    expect(creation.credential).toMatchObject({ channel: 'wechat_mini', appId: 'wxminiapp000001' });
    const bare = await setup();
    await expect(bare.channel.createCharge(chargeRequest('wechat_mini'))).rejects.toThrow(PayConfigError);
  });

  it('APP, H5 (redirect_url appended) and Native credentials', async () => {
    const { gateway, channel } = await setup();
    gateway.reply({ body: { prepay_id: 'wx2' } }, { body: { h5_url: 'https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx3&package=1' } }, { body: { code_url: 'weixin://wxpay/bizpayurl?pr=abc' } });
    const app = await channel.createCharge(chargeRequest('wechat_app'));
    expect(app.credential).toMatchObject({ channel: 'wechat_app', partnerId: '1900009191', prepayId: 'wx2', package: 'Sign=WXPay', timestamp: W8.timestamp });
    const appCredential = app.credential as Extract<typeof app.credential, { channel: 'wechat_app' }>;
    expect(await verifyRsa(`${V3_CONFIG.appId}\n${W8.timestamp}\n${W8.nonce}\nwx2\n`, appCredential.sign)).toBe(true);
    const h5 = await channel.createCharge(chargeRequest('wechat_h5', { clientIp: '1.2.3.4', returnUrl: 'https://shop.example/done?o=1' }));
    expect(h5.credential).toEqual({ channel: 'wechat_h5', url: 'https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx3&package=1&redirect_url=https%3A%2F%2Fshop.example%2Fdone%3Fo%3D1' });
    expect(JSON.parse(sentBody(gateway.requests[1])).scene_info).toEqual({ payer_client_ip: '1.2.3.4', h5_info: { type: 'Wap' } });
    const native = await channel.createCharge(chargeRequest('wechat_native', { metadata: { cart: '42' }, expiresAt: '2019-04-02T13:00:00Z' }));
    expect(native.credential).toEqual({ channel: 'wechat_native', codeUrl: 'weixin://wxpay/bizpayurl?pr=abc' });
    expect(JSON.parse(sentBody(gateway.requests[2]))).toMatchObject({ attach: '{"cart":"42"}', time_expire: '2019-04-02T21:00:00+08:00' });
  });

  it('rejects a 2xx reply without signature headers, with an unknown serial, a stale timestamp or a bad signature', async () => {
    const { gateway, channel } = await setup();
    const cases = [
      [{ body: { prepay_id: 'wx1' }, sign: false }, 'SIGNATURE_MISSING'],
      [{ body: { prepay_id: 'wx1' }, serial: 'ABCDEF' }, 'UNKNOWN_SERIAL'],
      [{ body: { prepay_id: 'wx1' }, skew: -301 }, 'TIMESTAMP_OUT_OF_WINDOW'],
      [{ body: { prepay_id: 'wx1' }, signature: 'WECHATPAY/SIGNTEST/AAAA' }, 'SIGNATURE_INVALID'],
      [{ body: { prepay_id: 'wx1' }, signature: W9.signature }, 'SIGNATURE_INVALID'],
    ] as const;
    for (const [reply, code] of cases) {
      gateway.reply(reply);
      const error = await channel.createCharge(chargeRequest('wechat_native')).then(() => null, (e: unknown) => e);
      expect(PaySignatureError.isInstance(error)).toBe(true);
      expect((error as PayError).code).toBe(code);
    }
  });

  it('maps a signed error reply to PayGatewayError and flags an unsigned one', async () => {
    const { gateway, channel } = await setup();
    gateway.reply({ status: 400, body: { code: 'ORDERPAID', message: '该订单已支付' } }, { status: 500, body: { code: 'SYSTEM_ERROR', message: 'busy' }, sign: false });
    const paid = await channel.createCharge(chargeRequest('wechat_native')).then(() => null, (e: unknown) => e);
    expect(PayGatewayError.isInstance(paid)).toBe(true);
    expect(paid).toMatchObject({ code: 'ORDER_ALREADY_PAID', gatewayCode: 'ORDERPAID', statusCode: 400, requestId: 'req-1', isRetryable: false });
    const busy = await channel.createCharge(chargeRequest('wechat_native')).then(() => null, (e: unknown) => e);
    expect(busy).toMatchObject({ code: 'GATEWAY_ERROR_UNVERIFIED', isRetryable: true });
  });

  it('W10: queries by out_trade_no with the exact signed URL and maps the state', async () => {
    const { gateway, channel } = await setup();
    gateway.reply({ body: { appid: V3_CONFIG.appId, mchid: '1900009191', out_trade_no: stored().orderNo, transaction_id: '4200000000000000000000000000', trade_state: 'SUCCESS', success_time: '2019-04-02T20:40:00+08:00', amount: { total: 100, currency: 'CNY' } } });
    const result = await channel.queryCharge(stored());
    expect(gateway.requests[0]?.url).toBe('https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/1217752501201407033233368018?mchid=1900009191');
    expect(gateway.requests[0]?.headers?.Authorization).toContain(`signature="${W10.signature}"`);
    expect(result).toMatchObject({ status: 'succeeded', channelTradeNo: '4200000000000000000000000000', amount: 100, paidAt: '2019-04-02T12:40:00.000Z' });
    gateway.reply({ body: { mchid: '1900009191', out_trade_no: stored().orderNo, trade_state: 'NOTPAY' } }, { body: { mchid: '1900009191', out_trade_no: 'other', trade_state: 'SUCCESS' } });
    expect((await channel.queryCharge(stored())).status).toBe('pending');
    await expect(channel.queryCharge(stored())).rejects.toMatchObject({ code: 'MERCHANT_MISMATCH' });
  });

  it('closes (signed 204) and refuses an unsigned 204', async () => {
    const { gateway, channel } = await setup();
    gateway.reply({ status: 204 }, { status: 204, sign: false });
    await channel.closeCharge(stored());
    expect(gateway.requests[0]?.url).toBe('https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/1217752501201407033233368018/close');
    expect(sentBody(gateway.requests[0])).toBe('{"mchid":"1900009191"}');
    await expect(channel.closeCharge(stored())).rejects.toMatchObject({ code: 'SIGNATURE_MISSING' });
  });

  it('refunds and queries refunds', async () => {
    const { gateway, channel } = await setup();
    const reply = { refund_id: '50000000382019052709732678859', out_refund_no: 'R1', out_trade_no: stored().orderNo, status: 'PROCESSING', amount: { refund: 40, total: 100, currency: 'CNY' } };
    gateway.reply({ body: reply }, { body: { ...reply, status: 'SUCCESS', success_time: '2020-12-01T16:18:12+08:00' } });
    const created = await channel.createRefund(stored(), { refundNo: 'R1', amount: 40, reason: 'damaged' });
    expect(JSON.parse(sentBody(gateway.requests[0]))).toEqual({ out_trade_no: stored().orderNo, out_refund_no: 'R1', reason: 'damaged', notify_url: V3_CONFIG.notifyUrl, amount: { refund: 40, total: 100, currency: 'CNY' } });
    expect(created).toMatchObject({ status: 'pending', channelRefundNo: '50000000382019052709732678859' });
    const queried = await channel.queryRefund(stored(), { refundNo: 'R1', amount: 40 });
    expect(gateway.requests[1]?.url).toBe('https://api.mch.weixin.qq.com/v3/refund/domestic/refunds/R1');
    expect(queried).toMatchObject({ status: 'succeeded', succeededAt: '2020-12-01T08:18:12.000Z' });
  });
});

describe('wechat() config', () => {
  const fails = (config: Record<string, unknown>, text: RegExp) => {
    let error: unknown;
    try {
      wechat({ ...V3_CONFIG, ...config } as Parameters<typeof wechat>[0]);
    } catch (e) {
      error = e;
    }
    expect(PayConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(text);
  };

  it('checks the APIv3 key length, required v3 fields, platformKeys shapes and unknown fields', () => {
    fails({ apiV3Key: 'short' }, /apiV3Key must be the 32-character/);
    fails({ apiV3Key: undefined }, /needs apiV3Key/);
    fails({ platformKeys: {} }, /platformKeys is empty/);
    fails({ platformKeys: { 'not a serial': K5_PUBLIC_KEY } }, /platform-certificate serial/);
    fails({ platformKeys: { ABCDEF: V3_CONFIG.platformKeys.F5765756002FDD77 } }, /serial F5765756002FDD77/);
    fails({ platformKeys: { PUB_KEY_ID_0114232: V3_CONFIG.platformKeys.F5765756002FDD77 } }, /not a certificate/);
    fails({ privateKey: 'nonsense' }, /privateKey/);
    fails({ apiVersion: 'v2', apiKey: undefined }, /needs apiKey/);
    fails({ extra: 1 }, /extra/);
    expect(() => wechat({ ...V3_CONFIG, apiV3Key: 'x'.repeat(32) })).not.toThrow();
  });

  it('never puts the key material in an error message', () => {
    try {
      wechat({ ...V3_CONFIG, apiV3Key: 'secret-key-too-short' });
    } catch (error) {
      expect((error as Error).message).not.toContain('secret-key-too-short');
    }
  });
});
