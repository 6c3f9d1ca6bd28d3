/**
 * Interop with the official Node SDK (alipay-sdk 4.x, a test-only dev dependency): the same orders signed by both give
 * identical signatures; notifications signed the way alipay-sdk verifies them are accepted by ours; both compute the
 * same certificate SNs.
 */
import { createPrivateKey, createSign } from 'node:crypto';
import { AlipaySdk } from 'alipay-sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRsaPrivateKey } from '../../crypto/keys';
import { parseCertificates } from '../../crypto/x509';
import { testCrypto } from '../../testing/crypto';
import { ALIPAY_PUBLIC_CERT, ALIPAY_ROOT_CERT, APP_CERT } from './__fixtures__/certs';
import { FAKE_ALIPAY_PRIVATE_KEY, FAKE_ALIPAY_PUBLIC_KEY } from './__fixtures__/fake-gateway-key';
import { fakeGateway, testContext } from './__fixtures__/harness';
import { APP_PRIVATE_KEY_PKCS1 } from './__fixtures__/keys';
import { TEST_ALIPAY_CERT, TEST_APP_CERT, TEST_ROOT_BUNDLE } from './__fixtures__/test-certs';
import { certificateSn, rootCertificateSn } from './cert';
import { alipay } from './index';
import { buildRequestParams } from './params';
import { signParams } from './sign';
import { formatBeijingTime } from './time';

const APP_ID = '2021000122671080';
const NOTIFY_URL = 'https://example.com/alipay/notify';
const crypto = await testCrypto();
const appKey = await crypto.importRsaPrivateKey(parseRsaPrivateKey(APP_PRIVATE_KEY_PKCS1, 'k1').pkcs8);
const sdk = new AlipaySdk({ appId: APP_ID, privateKey: APP_PRIVATE_KEY_PKCS1, alipayPublicKey: FAKE_ALIPAY_PUBLIC_KEY });

const orderNo = fc.stringMatching(/^[A-Za-z0-9_]{1,64}$/);
const subject = fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' });
const amount = fc.integer({ min: 1, max: 10 ** 9 });
const clock = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) });

async function channelAt(now: number, pageMethod: 'GET' | 'POST' = 'GET') {
  const channel = alipay({ appId: APP_ID, privateKey: APP_PRIVATE_KEY_PKCS1, alipayPublicKey: FAKE_ALIPAY_PUBLIC_KEY, pageMethod });
  await channel.init(await testContext((await fakeGateway(() => ({ reply: {} }))).http, { clock: () => now }));
  return channel;
}

const toYuanString = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

describe('signing matches alipay-sdk', () => {
  it('alipay_app: identical order strings for random orders and times', async () => {
    await fc.assert(
      fc.asyncProperty(orderNo, subject, amount, clock, async (no, text, fen, now) => {
        const ours = await (await channelAt(now)).createCharge!({ chargeId: 'c', channel: 'alipay_app', orderNo: no, amount: fen, currency: 'CNY', subject: text });
        const theirs = sdk.sdkExecute('alipay.trade.app.pay', {
          notifyUrl: NOTIFY_URL,
          timestamp: formatBeijingTime(now),
          bizContent: { out_trade_no: no, total_amount: toYuanString(fen), subject: text, product_code: 'QUICK_MSECURITY_PAY' },
        });
        expect((ours.credential as { orderString: string }).orderString).toBe(theirs);
      }),
      { numRuns: 40 },
    );
  });

  it('alipay_page / alipay_wap: identical signatures over the same parameters (alipay-sdk adds alipay_sdk)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('alipay.trade.page.pay', 'alipay.trade.wap.pay'), orderNo, subject, amount, clock, async (method, no, text, fen, now) => {
        const biz = { out_trade_no: no, total_amount: toYuanString(fen), subject: text, product_code: method.includes('page') ? 'FAST_INSTANT_TRADE_PAY' : 'QUICK_WAP_WAY' };
        const url = new URL(sdk.pageExecute(method, 'GET', { notifyUrl: NOTIFY_URL, returnUrl: 'https://example.com/return', timestamp: formatBeijingTime(now), bizContent: biz }));
        const theirs = Object.fromEntries(url.searchParams);
        const ours = await signParams(
          crypto,
          appKey,
          buildRequestParams({
            method,
            appId: APP_ID,
            signType: 'RSA2',
            timestamp: formatBeijingTime(now),
            notifyUrl: NOTIFY_URL,
            returnUrl: 'https://example.com/return',
            extra: { alipay_sdk: theirs.alipay_sdk },
            bizContent: biz,
          }),
        );
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 30 },
    );
  });
});

describe('notifications signed the way alipay-sdk verifies them', () => {
  const gatewayKey = createPrivateKey(FAKE_ALIPAY_PRIVATE_KEY);
  const signV1 = (fields: Record<string, string>) => {
    const content = Object.keys(fields).filter((k) => k !== 'sign' && k !== 'sign_type').sort().map((k) => `${k}=${fields[k]}`).join('&');
    return createSign('RSA-SHA256').update(content, 'utf8').sign(gatewayKey, 'base64');
  };
  const value = fc.string({ maxLength: 40, unit: 'grapheme' });

  it('are accepted by both, including values with %, +, & and = (decoded once)', async () => {
    const channel = await channelAt(Date.now());
    await fc.assert(
      fc.asyncProperty(value, value, fc.constantFrom('TRADE_SUCCESS', 'TRADE_FINISHED'), async (subjectText, bodyText, status) => {
        const fields: Record<string, string> = {
          app_id: APP_ID,
          notify_type: 'trade_status_sync',
          notify_time: '2024-01-02 03:05:00',
          notify_id: 'n1',
          charset: 'utf-8',
          version: '1.0',
          trade_no: '2024T1',
          out_trade_no: 'ORDER_1',
          trade_status: status,
          total_amount: '19.99',
          subject: subjectText,
          body: `${bodyText}%41+&=`,
        };
        const posted = { ...fields, sign_type: 'RSA2', sign: signV1(fields) };
        expect(sdk.checkNotifySignV2(posted)).toBe(true);
        const { event } = await channel.verifyNotification!({ body: new URLSearchParams(posted).toString() });
        expect(event).toMatchObject({ type: 'charge.succeeded', amount: 1999, orderNo: 'ORDER_1' });
        expect((event.raw as Record<string, string>).body).toBe(fields.body);
      }),
      { numRuns: 40 },
    );
  });
});

describe('certificate SNs match alipay-sdk', () => {
  it.each([
    ['published K4 files', APP_CERT, ALIPAY_PUBLIC_CERT, ALIPAY_ROOT_CERT],
    ['generated TEST files', TEST_APP_CERT, TEST_ALIPAY_CERT, TEST_ROOT_BUNDLE],
  ])('%s', async (_name, app, alipayCert, root) => {
    const theirs = new AlipaySdk({ appId: APP_ID, privateKey: APP_PRIVATE_KEY_PKCS1, appCertContent: app, alipayPublicCertContent: alipayCert, alipayRootCertContent: root }).config;
    expect(await certificateSn(crypto, parseCertificates(app, 'app')[0]!)).toBe(theirs.appCertSn);
    expect(await certificateSn(crypto, parseCertificates(alipayCert, 'alipay')[0]!)).toBe(theirs.alipayCertSn);
    expect(await rootCertificateSn(crypto, parseCertificates(root, 'root'))).toBe(theirs.alipayRootCertSn);
  });
});
