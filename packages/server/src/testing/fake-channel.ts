/**
 * A fake channel for lifecycle tests: "signs" notifications with an HMAC-free shared token so that tests focus on
 * state, dedupe and acknowledgements. Never exported from a public entry.
 */
import { type ChannelId, PayError, PaySignatureError, type PaymentEvent } from '@payweave/core';
import type { ChargeQueryResult, PayChannel, RawNotification, RefundResult, StoredCharge } from '../channels/types';
import { fromUtf8 } from '../internal/encoding';

export interface FakeNotification {
  token: string;
  orderNo: string;
  tradeNo: string;
  amount: number;
  status: 'TRADE_SUCCESS' | 'TRADE_CLOSED';
  refundNo?: string;
}

export interface FakeChannel extends PayChannel {
  queryAnswer: ChargeQueryResult | null;
  refundAnswer: RefundResult;
  calls: string[];
}

export const FAKE_TOKEN = 'fake-token';

export function fakeChannel(channels: ChannelId[] = ['alipay_page', 'alipay_qr', 'alipay_barcode']): FakeChannel {
  const channel: FakeChannel = {
    provider: 'alipay',
    channels,
    livemode: false,
    queryAnswer: null,
    refundAnswer: { status: 'succeeded', channelRefundNo: 'R1', raw: {} },
    calls: [],
    async init() {
      channel.calls.push('init');
    },
    async createCharge(request) {
      channel.calls.push(`create:${request.orderNo}`);
      return { credential: { channel: 'alipay_qr', qrCode: `https://qr.example/${request.orderNo}` }, channelData: { secretish: 'kept on server' } };
    },
    async queryCharge(charge: StoredCharge) {
      channel.calls.push(`query:${charge.orderNo}`);
      return channel.queryAnswer ?? { status: 'pending', raw: {} };
    },
    async closeCharge(charge) {
      channel.calls.push(`close:${charge.orderNo}`);
    },
    async createRefund(charge, refund) {
      channel.calls.push(`refund:${charge.orderNo}:${refund.refundNo}`);
      return channel.refundAnswer;
    },
    async verifyNotification(raw: RawNotification) {
      const text = typeof raw.body === 'string' ? raw.body : fromUtf8(raw.body ?? new Uint8Array());
      let parsed: FakeNotification;
      try {
        parsed = JSON.parse(text) as FakeNotification;
      } catch {
        throw new PaySignatureError('fake notification is not JSON');
      }
      if (parsed.token !== FAKE_TOKEN) throw new PaySignatureError('fake signature does not verify', { channel: 'alipay' });
      const event: PaymentEvent = {
        id: `alipay:${parsed.tradeNo}:${parsed.status}${parsed.refundNo ?? ''}`,
        type: parsed.refundNo ? 'refund.succeeded' : parsed.status === 'TRADE_SUCCESS' ? 'charge.succeeded' : 'charge.closed',
        provider: 'alipay',
        orderNo: parsed.orderNo,
        refundNo: parsed.refundNo,
        channelTradeNo: parsed.tradeNo,
        amount: parsed.amount,
        currency: 'CNY',
        occurredAt: '2026-01-02T03:04:05.000Z',
        raw: parsed,
      };
      return { event };
    },
    acknowledge(outcome) {
      return outcome.ok
        ? { status: 200, headers: { 'content-type': 'text/plain' }, body: 'success' }
        : { status: 400, headers: { 'content-type': 'text/plain' }, body: `fail:${outcome.error instanceof PayError ? outcome.error.code : ''}` };
    },
  };
  return channel;
}

/** The body of a fake notification. */
export function fakeNotificationBody(notification: Partial<FakeNotification> & Pick<FakeNotification, 'orderNo' | 'amount'>): string {
  return JSON.stringify({ token: FAKE_TOKEN, tradeNo: `T${notification.orderNo}`, status: 'TRADE_SUCCESS', ...notification });
}
