import { PayError } from '@payweave/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { alipayPageGetCredential, chargeWith } from './__fixtures__/charges';
import { fakeFetch, type FakeAnswer } from './__fixtures__/fake-fetch';
import { createPayClient } from './client';

const pending = chargeWith(alipayPageGetCredential);
const succeeded = { ...pending, status: 'succeeded' as const, paidAt: '2026-01-01T00:01:00.000Z', channelTradeNo: '2026010122001' };
const ok = (json: unknown): FakeAnswer => ({ status: 200, json });

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => {
  vi.useRealTimers();
});

/** Start waiting, with the request times recorded (ms since start, fake clock). */
function wait(answers: FakeAnswer[], options: Parameters<ReturnType<typeof createPayClient>['waitForResult']>[1] = {}, orderNo = pending.orderNo) {
  const { fetch, calls } = fakeFetch(...answers);
  const times: number[] = [];
  const timed = vi.fn((url: string, init?: RequestInit) => {
    times.push(Date.now());
    return fetch(url, init);
  });
  const client = createPayClient({ endpoint: '/api/pay', http: timed });
  const result = client.waitForResult(orderNo, options);
  result.catch(() => undefined);
  return { result, calls, times };
}

describe('waitForResult', () => {
  it('GETs {endpoint}/charges/:orderNo with the order number URL-encoded', async () => {
    const { result, calls } = wait([ok(succeeded)], {}, 'A/B 1?');
    await vi.runAllTimersAsync();
    await result;
    expect(calls[0]).toMatchObject({ method: 'GET', url: '/api/pay/charges/A%2FB%201%3F' });
  });

  it('polls until final with a growing, capped interval (1000, 1500, 2000, 2000 ms)', async () => {
    const { result, times } = wait([ok(pending), ok(pending), ok(pending), ok(pending), ok(succeeded)], { intervalMs: 1000, maxIntervalMs: 2000 });
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(result).resolves.toEqual(succeeded);
    expect(times).toEqual([0, 1000, 2500, 4500, 6500]);
  });

  it('grows by 1.5 with the defaults (1000 ms first, capped at 5000 ms)', async () => {
    const { result, times } = wait([ok(pending), ok(pending), ok(pending), ok(pending), ok(pending), ok(pending), ok(succeeded)]);
    await vi.advanceTimersByTimeAsync(30_000);
    await result;
    expect(times).toEqual([0, 1000, 2500, 4750, 8125, 13125, 18125]);
  });

  it('resolves (does not reject) with a failed or closed charge: they are final answers', async () => {
    const closed = { ...pending, status: 'closed' as const };
    const { result } = wait([ok(pending), ok(closed)]);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(result).resolves.toEqual(closed);
  });

  it('rejects with a retryable WAIT_TIMEOUT at the deadline and stops polling', async () => {
    const { result, times } = wait([ok(pending)], { timeoutMs: 5000, intervalMs: 1000, maxIntervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(5000);
    const error = await result.catch((e: unknown) => e);
    expect(PayError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'WAIT_TIMEOUT', isRetryable: true });
    expect((error as Error).message).toContain(pending.orderNo);
    const count = times.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times.length).toBe(count);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('times out even when a request never settles, and aborts it', async () => {
    const { result, calls } = wait(['hang'], { timeoutMs: 3000 });
    await vi.advanceTimersByTimeAsync(3000);
    await expect(result).rejects.toMatchObject({ code: 'WAIT_TIMEOUT' });
    expect(calls[0]?.signal?.aborted).toBe(true);
  });

  it('rejects with ABORTED when the signal aborts between polls, and clears its timers', async () => {
    const controller = new AbortController();
    const { result, times } = wait([ok(pending)], { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(1200);
    controller.abort(new Error('user left the page'));
    const error = await result.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ABORTED', isRetryable: false });
    expect(((error as PayError).cause as Error).message).toBe('user left the page');
    expect(times).toEqual([0, 1000]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once with ABORTED for an already aborted signal, without a request', async () => {
    const controller = new AbortController();
    controller.abort();
    const { result, calls } = wait([ok(succeeded)], { signal: controller.signal });
    await expect(result).rejects.toMatchObject({ code: 'ABORTED' });
    expect(calls).toHaveLength(0);
  });

  it('keeps polling through retryable failures (network, 503) and reports the last one on timeout', async () => {
    const { result, times } = wait([{ throws: new TypeError('Failed to fetch') }, { status: 503, text: 'busy' }, ok(succeeded)]);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(result).resolves.toEqual(succeeded);
    expect(times).toEqual([0, 1000, 2500]);

    const down = wait([{ throws: new TypeError('Failed to fetch') }], { timeoutMs: 2000 });
    await vi.advanceTimersByTimeAsync(2000);
    const error = await down.result.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'WAIT_TIMEOUT' });
    expect((error as PayError).cause).toMatchObject({ code: 'CONNECTION_FAILED' });
  });

  it('rejects at once on a non-retryable server error', async () => {
    const { result, times } = wait([{ status: 404, json: { error: { type: 'PayError', code: 'ORDER_NOT_FOUND', message: 'no such order' } } }]);
    await expect(result).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND', message: 'no such order' });
    expect(times).toEqual([0]);
  });
});
