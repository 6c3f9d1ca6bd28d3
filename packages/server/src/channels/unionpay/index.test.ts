import { PayConfigError, PayError, PayGatewayError, PaySignatureError, type ValidChargeInput } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import type { ChargeRequest, StoredCharge } from '../types';
import { BASE_CONFIG, harness, MER_ID } from './__fixtures__/harness';
import { SANDBOX_MERCHANT_CERT_ID, SANDBOX_MERCHANT_CERT_PEM, SANDBOX_MERCHANT_PFX_BASE64, SANDBOX_MERCHANT_KEY_PEM, SANDBOX_ROOT_CERT_PEM } from './__fixtures__/sandbox-chain';
import { responseText, signAsGateway } from './__fixtures__/sign-as-gateway';
import { TEST_MIDDLE_CERT_PEM, TEST_SIGN_CERT_PEM, TEST_SIGN_KEY_PEM } from './__fixtures__/test-certs';
import { unionpay } from './index';

const base: ValidChargeInput = { channel: 'unionpay_wap', orderNo: '20240102030405001', amount: 1000, currency: 'CNY', subject: 'T-shirt', clientIp: '203.0.113.9' };
const request = (extra: Partial<ChargeRequest> = {}): ChargeRequest => ({ ...base, chargeId: 'ch_1', ...extra }) as ChargeRequest;

describe('unionpay() configuration', () => {
  it('reads the PFX at construction: certId is the serial in decimal', () => {
    const channel = unionpay(BASE_CONFIG);
    expect(channel.provider).toBe('unionpay');
    expect(channel.channels).toEqual(['unionpay_app', 'unionpay_wap', 'unionpay_page']);
    expect(channel.livemode).toBe(false);
  });

  it('accepts PEM key + certificate', async () => {
    const { requests, channel } = await harness(undefined, { signCert: { privateKey: SANDBOX_MERCHANT_KEY_PEM, certificate: SANDBOX_MERCHANT_CERT_PEM } });
    await channel.queryCharge!({ orderNo: 'A1234567', channelData: { txnTime: '20240102030405' } } as unknown as StoredCharge);
    expect(requests[0]?.fields.certId).toBe(SANDBOX_MERCHANT_CERT_ID);
  });

  it.each([
    ['a short merId', { merId: '123' }, /merId/],
    ['an unknown option', { sandbox: true }, /sandbox|Unrecognized/i],
    ['a wrong PFX passphrase', { signCert: { pfx: SANDBOX_MERCHANT_PFX_BASE64, passphrase: 'x' } }, /passphrase/],
    ['a certificate of another key', { signCert: { privateKey: TEST_SIGN_KEY_PEM, certificate: SANDBOX_MERCHANT_CERT_PEM } }, /does not belong/],
    ['a middle certificate that is not a certificate', { middleCert: 'hello' }, /middleCert/],
    ['no environment', { environment: undefined }, /environment/],
  ])('refuses %s with a PayConfigError', (_name, change, message) => {
    const attempt = () => unionpay({ ...BASE_CONFIG, ...change } as never);
    expect(attempt).toThrow(PayConfigError);
    expect(attempt).toThrow(message);
  });

  it('init refuses a middle certificate that the root did not issue', async () => {
    await expect(harness(undefined, { middleCert: TEST_MIDDLE_CERT_PEM, rootCert: SANDBOX_ROOT_CERT_PEM })).rejects.toThrow(PayConfigError);
  });

  it('init warns when the signing certificate is expired (K6 expired in 2018)', async () => {
    const { warnings } = await harness(undefined, { signCert: { privateKey: TEST_SIGN_KEY_PEM, certificate: TEST_SIGN_CERT_PEM } });
    expect(warnings.join()).toMatch(/68759663125.*validity/);
  });

  it('livemode only for production without baseUrl', () => {
    expect(unionpay({ ...BASE_CONFIG, environment: 'production' }).livemode).toBe(true);
    expect(unionpay({ ...BASE_CONFIG, environment: 'production', baseUrl: 'http://127.0.0.1:9' }).livemode).toBe(false);
  });
});

describe('unionpay_wap / unionpay_page', () => {
  it('returns the signed form for frontTransReq.do with txnTime in Beijing time', async () => {
    const { channel, requests } = await harness();
    const creation = await channel.createCharge!(request({ returnUrl: 'https://merchant.example/return', expiresAt: '2024-01-02T03:19:05+08:00' }));
    expect(requests).toHaveLength(0);
    const credential = creation.credential as { url: string; fields: Record<string, string>; method: string; channel: string };
    expect(credential.channel).toBe('unionpay_wap');
    expect(credential.method).toBe('POST');
    expect(credential.url).toBe('https://gateway.test.95516.com/gateway/api/frontTransReq.do');
    const { signature, ...signed } = credential.fields;
    expect(signed).toEqual({
      version: '5.1.0', encoding: 'UTF-8', signMethod: '01', certId: SANDBOX_MERCHANT_CERT_ID, merId: MER_ID, accessType: '0',
      txnType: '01', txnSubType: '01', bizType: '000201', channelType: '08', currencyCode: '156',
      orderId: '20240102030405001', txnTime: '20240102030405', txnAmt: '1000',
      backUrl: 'https://merchant.example/pay/notify/unionpay', frontUrl: 'https://merchant.example/return',
      customerIp: '203.0.113.9', payTimeout: '20240102031905', riskRateInfo: '{commodityName=T-shirt}',
    });
    expect(signature).toMatch(/^[A-Za-z0-9+/]{342}==$/);
    expect(creation.channelData).toEqual({ txnTime: '20240102030405', channelType: '08' });
  });

  it('uses channelType 07 for the PC cashier and drops blank optional fields', async () => {
    const { channel } = await harness();
    const creation = await channel.createCharge!(request({ channel: 'unionpay_page', subject: 'a{b}&c=d' }));
    const fields = (creation.credential as { fields: Record<string, string> }).fields;
    expect(fields.channelType).toBe('07');
    expect(fields).not.toHaveProperty('frontUrl');
    expect(fields).not.toHaveProperty('payTimeout');
    expect(fields.riskRateInfo).toBe('{commodityName=a b  c d}');
  });

  it('needs a notify URL', async () => {
    const { channel } = await harness(undefined, {}, { notifyUrl: undefined });
    await expect(channel.createCharge!(request())).rejects.toMatchObject({ code: 'NOTIFY_URL_MISSING' });
  });
});

describe('unionpay_app', () => {
  it('posts to appTransReq.do and returns the verified tn with mode 01 in test', async () => {
    const { channel, requests } = await harness(() => ({ respCode: '00', respMsg: 'ok', tn: '736519219452410090000' }));
    const creation = await channel.createCharge!(request({ channel: 'unionpay_app' }));
    expect(creation.credential).toEqual({ channel: 'unionpay_app', tn: '736519219452410090000', mode: '01' });
    expect(requests[0]?.url).toBe('https://gateway.test.95516.com/gateway/api/appTransReq.do');
    expect(requests[0]?.fields.channelType).toBe('08');
    expect(requests[0]?.fields).not.toHaveProperty('customerIp');
  });

  it.each([
    ['an undecided respCode (retryable)', () => ({ respCode: '05', respMsg: 'wait' }), PayGatewayError, 'OUTCOME_UNKNOWN'],
    ['a refusal', () => ({ respCode: '32', respMsg: 'no permission' }), PayGatewayError, 'NO_PERMISSION'],
    ['HTTP 502', () => ({ status: 502, text: 'bad gateway' }), PayGatewayError, 'GATEWAY_HTTP_ERROR'],
    ['garbage', () => ({ status: 200, text: '<html>' }), PayGatewayError, 'MALFORMED_RESPONSE'],
    ['an answer for another merchant', () => ({ respCode: '00', tn: '1', merId: '777290058110049' }), PayError, 'MERCHANT_MISMATCH'],
    ['an answer without tn', () => ({ respCode: '00' }), PayGatewayError, 'MALFORMED_RESPONSE'],
  ])('turns %s into a typed error', async (_name, answer, type, code) => {
    const { channel } = await harness(answer as never);
    const error = await channel.createCharge!(request({ channel: 'unionpay_app' })).catch((e: unknown) => e);
    expect(type.isInstance(error)).toBe(true);
    expect((error as PayError).code).toBe(code);
  });

  it('refuses a tampered response', async () => {
    const signed = await signAsGateway({ respCode: '00', merId: MER_ID, tn: '1' });
    const { channel } = await harness(() => ({ status: 200, text: responseText({ ...signed, tn: '2' }) }));
    await expect(channel.createCharge!(request({ channel: 'unionpay_app' }))).rejects.toSatisfy((e) => PaySignatureError.isInstance(e));
  });

  it('reports an unsigned refusal as a gateway error, never as success', async () => {
    const { channel } = await harness(() => ({ status: 200, text: 'respCode=10&respMsg=format error' }));
    await expect(channel.createCharge!(request({ channel: 'unionpay_app' }))).rejects.toMatchObject({ gatewayCode: '10' });
    const { channel: other } = await harness(() => ({ status: 200, text: 'respCode=00&tn=1' }));
    await expect(other.createCharge!(request({ channel: 'unionpay_app' }))).rejects.toSatisfy((e) => PaySignatureError.isInstance(e));
  });
});
