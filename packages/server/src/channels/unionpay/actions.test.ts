import { PayError, PayGatewayError, PayValidationError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import type { StoredCharge } from '../types';
import { harness } from './__fixtures__/harness';

const charge = (extra: Partial<StoredCharge> = {}): StoredCharge =>
  ({
    id: 'ch_1', orderNo: '20240102030405001', channel: 'unionpay_wap', amount: 1000, currency: 'CNY', subject: 'T', status: 'pending',
    amountRefunded: 0, createdAt: '2024-01-01T19:04:05.000Z', livemode: false, provider: 'unionpay',
    credential: { channel: 'unionpay_wap', method: 'POST', url: 'x', fields: {} }, channelData: { txnTime: '20240102030405', channelType: '08' },
    ...extra,
  }) as StoredCharge;

describe('queryCharge (queryTrans.do)', () => {
  it('asks by orderId + the txnTime kept in channelData', async () => {
    const { channel, requests } = await harness(() => ({ respCode: '00', origRespCode: '00', queryId: '852401020304050000001', txnAmt: '1000' }));
    const result = await channel.queryCharge!(charge());
    expect(result).toMatchObject({ status: 'succeeded', channelTradeNo: '852401020304050000001', amount: 1000 });
    expect(requests[0]?.url).toBe('https://gateway.test.95516.com/gateway/api/queryTrans.do');
    expect(requests[0]?.fields).toMatchObject({ txnType: '00', txnSubType: '00', bizType: '000000', orderId: '20240102030405001', txnTime: '20240102030405' });
  });

  it.each([
    [{ respCode: '34', respMsg: 'not found' }, 'pending'],
    [{ respCode: '00', origRespCode: '05' }, 'pending'],
    [{ respCode: '00', origRespCode: '03' }, 'pending'],
    [{ respCode: '04' }, 'pending'],
    [{ respCode: '00', origRespCode: '51', origRespMsg: 'insufficient funds' }, 'failed'],
  ])('maps %j to %s', async (answer, status) => {
    const { channel } = await harness(() => answer);
    expect((await channel.queryCharge!(charge())).status).toBe(status);
  });

  it('refuses a signed answer about another order (never taken as this charge paid)', async () => {
    const { channel } = await harness(() => ({ respCode: '00', origRespCode: '00', orderId: '20240102030405999', txnTime: '20240102030405', queryId: 'Q1', txnAmt: '1000' }));
    await expect(channel.queryCharge!(charge())).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE', type: 'PayGatewayError' });
    const late = await harness(() => ({ respCode: '00', origRespCode: '00', orderId: '20240102030405001', txnTime: '20240101000000', queryId: 'Q1', txnAmt: '1000' }));
    await expect(late.channel.queryCharge!(charge())).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE' });
  });

  it('throws for a failed query and for a charge without txnTime', async () => {
    const { channel } = await harness(() => ({ respCode: '31', respMsg: 'merchant state' }));
    await expect(channel.queryCharge!(charge())).rejects.toSatisfy((e) => PayGatewayError.isInstance(e));
    await expect(channel.queryCharge!(charge({ channelData: {} }))).rejects.toMatchObject({ code: 'TXN_TIME_MISSING' });
  });
});

describe('createRefund / undoCharge / queryRefund (backTransReq.do)', () => {
  it('refunds against the payment queryId and keeps the refund txnTime', async () => {
    const { channel, requests } = await harness(() => ({ respCode: '00', queryId: 'R1' }));
    const result = await channel.createRefund!(charge({ channelTradeNo: 'Q1', status: 'succeeded' }), { refundNo: 'R20240102001', amount: 300 });
    expect(result).toMatchObject({ status: 'pending', channelRefundNo: 'R1', channelData: { txnTime: '20240102030405' } });
    expect(requests[0]?.url).toBe('https://gateway.test.95516.com/gateway/api/backTransReq.do');
    expect(requests[0]?.fields).toMatchObject({ txnType: '04', txnSubType: '00', orderId: 'R20240102001', origQryId: 'Q1', txnAmt: '300', channelType: '08' });
  });

  it('finds the queryId by a query when the charge has none', async () => {
    const { channel, requests } = await harness((fields) => (fields.txnType === '00' ? { respCode: '00', origRespCode: '00', queryId: 'Q9' } : { respCode: '00' }) as Record<string, string>);
    await channel.createRefund!(charge(), { refundNo: 'R20240102001', amount: 300 });
    expect(requests.map((r) => r.fields.txnType)).toEqual(['00', '04']);
    expect(requests[1]?.fields.origQryId).toBe('Q9');
  });

  it('refuses a refundNo UnionPay cannot take and reports a refusal', async () => {
    const { channel } = await harness(() => ({ respCode: '35', respMsg: 'original state' }));
    await expect(channel.createRefund!(charge({ channelTradeNo: 'Q1' }), { refundNo: 'R-1', amount: 1 })).rejects.toSatisfy((e) => PayValidationError.isInstance(e));
    await expect(channel.createRefund!(charge({ channelTradeNo: 'Q1' }), { refundNo: 'R20240102001', amount: 1 })).rejects.toMatchObject({ code: 'ORIGINAL_STATE_INVALID' });
  });

  it('undoes a payment in full only (txnType 31)', async () => {
    const { channel, requests } = await harness(() => ({ respCode: '00', queryId: 'U1' }));
    await expect(channel.undoCharge(charge({ channelTradeNo: 'Q1' }), { refundNo: 'U20240102001', amount: 999 })).rejects.toSatisfy((e) => PayValidationError.isInstance(e));
    await channel.undoCharge(charge({ channelTradeNo: 'Q1' }), { refundNo: 'U20240102001', amount: 1000 });
    expect(requests[0]?.fields).toMatchObject({ txnType: '31', origQryId: 'Q1', txnAmt: '1000' });
  });

  it('queries a refund by its own orderId and txnTime', async () => {
    const { channel, requests } = await harness(() => ({ respCode: '00', origRespCode: '00', queryId: 'R1' }));
    const result = await channel.queryRefund!(charge(), { refundNo: 'R20240102001', amount: 300, channelData: { txnTime: '20240102040000' } });
    expect(result).toMatchObject({ status: 'succeeded', channelRefundNo: 'R1' });
    expect(requests[0]?.fields).toMatchObject({ orderId: 'R20240102001', txnTime: '20240102040000' });
    await expect(channel.queryRefund!(charge(), { refundNo: 'R20240102001', amount: 300 })).rejects.toSatisfy((e) => PayError.isInstance(e));
  });
});
