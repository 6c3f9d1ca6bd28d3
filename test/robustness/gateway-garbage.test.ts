/**
 * A gateway (or a merchant's HttpClient) that answers garbage: the server's operations on every channel still settle
 * with a value or a contract PayError (a forged or malformed answer is a PaySignatureError / PayGatewayError /
 * PayConnectionError, never a TypeError), and nothing echoes a key.
 */
import { CHANNEL_IDS, type ChannelId } from '@payweave/core';
import { createPayServer, memoryStore, type HttpResponse, type PayServer } from '@payweave/server';
import { alipay } from '@payweave/server/alipay';
import { apple } from '@payweave/server/apple';
import { sampleCharge } from '@payweave/server/testing';
import { unionpay } from '@payweave/server/unionpay';
import { wechat } from '@payweave/server/wechat';
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { RUNS, anyString, garbage } from './support/arbitraries';
import { describeInput, expectAsyncContract } from './support/contract';
import { FAKE_API_KEY, generatedRsa, newSandbox, quietLogger, sandboxConfigs, secretsOf } from './support/fixtures';
import { validChargeInput } from './support/inputs';

const configs = sandboxConfigs(newSandbox());
const secrets = secretsOf(configs);
const store = memoryStore();

/** What the stub HttpClient answers next (in order); `'reject'` makes it fail like a network error. */
let answers: (HttpResponse | 'reject')[] = [];
const http = {
  async request(): Promise<HttpResponse> {
    const next = answers.shift() ?? { status: 200, headers: {}, bytes: new Uint8Array(0), text: '' };
    if (next === 'reject') throw new TypeError('fetch failed');
    return next;
  },
};

let pay: PayServer;
beforeAll(async () => {
  pay = createPayServer({
    channels: [
      alipay({ ...configs.alipay, privateKey: generatedRsa.privateKey }),
      wechat({ ...configs.wechat, privateKey: generatedRsa.privateKey, apiV3Key: FAKE_API_KEY, apiKey: FAKE_API_KEY }),
      unionpay(configs.unionpay),
      apple({ ...configs.apple, environment: 'Production' }),
    ],
    store,
    http,
    logger: quietLogger(),
    notifyUrl: 'https://merchant.example/notify',
  });
  await pay.ready();
});

const json = (value: unknown) => {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)) ?? 'null';
  } catch {
    return '{}';
  }
};

const field = fc.oneof(anyString, fc.constantFrom('10000', '40004', 'SUCCESS', 'FAIL', 'TRADE_SUCCESS', 'WAIT_BUYER_PAY', 'USERPAYING', 'REFUND', '00', '03', '34', '19.99', '1999', '0.00', '-1', '1e3', 'NaN'), garbage);

/** Bodies in each gateway's shape with hostile values, and bodies in no shape at all. */
const body = fc.oneof(
  fc
    .tuple(fc.constantFrom('alipay_trade_query_response', 'alipay_trade_precreate_response', 'alipay_trade_close_response', 'alipay_trade_refund_response', 'alipay_trade_pay_response', 'alipay_trade_cancel_response', 'alipay_trade_fastpay_refund_query_response', 'error_response'), fc.dictionary(fc.constantFrom('code', 'msg', 'sub_code', 'sub_msg', 'trade_status', 'out_trade_no', 'trade_no', 'total_amount', 'refund_fee', 'refund_status', 'qr_code', 'fund_change', 'gmt_payment', 'send_pay_date', '__proto__'), field), fc.oneof(fc.base64String(), anyString))
    .map(([key, payload, sign]) => json({ [key]: payload, sign, alipay_cert_sn: 'x' })),
  fc.dictionary(fc.constantFrom('respCode', 'respMsg', 'origRespCode', 'signature', 'signPubKeyCert', 'signMethod', 'version', 'encoding', 'tn', 'queryId', 'txnAmt', 'orderId', 'merId', 'certId', 'settleAmt', '__proto__'), anyString).map((fields) =>
    Object.entries(fields).map(([k, v]) => `${k}=${v.slice(0, 512)}`).join('&'),
  ),
  fc.dictionary(fc.constantFrom('prepay_id', 'code_url', 'h5_url', 'trade_state', 'out_trade_no', 'transaction_id', 'amount', 'status', 'code', 'message', 'refund_id', 'success_time', '__proto__'), garbage).map(json),
  fc.dictionary(fc.constantFrom('return_code', 'return_msg', 'result_code', 'err_code', 'prepay_id', 'code_url', 'trade_state', 'sign', 'appid', 'mch_id', 'total_fee', 'transaction_id', 'nonce_str'), anyString).map(
    (fields) => `<xml>${Object.entries(fields).map(([k, v]) => `<${k}>${v.slice(0, 512)}</${k}>`).join('')}</xml>`,
  ),
  fc.record({ status: field, environment: field, receipt: garbage, latest_receipt_info: garbage, pending_renewal_info: garbage, signedTransactionInfo: field, signedTransactions: garbage, hasMore: garbage, revision: garbage }, { requiredKeys: [] }).map(json),
  anyString,
  garbage.map(json),
);

const headers = fc.oneof(
  fc.constant({}),
  fc.record({ 'wechatpay-signature': fc.oneof(fc.base64String(), anyString), 'wechatpay-timestamp': fc.oneof(fc.constant(String(Math.floor(Date.now() / 1000))), anyString), 'wechatpay-nonce': anyString, 'wechatpay-serial': fc.oneof(fc.constantFrom('3B7E9F1A2C4D6E80', 'PUB_KEY_ID_0119000001092026112600000001'), anyString), 'request-id': anyString, 'content-type': fc.constantFrom('application/json', 'text/xml', 'text/html') }, { requiredKeys: [] }),
);

const answer: fc.Arbitrary<HttpResponse | 'reject'> = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(200, 200, 200, 204, 302, 400, 401, 404, 429, 500, 503), fc.integer({ min: 100, max: 599 })), headers, body).map(([status, h, text]) => ({ status, headers: h as Record<string, string>, text, bytes: new TextEncoder().encode(text) })) },
  { weight: 1, arbitrary: fc.constant('reject' as const) },
);

let sequence = 0;
const seeded = async (channel: ChannelId, status: 'pending' | 'succeeded') => {
  const orderNo = `GG${++sequence}T${Date.now()}`;
  const provider = channel.split('_')[0] as 'alipay';
  await store.insertCharge(sampleCharge({ orderNo, channel, provider, status, ...(status === 'succeeded' ? { channelTradeNo: `T${orderNo}`, paidAt: new Date().toISOString() } : {}) }));
  return orderNo;
};

type Operation = (channel: ChannelId) => Promise<unknown>;
const operations: Record<string, Operation> = {
  create: (channel) => pay.charges.create(validChargeInput(channel, `GC${++sequence}X${Date.now()}`)),
  refresh: async (channel) => pay.charges.retrieve(await seeded(channel, 'pending'), { refresh: true }),
  close: async (channel) => pay.charges.close(await seeded(channel, 'pending')),
  refund: async (channel) => pay.refunds.create({ orderNo: await seeded(channel, 'succeeded'), refundNo: `R${++sequence}`, amount: 100 }),
  refundRefresh: async (channel) => {
    const orderNo = await seeded(channel, 'succeeded');
    const refundNo = `RR${++sequence}`;
    await store.insertRefund({ id: `re_${refundNo}`, refundNo, orderNo, amount: 100, currency: 'CNY', status: 'pending', createdAt: new Date().toISOString() });
    return pay.refunds.retrieve(refundNo, { refresh: true });
  },
  reconcile: () => pay.reconcilePending({ olderThan: 0, limit: 3 }),
  appleReceipt: () => pay.apple.verifyReceipt('MIIT0gYJKoZIhvcNAQcCoIITwzCCE78CAQExCzAJBgUrDgMCGgUAMIIDcwYJKoZIhvcNAQcBoIIDZASCA2AxggNcMAoCAQgCAQEEAhYAMAoCARQCAQEEAgwAMAsCAQECAQEEAwIBADALAgEDAgEBBAMMATEwCwIBCwIBAQQDAgEAMAsCAQ8CAQEEAwIBADALAgEQAgEBBAMCAQAwCwIBGQIBAQQDAgEDMAwCAQoCAQEEBBYCNCswDAIBDgIBAQQEAgIAijANAgENAgEBBAUCAwH8/TANAgETAgEBBAUMAzEuMDAOAgEJAgEBBAYCBFAyNTMwGAIBBAIBAgQQ'),
  appleLookup: () => pay.apple.getTransactionInfo('2000000123456789'),
  appleHistory: () => pay.apple.getTransactionHistory('2000000123456789', { revision: 'abc' }),
};

describe('a gateway answering garbage', () => {
  it('every operation on every channel settles with a value or a contract PayError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(operations)), fc.constantFrom(...CHANNEL_IDS), fc.array(answer, { minLength: 1, maxLength: 4 }), async (name, channel, queued) => {
        answers = [...queued];
        const run = operations[name] as Operation;
        await expectAsyncContract(() => run(channel), `${name}(${channel}) answered ${describeInput(queued.map((a) => (a === 'reject' ? a : `${a.status} ${a.text.slice(0, 120)}`)))}`, secrets, 5000);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
