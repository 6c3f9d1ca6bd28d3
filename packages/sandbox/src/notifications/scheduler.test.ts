import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACKNOWLEDGEMENTS } from './acknowledgements';
import { RETRY_SCHEDULES } from './schedules';
import { createNotificationScheduler } from './scheduler';
import type { ScheduleInput } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = Date.UTC(2025, 0, 1, 0, 0, 0);

/** A merchant that answers each attempt with the next scripted reply (the last one repeats). */
function scriptedMerchant(replies: Array<{ status: number; body: string } | Error>) {
  const calls: Array<{ url: string; at: number; body: string; headers: Record<string, string> }> = [];
  const fetchImpl = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), at: Date.now() - START, body: String(init?.body), headers: init?.headers as Record<string, string> });
    const reply = replies[Math.min(calls.length - 1, replies.length - 1)] as { status: number; body: string } | Error;
    if (reply instanceof Error) throw reply;
    return new Response(reply.body, { status: reply.status });
  });
  return { calls, fetch: fetchImpl as unknown as typeof fetch };
}

function alipayInput(overrides: Partial<ScheduleInput> = {}): ScheduleInput {
  return {
    provider: 'alipay',
    url: 'http://merchant.test/notify/alipay',
    orderNo: 'ORDER1',
    isAcknowledged: ACKNOWLEDGEMENTS.alipay,
    buildRequest: async () => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'trade_status=TRADE_SUCCESS' }),
    ...overrides,
  };
}

describe('retry schedules', () => {
  it('are the documented delays between attempts', () => {
    expect(RETRY_SCHEDULES.alipay).toEqual([4 * MINUTE, 10 * MINUTE, 10 * MINUTE, HOUR, 2 * HOUR, 6 * HOUR, 15 * HOUR]);
    expect(RETRY_SCHEDULES.wechat.map((ms) => ms / 1000)).toEqual([
      15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
    ]);
    // WeChat documents the total: 24h4m.
    expect(RETRY_SCHEDULES.wechat.reduce((sum, ms) => sum + ms, 0)).toBe(24 * HOUR + 4 * MINUTE);
    expect(RETRY_SCHEDULES.unionpay).toEqual([MINUTE, 2 * MINUTE, 4 * MINUTE, 5 * MINUTE]);
    expect(RETRY_SCHEDULES.apple).toEqual([HOUR, 12 * HOUR, 24 * HOUR, 48 * HOUR, 72 * HOUR]);
  });
});

describe('acknowledgements', () => {
  const answer = (status: number, body = '') => ({ status, headers: {}, body });
  it('accept only the exact bytes each gateway waits for', () => {
    expect(ACKNOWLEDGEMENTS.alipay(answer(200, 'success'))).toBe(true);
    for (const body of ['SUCCESS', 'success\n', ' success', 'fail', '']) expect(ACKNOWLEDGEMENTS.alipay(answer(200, body))).toBe(false);
    expect(ACKNOWLEDGEMENTS.alipay(answer(500, 'success'))).toBe(false);
    expect(ACKNOWLEDGEMENTS.wechatV3(answer(200))).toBe(true);
    expect(ACKNOWLEDGEMENTS.wechatV3(answer(204))).toBe(true);
    expect(ACKNOWLEDGEMENTS.wechatV3(answer(202))).toBe(false);
    expect(ACKNOWLEDGEMENTS.wechatV2(answer(200, '<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>'))).toBe(true);
    expect(ACKNOWLEDGEMENTS.wechatV2(answer(200, '<xml><return_code><![CDATA[FAIL]]></return_code></xml>'))).toBe(false);
    expect(ACKNOWLEDGEMENTS.unionpay(answer(200, 'anything'))).toBe(true);
    expect(ACKNOWLEDGEMENTS.unionpay(answer(201))).toBe(false);
    expect(ACKNOWLEDGEMENTS.apple(answer(206))).toBe(true);
    expect(ACKNOWLEDGEMENTS.apple(answer(207))).toBe(false);
  });
});

describe('createNotificationScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  // timeScale 1/60000: one real minute of the schedule takes one millisecond.
  const scaled = { timeScale: 1 / 60_000, clock: () => Date.now() };

  it('retries on the Alipay schedule, compressed by timeScale, and stops at the exact acknowledgement', async () => {
    const merchant = scriptedMerchant([
      { status: 500, body: 'oops' },
      { status: 200, body: 'SUCCESS' },
      { status: 200, body: 'success\n' },
      { status: 200, body: 'success' },
    ]);
    const scheduler = createNotificationScheduler({ ...scaled, fetch: merchant.fetch });
    const delivery = scheduler.schedule(alipayInput());

    await vi.advanceTimersByTimeAsync(10 * 60_000);

    // 4m, 10m, 10m after the previous attempt -> at 0, 4, 14 and 24 ms.
    expect(merchant.calls.map((call) => call.at)).toEqual([0, 4, 14, 24]);
    expect(delivery.status).toBe('acknowledged');
    expect(delivery.nextAttemptAt).toBeUndefined();
    expect(delivery.attempts.map((attempt) => [attempt.number, attempt.status, attempt.bodyExcerpt, attempt.acknowledged])).toEqual([
      [1, 500, 'oops', false],
      [2, 200, 'SUCCESS', false],
      [3, 200, 'success\n', false],
      [4, 200, 'success', true],
    ]);
    expect(delivery.attempts[1]?.at).toBe('2025-01-01T00:00:00.004Z');
    expect(merchant.calls[0]).toMatchObject({ url: 'http://merchant.test/notify/alipay', body: 'trade_status=TRADE_SUCCESS' });
  });

  it('gives up after the last scheduled retry (8 attempts for Alipay)', async () => {
    const merchant = scriptedMerchant([{ status: 200, body: 'fail' }]);
    const scheduler = createNotificationScheduler({ ...scaled, fetch: merchant.fetch });
    const delivery = scheduler.schedule(alipayInput());

    await vi.advanceTimersByTimeAsync(1000);
    expect(delivery.status).toBe('pending');
    expect(delivery.nextAttemptAt).toBe('2025-01-01T00:00:01.464Z');

    await vi.advanceTimersByTimeAsync(10_000);
    // Cumulative: 0, 4m, 14m, 24m, 1h24m, 3h24m, 9h24m, 24h24m -> ms at 1/60000.
    expect(merchant.calls.map((call) => call.at)).toEqual([0, 4, 14, 24, 84, 204, 564, 1464]);
    expect(delivery.status).toBe('gave_up');
    expect(delivery.attempts).toHaveLength(8);
    expect(delivery.nextAttemptAt).toBeUndefined();
  });

  it('records connection failures and keeps retrying', async () => {
    const merchant = scriptedMerchant([new TypeError('fetch failed'), { status: 200, body: 'success' }]);
    const scheduler = createNotificationScheduler({ ...scaled, fetch: merchant.fetch });
    const delivery = scheduler.schedule(alipayInput());
    await vi.advanceTimersByTimeAsync(5);
    expect(delivery.attempts[0]).toMatchObject({ number: 1, error: 'TypeError: fetch failed', acknowledged: false });
    expect(delivery.attempts[0]?.status).toBeUndefined();
    expect(delivery.status).toBe('acknowledged');
  });

  it('builds the request again for every attempt', async () => {
    const merchant = scriptedMerchant([{ status: 500, body: '' }, { status: 200, body: 'success' }]);
    let built = 0;
    const scheduler = createNotificationScheduler({ ...scaled, fetch: merchant.fetch });
    scheduler.schedule(alipayInput({ buildRequest: async () => ({ headers: {}, body: `attempt-${++built}` }) }));
    await vi.advanceTimersByTimeAsync(5);
    expect(merchant.calls.map((call) => call.body)).toEqual(['attempt-1', 'attempt-2']);
  });

  it('uses an explicit schedule and real time when timeScale is 1', async () => {
    const merchant = scriptedMerchant([{ status: 503, body: '' }]);
    const scheduler = createNotificationScheduler({ timeScale: 1, clock: () => Date.now(), fetch: merchant.fetch });
    const delivery = scheduler.schedule(alipayInput({ provider: 'unionpay', isAcknowledged: ACKNOWLEDGEMENTS.unionpay }));
    await vi.advanceTimersByTimeAsync(11 * 60_000);
    // UnionPay: 1, 2, 4 and 5 minutes after the previous attempt.
    expect(merchant.calls.map((call) => call.at / 60_000)).toEqual([0, 1, 3, 7]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(merchant.calls.map((call) => call.at / 60_000)).toEqual([0, 1, 3, 7, 12]);
    expect(delivery.status).toBe('gave_up');
  });

  it('cancelAll stops pending retries', async () => {
    const merchant = scriptedMerchant([{ status: 500, body: '' }]);
    const scheduler = createNotificationScheduler({ ...scaled, fetch: merchant.fetch });
    const delivery = scheduler.schedule(alipayInput());
    await vi.advanceTimersByTimeAsync(1);
    scheduler.cancelAll();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(merchant.calls).toHaveLength(1);
    expect(delivery.status).toBe('canceled');
    expect(delivery.nextAttemptAt).toBeUndefined();
  });

  it('flush waits for in-flight attempts; untilSettled also waits for retries', async () => {
    vi.useRealTimers();
    const merchant = scriptedMerchant([{ status: 500, body: '' }, { status: 200, body: 'success' }]);
    const scheduler = createNotificationScheduler({ timeScale: 1 / 60_000, clock: () => Date.now(), fetch: merchant.fetch });
    const delivery = scheduler.schedule(alipayInput());
    await scheduler.flush();
    expect(delivery.attempts).toHaveLength(1);
    expect(delivery.status).toBe('pending');
    await scheduler.flush({ untilSettled: true });
    expect(delivery.attempts).toHaveLength(2);
    expect(delivery.status).toBe('acknowledged');
  });

  it('refuses a timeScale that is not a positive number', () => {
    for (const timeScale of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createNotificationScheduler({ timeScale, clock: Date.now })).toThrow(/timeScale must be a positive number/);
    }
  });
});
