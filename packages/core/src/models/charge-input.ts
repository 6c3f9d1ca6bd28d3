import * as z from 'zod';
import { CHANNEL_IDS, CHANNEL_RULES } from '../channels';

const MAX_AMOUNT = 10 ** 12; // 10 billion yuan: far above any gateway's single-payment cap, far below 2^53.

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' });

/** Strict schema of the merchant's charge request (`pay.charges.create`). Unknown keys are rejected. */
export const CreateChargeInputSchema = z
  .strictObject({
    channel: z.enum(CHANNEL_IDS, { error: `expected one of ${CHANNEL_IDS.join(', ')}` }),
    orderNo: z.string({ error: 'expected the merchant order number as a string' }),
    amount: z
      .number({ error: 'expected an integer amount in minor units (fen), e.g. 1999 for 19.99 CNY' })
      .int('expected an integer amount in minor units (fen), e.g. 1999 for 19.99 CNY; do not pass yuan')
      .positive('amount must be greater than 0')
      .max(MAX_AMOUNT, 'amount is larger than any gateway accepts'),
    currency: z.literal('CNY', { error: "only 'CNY' is supported" }).optional(),
    subject: z.string().min(1, 'subject must not be empty: it is shown to the payer'),
    body: z.string().max(1000).optional(),
    clientIp: z.union([z.ipv4(), z.ipv6()], { error: 'expected the payer IPv4 or IPv6 address' }).optional(),
    expiresAt: z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time with offset, e.g. 2026-01-02T03:04:05+08:00' }).optional(),
    returnUrl: httpUrl.optional(),
    payer: z
      .strictObject({
        openId: z.string().min(1).max(128).optional(),
        authCode: z.string().regex(/^\d{10,32}$/, 'expected the digits of the payment code scanned from the payer').optional(),
      })
      .optional(),
    metadata: z.record(z.string().max(64), z.string().max(256)).optional(),
  })
  .superRefine((input, ctx) => {
    const rule = CHANNEL_RULES[input.channel];
    const { orderNo } = input;
    if (orderNo.length < rule.orderNo.min || orderNo.length > rule.orderNo.max || !rule.orderNo.pattern.test(orderNo)) {
      ctx.addIssue({ code: 'custom', path: ['orderNo'], message: `${input.channel} orderNo must be ${rule.orderNo.describe}` });
    }
    if (input.subject.length > rule.subjectMax) {
      ctx.addIssue({ code: 'custom', path: ['subject'], message: `${input.channel} accepts at most ${rule.subjectMax} characters of subject` });
    }
    if (rule.requiresOpenId && !input.payer?.openId) {
      ctx.addIssue({ code: 'custom', path: ['payer', 'openId'], message: `${input.channel} needs payer.openId (the payer's openid for this appid)` });
    }
    if (rule.requiresAuthCode && !input.payer?.authCode) {
      ctx.addIssue({ code: 'custom', path: ['payer', 'authCode'], message: `${input.channel} needs payer.authCode (the code scanned from the payer's wallet)` });
    }
    if (rule.requiresClientIp && !input.clientIp) {
      ctx.addIssue({ code: 'custom', path: ['clientIp'], message: `${input.channel} needs clientIp (the payer's IP address, taken from the request on your server)` });
    }
    if (input.returnUrl && !rule.browserReturn) {
      ctx.addIssue({ code: 'custom', path: ['returnUrl'], message: `${input.channel} has no browser return: drop returnUrl` });
    }
  });

/** The merchant's charge request. `amount` is in minor units (fen). */
export type CreateChargeInput = z.input<typeof CreateChargeInputSchema>;
/** A validated charge request: `currency` defaulted to 'CNY'. */
export type ValidChargeInput = z.output<typeof CreateChargeInputSchema> & { currency: 'CNY' };

/** Strict schema of a refund request (`pay.refunds.create`). */
export const CreateRefundInputSchema = z.strictObject({
  orderNo: z.string().min(1, 'expected the order number of the charge to refund'),
  refundNo: z.string().regex(/^[A-Za-z0-9_*|@-]{1,64}$/, 'refundNo must be 1-64 letters, digits or _-*|@'),
  amount: z.number().int('expected an integer amount in minor units (fen)').positive('refund amount must be greater than 0').max(MAX_AMOUNT),
  reason: z.string().max(80).optional(),
});
export type CreateRefundInput = z.input<typeof CreateRefundInputSchema>;
