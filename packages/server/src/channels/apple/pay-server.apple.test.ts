import type { PaymentEvent } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../lifecycle/memory-store';
import { createPayServerWith } from '../../pay-server';
import { testCrypto } from '../../testing/crypto';
import { fakeHttp, notificationPayload, SIGNED_DATE, transactionPayload } from './__fixtures__/payloads';
import { signTestJws } from './__fixtures__/sign-jws';
import { TEST_CHAIN_ROOT } from './__fixtures__/test-chain';
import { apple } from './index';

async function server() {
  const events: PaymentEvent[] = [];
  const crypto = await testCrypto();
  const pay = createPayServerWith(
    {
      channels: [apple({ bundleId: 'com.example', environment: 'auto', appAppleId: 1234, rootCertificates: [TEST_CHAIN_ROOT], appAccountTokenSecret: 'payweave-test-secret-0123456789' })],
      store: memoryStore(),
      http: fakeHttp(() => ({ json: { status: 21199 } })).client,
      clock: () => SIGNED_DATE,
      onEvent: (event) => void events.push(event),
      logger: { warn: () => {} },
    },
    { crypto: () => crypto },
  );
  return { pay, events };
}

describe('apple through createPayServer', () => {
  it('handles a notification once, acknowledges redeliveries with 200, refuses forgeries with non-200', async () => {
    const { pay, events } = await server();
    const signedPayload = await signTestJws(notificationPayload({ notificationType: 'DID_RENEW', subtype: undefined }, { signedTransactionInfo: await signTestJws(transactionPayload({ transactionId: '12346' })) }));
    const request = { body: JSON.stringify({ signedPayload }), headers: { 'content-type': 'application/json' } };
    const first = await pay.notifications.handle('apple', request);
    expect(first.error).toBeUndefined();
    expect(first.ack.status).toBe(200);
    expect(first.event).toMatchObject({ type: 'iap.renewed', channelTradeNo: '12346' });
    const again = await pay.notifications.handle('apple', request);
    expect([again.duplicate, again.ack.status]).toEqual([true, 200]);
    expect(events.map((e) => e.type)).toEqual(['iap.renewed']);
    const forged = await pay.notifications.handle('apple', { body: JSON.stringify({ signedPayload: `${signedPayload.slice(0, -6)}AAAAAA` }) });
    expect(forged.ack.status).not.toBe(200);
    expect(forged.error?.type).toBe('PaySignatureError');
  });

  it('pay.apple binds transactions to the first account through the server store', async () => {
    const { pay } = await server();
    const jws = await signTestJws(transactionPayload({ transactionId: '12345', appAccountToken: pay.apple.appAccountToken('alice') }));
    expect((await pay.apple.verifyTransaction(jws, { accountId: 'alice' })).ownership).toBe('new');
    expect((await pay.apple.verifyTransaction(jws, { accountId: 'alice' })).ownership).toBe('restore');
    await expect(pay.apple.verifyTransaction(await signTestJws(transactionPayload({ transactionId: '12345' })), { accountId: 'mallory' })).rejects.toMatchObject({
      code: 'TRANSACTION_CLAIMED_BY_OTHER_ACCOUNT',
    });
  });
});
