import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotificationSchema, parseNotificationEnvelope, parseTransactionResource, TransactionSchema } from './schemas';

// Values near the schemas' boundaries: strings (empty or not), numbers (negative, fractional, unsafe), wrong types.
const leaf = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('', 'x', 'SUCCESS', 'CNY'),
  fc.constantFrom(0, -1, 1.5, 100, Number.MAX_SAFE_INTEGER + 2, Number.NaN),
  fc.constantFrom(null, true, [], ['a']),
);
const record = (keys: string[], value: fc.Arbitrary<unknown>) => fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] });
const amount = fc.oneof(leaf, record(['total', 'payer_total', 'currency', 'payer_currency'], leaf));
const transaction = fc.oneof(
  leaf,
  fc.record(
    {
      appid: leaf, mchid: leaf, out_trade_no: leaf, transaction_id: leaf, trade_type: leaf, trade_state: leaf,
      trade_state_desc: leaf, success_time: leaf, attach: leaf, amount, payer: fc.oneof(leaf, record(['openid'], leaf)), extra: leaf,
    },
    { requiredKeys: [] },
  ),
);
const envelope = fc.oneof(
  leaf,
  fc.record(
    {
      id: leaf, create_time: leaf, event_type: leaf, resource_type: leaf, summary: leaf,
      resource: fc.oneof(leaf, record(['algorithm', 'ciphertext', 'nonce', 'associated_data', 'original_type'], leaf)),
    },
    { requiredKeys: [] },
  ),
);

function outcome(parse: () => unknown): unknown {
  try {
    return { ok: parse() };
  } catch (error) {
    return { error: (error as Error).message, code: (error as { code?: string }).code };
  }
}

describe('hand-checked notification parts', () => {
  it('accept and refuse exactly what TransactionSchema does, with the same error', () => {
    fc.assert(
      fc.property(transaction, (value) => {
        const zod = TransactionSchema.safeParse(value);
        const hand = outcome(() => parseTransactionResource(value));
        if (zod.success) expect(hand).toEqual({ ok: zod.data });
        else expect(hand).toEqual({ error: 'WeChat Pay notification transaction is malformed', code: 'NOTIFICATION_INVALID' });
      }),
      { numRuns: 2000 },
    );
  });

  it('accept and refuse exactly what NotificationSchema does, with the same error', () => {
    fc.assert(
      fc.property(envelope, (value) => {
        const zod = NotificationSchema.safeParse(value);
        const hand = outcome(() => parseNotificationEnvelope(value));
        if (zod.success) expect(hand).toEqual({ ok: zod.data });
        else expect(hand).toEqual({ error: 'WeChat Pay notification envelope is malformed', code: 'NOTIFICATION_INVALID' });
      }),
      { numRuns: 2000 },
    );
  });
});
