/** A scripted `fetch` for client tests: records every call and answers from a list (the last answer repeats). */
import { vi } from 'vitest';

/** One scripted answer: a JSON body with a status, raw text, a thrown error, or a request that never settles. */
export type FakeAnswer = { status?: number; json?: unknown; text?: string } | { throws: Error } | 'hang';

/** A recorded request. */
export interface FakeCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  signal: AbortSignal | null | undefined;
}

/** A fetch mock answering `answers` in order. */
export function fakeFetch(...answers: FakeAnswer[]) {
  const calls: FakeCall[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      signal: init.signal,
    });
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)] ?? { status: 200 };
    if (answer === 'hang') return new Promise<Response>(() => undefined);
    if ('throws' in answer) throw answer.throws;
    const body = answer.text ?? (answer.json === undefined ? '' : JSON.stringify(answer.json));
    return new Response(body, { status: answer.status ?? 200, headers: { 'content-type': 'application/json' } });
  });
  return { fetch, calls };
}
