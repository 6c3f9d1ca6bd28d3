/**
 * Alipay (RSA2, public-key mode): the trade notification (raw form body in, PaymentEvent out) against one RSA-2048
 * verify of the prebuilt string to sign, and the `alipay_app` credential (params, sign, encode) against one RSA-2048
 * sign of the prebuilt string. Peer: alipay-sdk 4 in the same rounds (its notification check takes the parsed form, so
 * its line includes the URLSearchParams parse of the same raw body).
 */
import { createPrivateKey, createPublicKey, createSign, sign, verify } from 'node:crypto';
import type { PayChannel } from '@payweave/server';
import { atLeast, measureThroughput, reason, type Entry } from '../throughput';
import { unavailable, type Suite } from '../types';

const APP_ID = '2021000122671080';
const NOTIFY_URL = 'https://shop.example/pay/notify/alipay';
const SUBJECT = '测试商品 T-shirt';
const BIZ = { out_trade_no: 'BENCH000001', total_amount: '19.99', subject: SUBJECT, product_code: 'QUICK_MSECURITY_PAY' };

/** The string Alipay signs: sorted `k=v` without the `drop` keys. */
function contentOf(fields: Record<string, string>, drop: readonly string[]): string {
  return Object.keys(fields).filter((key) => !drop.includes(key)).sort().map((key) => `${key}=${fields[key]}`).join('&');
}

/** A TRADE_SUCCESS notification, signed the way Alipay signs it (vector A6 rule: without sign and sign_type). */
function notificationBody(privatePem: string): { body: string; content: string; signature: string } {
  const fields: Record<string, string> = {
    app_id: APP_ID,
    auth_app_id: APP_ID,
    buyer_id: '2088102177846880',
    buyer_pay_amount: '19.99',
    charset: 'utf-8',
    fund_bill_list: '[{"amount":"19.99","fundChannel":"ALIPAYACCOUNT"}]',
    gmt_create: '2024-01-02 03:04:50',
    gmt_payment: '2024-01-02 03:05:00',
    notify_id: '2024010200222030500012345678',
    notify_time: '2024-01-02 03:05:00',
    notify_type: 'trade_status_sync',
    out_trade_no: 'BENCH000001',
    receipt_amount: '19.99',
    seller_id: '2088102177296610',
    subject: SUBJECT,
    total_amount: '19.99',
    trade_no: '2024010222001411111111111111',
    trade_status: 'TRADE_SUCCESS',
    version: '1.0',
  };
  const content = contentOf(fields, ['sign', 'sign_type']);
  const signature = createSign('RSA-SHA256').update(content, 'utf8').sign(privatePem, 'base64');
  const encoded = new URLSearchParams({ ...fields, sign_type: 'RSA2', sign: signature }).toString();
  // As a server receives it (`request.text()`, `buffer.toString()`): decoded from bytes. URLSearchParams' own result
  // is ASCII held in V8's two-byte form (it was built from Chinese text), which every string operation pays for.
  return { body: new TextDecoder().decode(new TextEncoder().encode(encoded)), content, signature };
}

interface Loaded {
  appKeyPem: string;
  alipayPublicPem: string;
  alipayPrivatePem: string;
  channel: PayChannel | string;
  sdk: { checkNotifySignV2(data: unknown): boolean; sdkExecute(method: string, params: Record<string, unknown>): string } | string;
}

let loading: Promise<Loaded> | undefined;

/** Keys from the channel's TEST fixtures, the channel (or why it is missing), the peer (or why it is missing). */
function load(): Promise<Loaded> {
  loading ??= (async () => {
    const keys = await import('../../packages/server/src/channels/alipay/__fixtures__/keys');
    const gateway = await import('../../packages/server/src/channels/alipay/__fixtures__/fake-gateway-key');
    const loaded: Loaded = { appKeyPem: keys.APP_PRIVATE_KEY_PKCS1, alipayPublicPem: gateway.FAKE_ALIPAY_PUBLIC_KEY, alipayPrivatePem: gateway.FAKE_ALIPAY_PRIVATE_KEY, channel: '', sdk: '' };
    try {
      const { alipay } = await import('@payweave/server/alipay');
      const channel = alipay({ appId: APP_ID, privateKey: loaded.appKeyPem, alipayPublicKey: loaded.alipayPublicPem, notifyUrl: NOTIFY_URL });
      await channel.init(await (await import('../context')).benchContext());
      loaded.channel = channel;
    } catch (error) {
      loaded.channel = `n/a (channel not available: ${reason(error)})`;
    }
    try {
      const { AlipaySdk } = await import('alipay-sdk');
      loaded.sdk = new AlipaySdk({ appId: APP_ID, privateKey: loaded.appKeyPem, alipayPublicKey: loaded.alipayPublicPem });
    } catch (error) {
      loaded.sdk = `n/a (alipay-sdk: ${reason(error)})`;
    }
    return loaded;
  })();
  return loading;
}

/** The contender, or its n/a row. */
function entry<T>(target: T | string, make: (target: T) => Entry, name: string, role: 'case' | 'peer', budget?: ReturnType<typeof atLeast>): Entry {
  return typeof target === 'string' ? unavailable([name], target, role, budget)[0]! : make(target);
}

export const alipayNotifySuite: Suite = {
  id: 'alipay-notify',
  title: 'Alipay notification verify (raw form body)',
  metric: 'throughput vs baseline, higher is better',
  baseline: "crypto.verify('sha256', prebuilt string, publicKey, sig)",
  checkedInCi: false,
  async run(settings) {
    const loaded = await load().catch((error: unknown) => `n/a (channel not available: ${reason(error)})`);
    if (typeof loaded === 'string') return { rows: unavailable(['channel.verifyNotification({ body })'], loaded, 'case', atLeast(0.85)) };
    const { channel, sdk, alipayPrivatePem, alipayPublicPem } = loaded;
    const notification = notificationBody(alipayPrivatePem);
    const publicKey = createPublicKey(alipayPublicPem);
    const content = Buffer.from(notification.content, 'utf8');
    const signature = Buffer.from(notification.signature, 'base64');
    const budget = atLeast(0.85);
    const name = 'channel.verifyNotification({ body })';
    return measureThroughput({ op: () => verify('sha256', content, publicKey, signature), expect: (ok) => ok === true }, [
      entry(channel, (c) => ({ name, role: 'case', budget, op: () => c.verifyNotification!({ body: notification.body }), expect: (r) => (r as { event?: { amount?: number } }).event?.amount === 1999 }), name, 'case', budget),
      entry(sdk, (s) => ({ name: 'alipay-sdk checkNotifySignV2 (parse + verify)', role: 'peer', op: () => s.checkNotifySignV2(Object.fromEntries(new URLSearchParams(notification.body))), expect: (ok) => ok === true }), 'alipay-sdk checkNotifySignV2', 'peer'),
    ], settings);
  },
};

export const alipayAppSuite: Suite = {
  id: 'alipay-app',
  title: 'Alipay alipay_app credential (sign + encode)',
  metric: 'throughput vs baseline, higher is better',
  baseline: "crypto.sign('sha256', prebuilt string, privateKey)",
  checkedInCi: false,
  async run(settings) {
    const loaded = await load().catch((error: unknown) => `n/a (channel not available: ${reason(error)})`);
    if (typeof loaded === 'string') return { rows: unavailable(['channel.createCharge (alipay_app orderString)'], loaded, 'case', atLeast(0.95)) };
    const { channel, sdk, appKeyPem } = loaded;
    const privateKey = createPrivateKey(appKeyPem);
    // The baseline signs exactly the string alipay-sdk signs for the same order (fallback: the same fields by hand).
    const reference = typeof sdk === 'string' ? undefined : sdk.sdkExecute('alipay.trade.app.pay', { notifyUrl: NOTIFY_URL, bizContent: BIZ });
    const fields = reference
      ? Object.fromEntries(new URLSearchParams(reference))
      : { app_id: APP_ID, biz_content: JSON.stringify(BIZ), charset: 'utf-8', format: 'JSON', method: 'alipay.trade.app.pay', notify_url: NOTIFY_URL, sign_type: 'RSA2', timestamp: '2024-01-02 03:04:05', version: '1.0' };
    const content = Buffer.from(contentOf(fields, ['sign']), 'utf8');
    const request = { chargeId: 'ch_bench', channel: 'alipay_app' as const, orderNo: BIZ.out_trade_no, amount: 1999, currency: 'CNY' as const, subject: SUBJECT };
    const budget = atLeast(0.95);
    const name = 'channel.createCharge (alipay_app orderString)';
    const hasSign = (text: unknown) => /&sign=[^&]{300,}$/.test(String(text));
    return measureThroughput({ op: () => sign('sha256', content, privateKey), expect: (s) => (s as Buffer).length === 256 }, [
      entry(channel, (c) => ({ name, role: 'case', budget, op: () => c.createCharge!(request), expect: (r) => hasSign((r as { credential: { orderString?: string } }).credential.orderString) }), name, 'case', budget),
      entry(sdk, (s) => ({ name: 'alipay-sdk sdkExecute', role: 'peer', op: () => s.sdkExecute('alipay.trade.app.pay', { notifyUrl: NOTIFY_URL, bizContent: BIZ }), expect: hasSign }), 'alipay-sdk sdkExecute', 'peer'),
    ], settings);
  },
};
