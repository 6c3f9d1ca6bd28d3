import * as z from 'zod';
import { CHANNEL_IDS } from '../channels';

const str = z.string();

/** The per-channel data the payer's device needs to launch the payment. Discriminated on `channel`. */
export const ChargeCredentialSchema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('alipay_app'), orderString: str }),
  z.object({
    channel: z.enum(['alipay_page', 'alipay_wap']),
    method: z.enum(['GET', 'POST']),
    url: str,
    fields: z.record(str, str).optional(),
  }),
  z.object({ channel: z.literal('alipay_qr'), qrCode: str }),
  z.object({ channel: z.enum(['alipay_barcode', 'wechat_barcode']) }),
  z.object({
    channel: z.literal('wechat_app'),
    appId: str,
    partnerId: str,
    prepayId: str,
    package: z.literal('Sign=WXPay'),
    nonceStr: str,
    timestamp: str,
    sign: str,
  }),
  z.object({
    channel: z.enum(['wechat_jsapi', 'wechat_mini']),
    appId: str,
    timeStamp: str,
    nonceStr: str,
    package: str,
    signType: z.enum(['RSA', 'MD5', 'HMAC-SHA256']),
    paySign: str,
  }),
  z.object({ channel: z.literal('wechat_h5'), url: str }),
  z.object({ channel: z.literal('wechat_native'), codeUrl: str }),
  z.object({ channel: z.literal('unionpay_app'), tn: str, mode: z.enum(['00', '01']) }),
  z.object({ channel: z.enum(['unionpay_wap', 'unionpay_page']), method: z.literal('POST'), url: str, fields: z.record(str, str) }),
]);
export type ChargeCredential = z.infer<typeof ChargeCredentialSchema>;

export const CHARGE_STATUSES = ['pending', 'succeeded', 'failed', 'closed'] as const;
export type ChargeStatus = (typeof CHARGE_STATUSES)[number];

/** A charge as the server stores it and the client receives it. */
export const ChargeSchema = z.object({
  id: str,
  orderNo: str,
  channel: z.enum(CHANNEL_IDS),
  amount: z.number().int().nonnegative(),
  currency: z.literal('CNY'),
  subject: str,
  status: z.enum(CHARGE_STATUSES),
  amountRefunded: z.number().int().nonnegative(),
  channelTradeNo: str.optional(),
  createdAt: str,
  paidAt: str.optional(),
  expiresAt: str.optional(),
  livemode: z.boolean(),
  credential: ChargeCredentialSchema,
  metadata: z.record(str, str).optional(),
});
export type Charge = z.infer<typeof ChargeSchema>;

export const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** A refund of (part of) a charge. */
export const RefundSchema = z.object({
  id: str,
  refundNo: str,
  orderNo: str,
  amount: z.number().int().positive(),
  currency: z.literal('CNY'),
  status: z.enum(REFUND_STATUSES),
  channelRefundNo: str.optional(),
  createdAt: str,
  succeededAt: str.optional(),
});
export type Refund = z.infer<typeof RefundSchema>;
