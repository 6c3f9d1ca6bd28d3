import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleCharge, sampleEvent } from '@payweave/server/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteStore } from './index';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'payweave-group-'));
  dirs.push(dir);
  return join(dir, 'pay.sqlite');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('sqliteStore group commit', () => {
  it('commits the writes of one loop turn together, each with its own outcome', async () => {
    const store = sqliteStore({ filename: ':memory:' });
    const charges = Array.from({ length: 5 }, () => sampleCharge());
    for (const charge of charges) await store.insertCharge(charge);
    const outcomes = await Promise.all(charges.map((charge) => store.transitionCharge({ orderNo: charge.orderNo, from: ['pending'], to: 'succeeded', event: sampleEvent(charge.orderNo) })));
    expect(outcomes.map((o) => o.outcome)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    for (const charge of charges) expect((await store.getCharge(charge.orderNo))?.status).toBe('succeeded');
    store.close();
  });

  it('rolls back only the write that failed, not the others of its batch', async () => {
    const store = sqliteStore({ filename: ':memory:' });
    const [good, bad] = [sampleCharge(), sampleCharge()];
    await store.insertCharge(good!);
    await store.insertCharge(bad!);
    store.database.exec(`CREATE TRIGGER refuse BEFORE UPDATE ON payweave_charges WHEN NEW.order_no = '${bad!.orderNo}' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`);
    const [okay, refused] = await Promise.allSettled([good, bad].map((charge) => store.transitionCharge({ orderNo: charge!.orderNo, from: ['pending'], to: 'succeeded', event: sampleEvent(charge!.orderNo) })));
    expect(okay).toMatchObject({ status: 'fulfilled', value: { outcome: 'applied' } });
    expect(refused).toMatchObject({ status: 'rejected', reason: { message: 'refused by test' } });
    expect((await store.getCharge(good!.orderNo))?.status).toBe('succeeded');
    // The failed write left nothing behind: neither the status nor its event record.
    expect((await store.getCharge(bad!.orderNo))?.status).toBe('pending');
    expect(await store.getEvent(sampleEvent(bad!.orderNo).id)).toBeNull();
    store.close();
  });

  it('commits what a caller writes next (the delivered mark) in the same loop turn as its first write', async () => {
    const store = sqliteStore({ filename: ':memory:' });
    const charge = sampleCharge();
    await store.insertCharge(charge);
    const event = sampleEvent(charge.orderNo);
    const order: string[] = [];
    setImmediate(() => setImmediate(() => order.push('next loop turn')));
    await store
      .transitionCharge({ orderNo: charge.orderNo, from: ['pending'], to: 'succeeded', event, claimDeliveryUntil: '2099-01-01T00:00:00.000Z' })
      .then(() => store.markEventDelivered(event.id))
      .then(() => order.push('marked'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['marked', 'next loop turn']);
    expect(await store.getEvent(event.id)).toMatchObject({ delivered: true });
    store.close();
  });

  it('lets exactly one of two connections to one file win, racing in the same turn', async () => {
    const filename = tempFile();
    const [a, b] = [sqliteStore({ filename }), sqliteStore({ filename })];
    const charge = sampleCharge();
    await a.insertCharge(charge);
    const racers = [a, b].flatMap((store) =>
      Array.from({ length: 5 }, (_, i) => store.transitionCharge({ orderNo: charge.orderNo, from: ['pending'], to: i % 2 ? 'succeeded' : 'closed', event: sampleEvent(charge.orderNo, { id: `race:${i}` }) })),
    );
    const outcomes = await Promise.all(racers);
    expect(outcomes.filter((o) => o.outcome === 'applied')).toHaveLength(1);
    a.close();
    b.close();
  });

  it('commits queued writes on close, before the database goes', async () => {
    const filename = tempFile();
    const store = sqliteStore({ filename });
    const charge = sampleCharge();
    await store.insertCharge(charge);
    const pending = store.transitionCharge({ orderNo: charge.orderNo, from: ['pending'], to: 'succeeded', event: sampleEvent(charge.orderNo) });
    store.close();
    expect(await pending).toMatchObject({ outcome: 'applied' });
    const reopened = sqliteStore({ filename });
    expect((await reopened.getCharge(charge.orderNo))?.status).toBe('succeeded');
    reopened.close();
  });
});
