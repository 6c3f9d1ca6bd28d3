import { describe, expect, it } from 'vitest';
import type { CryptoProvider } from '../crypto/provider';
import { memoryStore } from '../lifecycle/memory-store';
import { createPayServerWith } from '../pay-server';
import { fakeChannel } from '../testing/fake-channel';

const platform = { crypto: () => ({ name: 'node' }) as CryptoProvider };

describe('pay.charges.retrieve({ refresh: true })', () => {
  it('returns the paid charge while another process is still running onEvent for it', async () => {
    const channel = fakeChannel();
    const store = memoryStore();
    const now = Date.UTC(2026, 0, 2);
    const pay = createPayServerWith({ channels: [channel], store, clock: () => now, logger: { warn: () => {} } }, platform);
    await pay.charges.create({ channel: 'alipay_qr', orderNo: 'RACE_1', amount: 1999, subject: 'T-shirt' });
    channel.queryCharge = async () => {
      // Meanwhile, another process applied the notification of the same payment and is in its onEvent.
      const event = { id: 'alipay:charge:RACE_1:charge.succeeded', type: 'charge.succeeded' as const, provider: 'alipay' as const, orderNo: 'RACE_1', amount: 1999, currency: 'CNY', occurredAt: '2026-01-02T00:00:00.000Z', raw: {} };
      await store.transitionCharge({ orderNo: 'RACE_1', from: ['pending'], to: 'succeeded', patch: { paidAt: event.occurredAt }, event });
      await store.claimEventDelivery(event.id, new Date(now + 60_000).toISOString(), new Date(now).toISOString());
      return { status: 'succeeded', amount: 1999, raw: {} };
    };
    expect(await pay.charges.retrieve('RACE_1', { refresh: true })).toMatchObject({ status: 'succeeded' });
  });
});
