/** Charges as the merchant server would return them, one per credential kind the client tests launch. */
import type { Charge, ChargeCredential } from '@payweave/core';

/** A pending charge carrying `credential` (its `channel` is taken from the credential). */
export function chargeWith(credential: ChargeCredential, overrides: Partial<Charge> = {}): Charge {
  return {
    id: 'ch_test_0001',
    orderNo: 'ORDER20260101001',
    channel: credential.channel,
    amount: 1999,
    currency: 'CNY',
    subject: 'Test order',
    status: 'pending',
    amountRefunded: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    livemode: false,
    credential,
    ...overrides,
  };
}

/** A UnionPay WAP credential: a form POST to the gateway's frontTransReq endpoint. */
export const unionpayWapCredential = {
  channel: 'unionpay_wap',
  method: 'POST',
  url: 'https://gateway.test.95516.com/gateway/api/frontTransReq.do',
  fields: {
    version: '5.1.0',
    encoding: 'UTF-8',
    txnType: '01',
    orderId: 'ORDER20260101001',
    txnAmt: '1999',
    frontUrl: 'https://shop.example/return?a=1&b="2"',
    signature: 'c2lnbmF0dXJl+/=',
  },
} satisfies ChargeCredential;

/** An Alipay page-pay credential as a GET redirect (the gateway URL already carries a query). */
export const alipayPageGetCredential = {
  channel: 'alipay_page',
  method: 'GET',
  url: 'https://openapi-sandbox.dl.alipaydev.com/gateway.do?charset=utf-8',
  fields: { biz_content: '{"out_trade_no":"ORDER20260101001"}', sign: 'a+b/c=' },
} satisfies ChargeCredential;
