import { describe, expect, it } from 'vitest';
import type { StoredCharge } from '../types';
import { FAKE_ALIPAY_PUBLIC_KEY } from './__fixtures__/fake-gateway-key';
import { fakeGateway, testContext, type FakeAnswer, type ReceivedCall } from './__fixtures__/harness';
import { APP_PRIVATE_KEY_PKCS1 } from './__fixtures__/keys';
import { TEST_ALIPAY_CERT, TEST_APP_CERT, TEST_CERT_SNS, TEST_ROOT_BUNDLE } from './__fixtures__/test-certs';
import { alipay, type AlipayConfig } from './index';

const config: AlipayConfig = { appId: '2021000122671080', privateKey: APP_PRIVATE_KEY_PKCS1, alipayPublicKey: FAKE_ALIPAY_PUBLIC_KEY };

async function setup(handler: (call: ReceivedCall) => FakeAnswer, extra: Partial<AlipayConfig> = {}) {
  const gateway = await fakeGateway(handler);
  const channel = alipay({ ...config, ...extra });
  await channel.init(await testContext(gateway.http));
  return { channel, calls: gateway.calls };
}

const charge = { orderNo: 'ORDER_1', channel: 'alipay_page', amount: 1999 } as StoredCharge;
const failure = (code: string, sub_code: string) => ({ reply: { code, msg: 'Business Failed', sub_code, sub_msg: 'detail' } });

describe('alipay.trade.query', () => {
  it('maps a paid trade, with the amount in fen and the payment time in +08:00', async () => {
    const { channel, calls } = await setup(() => ({
      reply: { code: '10000', msg: 'Success', trade_no: '2024T1', out_trade_no: 'ORDER_1', trade_status: 'TRADE_SUCCESS', total_amount: '19.99', send_pay_date: '2024-01-02 03:04:05' },
    }));
    await expect(channel.queryCharge!(charge)).resolves.toMatchObject({ status: 'succeeded', channelTradeNo: '2024T1', amount: 1999, paidAt: '2024-01-02T03:04:05+08:00' });
    expect(calls[0]).toMatchObject({ method: 'alipay.trade.query', biz: { out_trade_no: 'ORDER_1' } });
    expect(calls[0]!.params).not.toHaveProperty('notify_url');
    expect(calls[0]!.params.timestamp).toBe('2024-01-02 03:04:05');
  });

  it.each([
    ['TRADE_FINISHED', 'succeeded'],
    ['TRADE_CLOSED', 'closed'],
    ['WAIT_BUYER_PAY', 'pending'],
    ['SOMETHING_NEW', 'pending'],
  ])('%s is %s', async (tradeStatus, status) => {
    const { channel } = await setup(() => ({ reply: { code: '10000', trade_status: tradeStatus, total_amount: '19.99', trade_no: 'T' } }));
    await expect(channel.queryCharge!(charge)).resolves.toMatchObject({ status });
  });

  it('a trade Alipay has not seen yet is pending, not an error', async () => {
    const { channel } = await setup(() => failure('40004', 'ACQ.TRADE_NOT_EXIST'));
    await expect(channel.queryCharge!(charge)).resolves.toMatchObject({ status: 'pending' });
  });

  it.each([
    ['40004', 'ACQ.SYSTEM_ERROR', true, 'GATEWAY_UNAVAILABLE'],
    ['20000', 'isp.unknow-error', true, 'GATEWAY_UNAVAILABLE'],
    ['40006', 'isv.insufficient-isv-permissions', false, 'PERMISSION_DENIED'],
    ['40004', 'ACQ.SOMETHING_ELSE', false, 'GATEWAY_ERROR'],
  ])('code %s / %s is a PayGatewayError (retryable: %s)', async (code, subCode, retryable, payCode) => {
    const { channel } = await setup(() => failure(code, subCode));
    await expect(channel.queryCharge!(charge)).rejects.toMatchObject({
      type: 'PayGatewayError',
      code: payCode,
      isRetryable: retryable,
      gatewayCode: code,
      gatewaySubCode: subCode,
      gatewayMessage: 'detail',
    });
  });

  it('Alipay rejecting our signature is explained', async () => {
    const { channel } = await setup(() => ({ reply: { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature' }, unsigned: true }));
    await expect(channel.queryCharge!(charge)).rejects.toMatchObject({ code: 'REQUEST_SIGNATURE_REJECTED', message: expect.stringMatching(/privateKey does not belong/) });
  });

  it('a reply signed with another key is refused', async () => {
    const { channel } = await setup(() => ({ rawBody: '{"alipay_trade_query_response":{"code":"10000","trade_status":"TRADE_SUCCESS"},"sign":"AAAA"}' }));
    await expect(channel.queryCharge!(charge)).rejects.toMatchObject({ type: 'PaySignatureError' });
  });
});

describe('precreate, close, refund', () => {
  it('alipay_qr returns the qr_code and signs notify_url in', async () => {
    const { channel, calls } = await setup(() => ({ reply: { code: '10000', out_trade_no: 'Q1', qr_code: 'https://qr.alipay.com/bax01' } }));
    const created = await channel.createCharge!({ chargeId: 'c', channel: 'alipay_qr', orderNo: 'Q1', amount: 1, currency: 'CNY', subject: 's' });
    expect(created.credential).toEqual({ channel: 'alipay_qr', qrCode: 'https://qr.alipay.com/bax01' });
    expect(calls[0]!.params.notify_url).toBe('https://example.com/alipay/notify');
    expect(calls[0]!.biz).toEqual({ out_trade_no: 'Q1', total_amount: '0.01', subject: 's' });
  });

  it('close: done, a trade unknown to Alipay needs no closing, a paid trade cannot be closed', async () => {
    await expect((await setup(() => ({ reply: { code: '10000' } }))).channel.closeCharge!(charge)).resolves.toBeUndefined();
    await expect((await setup(() => failure('40004', 'ACQ.TRADE_NOT_EXIST'))).channel.closeCharge!(charge)).resolves.toBeUndefined();
    await expect((await setup(() => failure('40004', 'ACQ.TRADE_STATUS_ERROR'))).channel.closeCharge!(charge)).rejects.toMatchObject({ code: 'TRADE_STATUS_INVALID' });
  });

  it('refund with fund_change=Y succeeds at once', async () => {
    const { channel, calls } = await setup(() => ({ reply: { code: '10000', fund_change: 'Y', refund_fee: '5.00', gmt_refund_pay: '2024-01-03 10:00:00' } }));
    await expect(channel.createRefund!(charge, { refundNo: 'R1', amount: 500, reason: 'size' })).resolves.toMatchObject({ status: 'succeeded', succeededAt: '2024-01-03T10:00:00+08:00' });
    expect(calls[0]!.biz).toEqual({ out_trade_no: 'ORDER_1', refund_amount: '5.00', out_request_no: 'R1', refund_reason: 'size' });
  });

  it('refund with fund_change=N is confirmed by a refund query', async () => {
    const { channel, calls } = await setup((call) =>
      call.method === 'alipay.trade.refund'
        ? { reply: { code: '10000', fund_change: 'N' } }
        : { reply: { code: '10000', out_request_no: 'R1', refund_amount: '5.00', refund_status: 'REFUND_SUCCESS' } },
    );
    await expect(channel.createRefund!(charge, { refundNo: 'R1', amount: 500 })).resolves.toMatchObject({ status: 'succeeded' });
    expect(calls.map((c) => c.method)).toEqual(['alipay.trade.refund', 'alipay.trade.fastpay.refund.query']);
    expect(calls[1]!.biz).toMatchObject({ out_trade_no: 'ORDER_1', out_request_no: 'R1' });
  });

  it('a refund query without refund data is still pending', async () => {
    const { channel } = await setup(() => ({ reply: { code: '10000' } }));
    await expect(channel.queryRefund!(charge, { refundNo: 'R1', amount: 500 })).resolves.toMatchObject({ status: 'pending' });
  });
});

describe('certificate mode', () => {
  const certConfig = { alipayPublicKey: undefined, appCert: TEST_APP_CERT, alipayPublicCert: TEST_ALIPAY_CERT, alipayRootCert: TEST_ROOT_BUNDLE };

  it('signs app_cert_sn and alipay_root_cert_sn into every request', async () => {
    const { channel, calls } = await setup(() => ({ reply: { code: '10000', trade_status: 'WAIT_BUYER_PAY' }, extra: `,"alipay_cert_sn":"${TEST_CERT_SNS.alipay}"` }), certConfig);
    await channel.queryCharge!(charge);
    expect(calls[0]!.params).toMatchObject({ app_cert_sn: TEST_CERT_SNS.app, alipay_root_cert_sn: TEST_CERT_SNS.root });
  });

  it('refuses a reply that names another Alipay certificate', async () => {
    const { channel } = await setup(() => ({ reply: { code: '10000' }, extra: ',"alipay_cert_sn":"ffffffffffffffffffffffffffffffff"' }), certConfig);
    await expect(channel.queryCharge!(charge)).rejects.toMatchObject({ code: 'ALIPAY_CERT_SN_MISMATCH' });
  });
});
