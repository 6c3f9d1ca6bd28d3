import fc from 'fast-check';
import { PayError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import { concatBytes, utf8 } from '../../internal/encoding';
import { testCrypto } from '../../testing/crypto';
import type { PayChannel } from '../types';
import { FAKE_ALIPAY_PUBLIC_KEY } from './__fixtures__/fake-gateway-key';
import { fakeGateway, signAsAlipay, signedNotificationBody, testContext } from './__fixtures__/harness';
import { ALIPAY_PUBLIC_KEY_A6, ALIPAY_PUBLIC_KEY_A7, APP_PRIVATE_KEY_PKCS1 } from './__fixtures__/keys';
import * as V from './__fixtures__/vectors';
import { alipay, type AlipayConfig } from './index';

const crypto = await testCrypto();

async function channelFor(config: Partial<AlipayConfig>): Promise<PayChannel> {
  const channel = alipay({ appId: '2019073166072302', privateKey: APP_PRIVATE_KEY_PKCS1, alipayPublicKey: ALIPAY_PUBLIC_KEY_A6, ...config } as AlipayConfig);
  await channel.init(await testContext((await fakeGateway(() => ({ reply: {} }))).http));
  return channel;
}

const a6 = await channelFor({});
const errorOf = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('expected a rejection'), (error: unknown) => error as PayError);

describe('verifyNotification (vector A6: a real trade_status_sync)', () => {
  it('verifies the real notification (string or bytes) and normalises it', async () => {
    for (const body of [V.A6_FORM_BODY, utf8(V.A6_FORM_BODY)]) {
      const { event } = await a6.verifyNotification!({ body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(event).toMatchObject({
        id: 'alipay:2019081522001468450512505578:charge.succeeded',
        type: 'charge.succeeded',
        provider: 'alipay',
        orderNo: '20190815155618536-564-57',
        channelTradeNo: '2019081522001468450512505578',
        amount: 10,
        currency: 'CNY',
        occurredAt: '2019-08-15T15:56:24+08:00',
      });
      expect((event.raw as Record<string, string>).subject).toBe('语雀空间 500人规模');
    }
  });

  it('rejects it after a one-byte change of a value or of the signature', async () => {
    const changed = [V.A6_FORM_BODY.replace('total_amount=0.10', 'total_amount=0.11'), V.A6_FORM_BODY.replace('sign=QfTb8', 'sign=QfTb9')];
    for (const body of changed) expect(await errorOf(a6.verifyNotification!({ body }))).toMatchObject({ type: 'PaySignatureError', code: 'SIGNATURE_INVALID' });
  });

  it('rejects a missing sign, a sign_type downgrade, and a parsed object instead of the raw body', async () => {
    expect(await errorOf(a6.verifyNotification!({ body: V.A6_FORM_BODY.replace(/&sign=[^&]+/, '') }))).toMatchObject({ type: 'PaySignatureError' });
    expect(await errorOf(a6.verifyNotification!({ body: V.A6_FORM_BODY.replace('sign_type=RSA2', 'sign_type=RSA') }))).toMatchObject({ type: 'PaySignatureError' });
    expect(await errorOf(a6.verifyNotification!({ body: { app_id: '1' } as never }))).toMatchObject({ code: 'RAW_BODY_REQUIRED' });
  });

  it('checks app_id and, when configured, seller_id', async () => {
    await expect((await channelFor({ sellerId: '2088531891668739' })).verifyNotification!({ body: V.A6_FORM_BODY })).resolves.toBeDefined();
    expect(await errorOf((await channelFor({ sellerId: '2088000000000000' })).verifyNotification!({ body: V.A6_FORM_BODY }))).toMatchObject({ code: 'MERCHANT_MISMATCH' });
    expect(await errorOf((await channelFor({ appId: '2021000122671080' })).verifyNotification!({ body: V.A6_FORM_BODY }))).toMatchObject({ code: 'MERCHANT_MISMATCH' });
  });
});

describe('the signing rule is decided by the message type (vector A7)', () => {
  const a7Body = new URLSearchParams([...V.A7_SIGN_CONTENT.split('&').map((pair) => pair.split('=') as [string, string]), ['sign', V.A7_SIGN]]).toString();

  it('a real servicemarket_order_notify verifies with sign_type kept, then is acknowledged and ignored', async () => {
    const a7 = await channelFor({ appId: '2017122801303261', alipayPublicKey: ALIPAY_PUBLIC_KEY_A7 });
    const error = await errorOf(a7.verifyNotification!({ body: a7Body }));
    expect(error).toMatchObject({ code: 'NOTIFICATION_IGNORED' });
    expect(a7.acknowledge!({ ok: false, error })).toMatchObject({ status: 200, body: 'success' });
    expect(await errorOf(a7.verifyNotification!({ body: a7Body.replace('service_code=58621634', 'service_code=58621634111') }))).toMatchObject({ code: 'SIGNATURE_INVALID' });
  });

  it('a trade notification is never accepted under the other rule', async () => {
    // A6 re-labelled as another type: the with-sign_type rule applies, and A6 was not signed that way.
    const relabelled = V.A6_FORM_BODY.replace('notify_type=trade_status_sync', 'notify_type=servicemarket_order_notify');
    expect(await errorOf(a6.verifyNotification!({ body: relabelled }))).toMatchObject({ code: 'SIGNATURE_INVALID' });
  });
});

const fakeChannel = await channelFor({ appId: '2021000122671080', alipayPublicKey: FAKE_ALIPAY_PUBLIC_KEY });

describe('synthetic notifications signed with the TEST gateway key', () => {
  const trade = {
    notify_time: '2024-01-02 03:05:00',
    notify_type: 'trade_status_sync',
    notify_id: 'n1',
    app_id: '2021000122671080',
    charset: 'utf-8',
    version: '1.0',
    trade_no: '2024T1',
    out_trade_no: 'ORDER_1',
    total_amount: '19.99',
    seller_id: '2088531891668739',
  };

  it('maps TRADE_FINISHED to the same event as TRADE_SUCCESS, TRADE_CLOSED to charge.closed', async () => {
    const finished = await fakeChannel.verifyNotification!({ body: await signedNotificationBody(crypto, { ...trade, trade_status: 'TRADE_FINISHED' }) });
    expect(finished.event).toMatchObject({ id: 'alipay:2024T1:charge.succeeded', type: 'charge.succeeded', amount: 1999, occurredAt: '2024-01-02T03:05:00+08:00' });
    const closed = await fakeChannel.verifyNotification!({ body: await signedNotificationBody(crypto, { ...trade, trade_status: 'TRADE_CLOSED', gmt_close: '2024-01-02 04:00:00' }) });
    expect(closed.event).toMatchObject({ type: 'charge.closed', occurredAt: '2024-01-02T04:00:00+08:00' });
  });

  it('recognises refund notifications', async () => {
    const body = await signedNotificationBody(crypto, { ...trade, trade_status: 'TRADE_SUCCESS', out_biz_no: 'R1', refund_fee: '5.00', gmt_refund: '2024-01-03 10:00:00.123' });
    const { event } = await fakeChannel.verifyNotification!({ body });
    expect(event).toMatchObject({ id: 'alipay:2024T1:refund:R1', type: 'refund.succeeded', refundNo: 'R1', orderNo: 'ORDER_1', occurredAt: '2024-01-03T10:00:00.123+08:00' });
  });

  it('WAIT_BUYER_PAY is verified, changes nothing, and is acknowledged so that Alipay stops resending it', async () => {
    const error = await errorOf(fakeChannel.verifyNotification!({ body: await signedNotificationBody(crypto, { ...trade, trade_status: 'WAIT_BUYER_PAY' }) }));
    expect(error).toMatchObject({ code: 'NOTIFICATION_IGNORED' });
    expect(fakeChannel.acknowledge!({ ok: false, error })).toEqual({ status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'success' });
  });

  it('decodes a GBK body once and verifies it over its GBK bytes', async () => {
    const gbkSubject = [0xb2, 0xe2, 0xca, 0xd4]; // 测试
    const fields = { ...trade, charset: 'GBK', trade_status: 'TRADE_SUCCESS' };
    const sorted = Object.keys({ ...fields, subject: '' }).sort();
    const content = concatBytes(
      ...sorted.map((key, i) => concatBytes(utf8(`${i ? '&' : ''}${key}=`), key === 'subject' ? Uint8Array.from(gbkSubject) : utf8((fields as Record<string, string>)[key]!))),
    );
    const sign = encodeURIComponent(await signAsAlipay(crypto, content));
    const escapedSubject = gbkSubject.map((b) => `%${b.toString(16)}`).join('');
    const body = `${new URLSearchParams(fields).toString()}&subject=${escapedSubject}&sign_type=RSA2&sign=${sign}`;
    const { event } = await fakeChannel.verifyNotification!({ body: utf8(body) });
    expect((event.raw as Record<string, string>).subject).toBe('测试');
    const raw = concatBytes(utf8(`${new URLSearchParams(fields).toString()}&subject=`), Uint8Array.from(gbkSubject), utf8(`&sign_type=RSA2&sign=${sign}`));
    await expect(fakeChannel.verifyNotification!({ body: raw })).resolves.toBeDefined();
    const tampered = body.replace(escapedSubject, '%b2%e2%ca%d5');
    expect(await errorOf(fakeChannel.verifyNotification!({ body: tampered }))).toMatchObject({ code: 'SIGNATURE_INVALID' });
  });

  it('acknowledges success with exactly "success", and failures with anything else', () => {
    expect(fakeChannel.acknowledge!({ ok: true }).body).toBe('success');
    const failed = fakeChannel.acknowledge!({ ok: false, error: new PayError('x', { code: 'SIGNATURE_INVALID' }) });
    expect(failed.body).not.toBe('success');
    expect(failed.status).toBe(400);
  });

  it('verifies a browser return (GET query) without sign_type and hints success', async () => {
    const params = { app_id: '2021000122671080', method: 'alipay.trade.page.pay.return', out_trade_no: 'ORDER_1', trade_no: '2024T1', total_amount: '19.99', charset: 'utf-8', seller_id: '2088531891668739', timestamp: '2024-01-02 03:05:01', version: '1.0', auth_app_id: '2021000122671080' };
    const query = await signedNotificationBody(crypto, params);
    await expect(fakeChannel.verifyReturn!({ method: 'GET', url: `/pay/return?${query}` })).resolves.toEqual({ orderNo: 'ORDER_1', hint: 'succeeded' });
    expect(await errorOf(fakeChannel.verifyReturn!({ method: 'GET', url: `/pay/return?${query.replace('19.99', '0.01')}` }))).toMatchObject({ code: 'SIGNATURE_INVALID' });
  });
});

describe('malformed and hostile input', () => {
  it('random bytes, missing fields, wrong types and 1 MB bodies give typed errors, never a crash', async () => {
    const bodies = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.string({ maxLength: 400 }),
      fc.dictionary(fc.constantFrom('app_id', 'sign', 'notify_type', 'trade_status', 'total_amount', 'charset', 'x'), fc.string()).map((d) => new URLSearchParams(d).toString()),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const error = await errorOf(a6.verifyNotification!({ body }));
        expect(PayError.isInstance(error)).toBe(true);
      }),
      { numRuns: 150 },
    );
    for (const body of [undefined, 42, null, '', `a=${'x'.repeat(1024 * 1024)}`, new Uint8Array(1024 * 1024)]) {
      expect(PayError.isInstance(await errorOf(a6.verifyNotification!({ body } as never)))).toBe(true);
    }
    // Found by this property: a charset naming an Object.prototype member reached `new TextDecoder(object)`.
    for (const charset of ['__proto__', 'constructor', 'toString']) {
      for (const body of [`charset=${charset}`, utf8(`charset=${charset}&notify_type=trade_status_sync`)]) {
        expect(await errorOf(a6.verifyNotification!({ body }))).toMatchObject({ type: 'PayValidationError', message: expect.stringContaining('unsupported charset') as string });
      }
    }
  });

  it('no key material appears in any error message', async () => {
    const messages: string[] = [];
    for (const body of [V.A6_FORM_BODY.replace('0.10', '0.11'), 'sign=abc', V.A6_FORM_BODY.replace('sign_type=RSA2', 'sign_type=RSA')]) {
      messages.push((await errorOf(a6.verifyNotification!({ body }))).message);
    }
    for (const message of messages) {
      expect(message).not.toContain(ALIPAY_PUBLIC_KEY_A6.slice(50, 90));
      expect(message).not.toContain(V.A6_SIGN.slice(0, 20));
    }
  });
});
