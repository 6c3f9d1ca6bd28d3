/**
 * The server's adapters and helpers: toFetchHandler, toNodeHandler, createChargeRoutes, memoryStore and
 * createAxiosHttpClient, fed hostile arguments, requests, bodies and HTTP answers. Handlers always answer (a
 * Response / an ended ServerResponse with a numeric status); factories refuse bad arguments with a PayError.
 */
import { Readable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createAxiosHttpClient, createChargeRoutes, createPayServer, memoryStore, toFetchHandler, toNodeHandler, type PayServer } from '@payweave/server';
import { alipay } from '@payweave/server/alipay';
import fc from 'fast-check';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNS, anyString, garbage } from './support/arbitraries';
import { describeInput, expectAsyncContract, expectContract, settle } from './support/contract';
import { fetchHttp, newSandbox, quietLogger, sandboxConfigs, secretsOf } from './support/fixtures';
import { notificationBody, notificationHeaders, providerArb } from './support/notifications';

const sandbox = newSandbox();
const configs = sandboxConfigs(sandbox);
const secrets = secretsOf(configs);
const msw = setupServer(...sandbox.handlers);
let pay: PayServer;

beforeAll(() => {
  msw.listen({ onUnhandledRequest: 'error' });
  pay = createPayServer({ channels: [alipay(configs.alipay)], http: fetchHttp, logger: quietLogger(), notifyUrl: 'http://merchant.test/notify' });
});
afterAll(() => msw.close());

/** The server under test (as a marker, so that counterexamples print short), or garbage in its place. */
const payArg = fc.oneof({ weight: 4, arbitrary: fc.constant('PAY') }, { weight: 1, arbitrary: garbage });
const serverOf = (arg: unknown) => (arg === 'PAY' ? pay : arg) as PayServer;

/** A body `Request` accepts: a string or bytes, from the notification shapes. */
const requestBody = notificationBody.map((body) => (typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(String(typeof body))));

const headerRecord = notificationHeaders.map((headers) => {
  const out = new Headers();
  if (typeof headers !== 'object' || headers === null) return out;
  for (const [name, value] of Object.entries(headers)) {
    try {
      if (typeof value === 'string') out.set(name, value);
    } catch {
      // Not a legal header name or value: Request itself refuses it, so a handler never sees it.
    }
  }
  return out;
});

const fetchRequest = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('POST', 'GET', 'PUT'), requestBody, headerRecord).map(([method, body, headers]) => new Request('http://merchant.test/notify/alipay', { method, headers, ...(method === 'GET' ? {} : { body: body as BodyInit }) })) },
  { weight: 1, arbitrary: garbage },
);

describe('toFetchHandler', () => {
  it('refuses a bad pay or provider at construction, and always answers a Response', async () => {
    await fc.assert(
      fc.asyncProperty(payArg, providerArb, fetchRequest, async (server, provider, request) => {
        const where = `toFetchHandler(${describeInput(server)}, ${describeInput(provider)})`;
        const handler = await expectContract(() => toFetchHandler(serverOf(server), provider as never), where, secrets);
        if (!handler) return;
        const outcome = await settle(() => handler(request as Request), `${where}(${describeInput(request)})`);
        if (!outcome.ok) expect.fail(`${where} rejected: ${String(outcome.error)}`);
        expect(outcome.value).toBeInstanceOf(Response);
        expect(Number.isInteger(outcome.value.status)).toBe(true);
        expect(secrets.find(await outcome.value.text())).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });
});

/** A Node request: a readable stream of the body, with headers; sometimes with a framework's parsed `body`. */
const nodeRequest = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({ body: requestBody, headers: fc.oneof(notificationHeaders, fc.constant({})), method: fc.constantFrom('POST', 'GET'), parsed: fc.oneof(fc.constant(undefined), garbage), rawBody: fc.oneof(fc.constant(undefined), garbage) }, { requiredKeys: ['body', 'headers', 'method'] })
      .map(({ body, headers, method, parsed, rawBody }) => {
        const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
        const request = Object.assign(Readable.from([Buffer.from(bytes)]), { headers, method, url: '/notify/alipay' });
        if (parsed !== undefined) Object.assign(request, { body: parsed });
        if (rawBody !== undefined) Object.assign(request, { rawBody });
        return request;
      }),
  },
  { weight: 1, arbitrary: garbage },
);

/** A ServerResponse stand-in that records what the handler wrote. */
function recordingResponse() {
  let finish: (value: { status: number; body: string }) => void = () => undefined;
  const done = new Promise<{ status: number; body: string }>((resolve) => (finish = resolve));
  let status = 0;
  const response = {
    headersSent: false,
    writeHead(code: number) {
      status = code;
      response.headersSent = true;
      return response;
    },
    end(body?: unknown) {
      finish({ status, body: String(body ?? '') });
      return response;
    },
  };
  return { response: response as unknown as ServerResponse, done };
}

describe('toNodeHandler', () => {
  it('refuses a bad pay or provider at construction, and always ends the response with a status', async () => {
    await fc.assert(
      fc.asyncProperty(payArg, providerArb, nodeRequest, async (server, provider, request) => {
        const where = `toNodeHandler(${describeInput(server)}, ${describeInput(provider)})`;
        const handler = await expectContract(() => toNodeHandler(serverOf(server), provider as never), where, secrets);
        if (!handler) return;
        const { response, done } = recordingResponse();
        const outcome = await settle(() => {
          handler(request as IncomingMessage, response);
          return done;
        }, `${where}(request)`);
        if (!outcome.ok) expect.fail(`${where} threw: ${String(outcome.error)}`);
        expect(outcome.value.status >= 200 && outcome.value.status <= 599).toBe(true);
        expect(secrets.find(outcome.value.body)).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });
});

/** resolveOrder implementations that fail on their own (a merchant bug, a database outage): a 500 is right for those. */
const failing = <T extends object>(fn: T) => Object.assign(fn, { failsOnItsOwn: true });

const resolveOrderArb = fc.oneof(
  fc.constant((orderNo: string) => (orderNo.startsWith('ORD') ? { amount: 1999, subject: 'Tea' } : null)),
  garbage.map((value) => () => value),
  fc.constant(failing(() => {
    throw new TypeError('merchant bug');
  })),
  fc.constant(failing(() => Promise.reject(new Error('database down')))),
  garbage,
);

const routesOptionsArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ resolveOrder: resolveOrderArb, clientIp: fc.oneof(fc.constant(undefined), garbage), refreshIntervalMs: fc.oneof(fc.constant(0), garbage), onError: fc.oneof(fc.constant(undefined), garbage) }, { requiredKeys: ['resolveOrder'] }) },
  { weight: 1, arbitrary: garbage },
);

const clientJson = fc.oneof(
  fc.record({ orderNo: fc.oneof(fc.stringMatching(/^ORD[A-Za-z0-9]{5,20}$/), garbage), channel: fc.oneof(fc.constantFrom('alipay_qr', 'alipay_page', 'wechat_native'), garbage), payer: garbage, returnUrl: garbage, amount: garbage }, { requiredKeys: [] }),
  garbage,
);

const routeRequest = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom('POST', 'GET', 'DELETE'), fc.oneof(fc.constant(''), fc.constantFrom('/ORD12345', '/%E0%A4%A', '/%', '/..%2F..', '/__proto__', '/constructor'), anyString.map((s) => `/${s.replace(/[/?#]/g, '')}`)), clientJson, fc.boolean())
      .map(([method, tail, payload, asJson]) => {
        let url: string;
        try {
          url = new URL(`http://shop.test/api/pay/charges${tail}`).toString();
        } catch {
          url = 'http://shop.test/api/pay/charges';
        }
        let body = String(typeof payload);
        try {
          if (asJson) body = JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)) ?? 'null';
        } catch {
          // A value JSON cannot carry: send its type name instead.
        }
        return new Request(url, { method, ...(method === 'GET' ? {} : { body }) });
      }),
  },
  { weight: 1, arbitrary: garbage },
);

describe('createChargeRoutes', () => {
  it('refuses bad options at construction; every request gets a JSON answer with a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(payArg, routesOptionsArb, routeRequest, async (server, options, request) => {
        const where = `createChargeRoutes(${describeInput(server)}, ${describeInput(options)})`;
        const routes = await expectContract(() => createChargeRoutes(serverOf(server), options as never), where, secrets);
        if (!routes) return;
        const outcome = await settle(() => routes(request as Request), `${where}(${describeInput(request)})`);
        if (!outcome.ok) expect.fail(`${where} rejected: ${String(outcome.error)}`);
        const response = outcome.value;
        expect(response).toBeInstanceOf(Response);
        const text = await response.text();
        expect(secrets.find(text)).toBeUndefined();
        if (response.status >= 300) {
          const body = JSON.parse(text) as { error: { type: string; code: string; message: string } };
          expect(body.error.code, text).toMatch(/^[A-Z][A-Z0-9_]+$/);
          expect(body.error.message.length, text).toBeGreaterThan(0);
          expect(body.error.type, text).toMatch(/^Pay[A-Za-z]*Error$/);
          // A malformed client request is the client's fault: 4xx, not a 500.
          if (body.error.code === 'INTERNAL_ERROR') expect((options as { resolveOrder: { failsOnItsOwn?: boolean } }).resolveOrder.failsOnItsOwn, `${text} for ${typeof (request as Request | null)?.url === 'string' ? (request as Request).url : describeInput(request)}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('memoryStore', () => {
  it('ignores arguments; its read methods answer anything with null/[] or a PayError', async () => {
    await fc.assert(
      fc.asyncProperty(garbage, garbage, async (argument, key) => {
        const store = (memoryStore as (...args: unknown[]) => ReturnType<typeof memoryStore>)(argument);
        for (const method of ['getCharge', 'getRefund', 'getEvent', 'listCharges', 'listAnomalies'] as const) {
          const call = store[method] as (value: unknown) => Promise<unknown>;
          await expectAsyncContract(() => call(key), `memoryStore().${method}(${describeInput(key)})`);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

/** An axios look-alike (isAxiosInstance is duck-typed) that answers with garbage or fails: no network ever. */
const fakeAxios = (answer: unknown, fail: boolean) =>
  Object.assign(() => undefined, {
    defaults: {},
    interceptors: {},
    request: () => (fail ? Promise.reject(answer) : Promise.resolve(answer)),
  });

describe('createAxiosHttpClient', () => {
  it('refuses a bad instance or options with a PayError; its request fails only with PayErrors', async () => {
    const requestArb = fc.oneof(
      fc.record({ method: fc.oneof(fc.constantFrom('GET', 'POST'), garbage), url: fc.oneof(fc.constantFrom('https://openapi.alipay.com/gateway.do', 'http://sandbox.payweave.test/x', 'http://evil.example/', 'ftp://x'), garbage), headers: garbage, body: garbage, timeoutMs: garbage, tls: fc.oneof(fc.constant(undefined), garbage) }, { requiredKeys: ['url'] }),
      garbage,
    );
    const answerArb = fc.oneof(fc.record({ status: garbage, headers: garbage, data: garbage }, { requiredKeys: [] }), garbage);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant('FAKE'), garbage), fc.oneof(fc.constant(undefined), garbage, fc.record({ timeoutMs: garbage, maxResponseBytes: garbage, tlsAgent: garbage }, { requiredKeys: [] })), answerArb, fc.boolean(), requestArb, async (instance, options, answer, fail, request) => {
        const axiosLike = instance === 'FAKE' ? fakeAxios(answer, fail) : instance;
        const where = `createAxiosHttpClient(${instance === 'FAKE' ? 'fake' : describeInput(instance)}, ${describeInput(options)})`;
        const client = await expectContract(() => createAxiosHttpClient(axiosLike as never, options as never), where);
        if (!client || instance !== 'FAKE') return;
        await expectAsyncContract(() => client.request(request as never), `${where}.request(${describeInput(request)}) answered ${describeInput(answer)}`);
      }),
      { numRuns: RUNS },
    );
  });
});
