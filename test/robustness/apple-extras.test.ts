/**
 * The other exports of `@payweave/server/apple`: transactionIdFromLegacyReceipt and createAppleRoutes (the endpoints
 * `@payweave/client/apple_iap` talks to), fed hostile arguments and requests.
 */
import { createPayServer, type PayServer } from '@payweave/server';
import { apple, createAppleRoutes, transactionIdFromLegacyReceipt } from '@payweave/server/apple';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { RUNS, anyString, garbage } from './support/arbitraries';
import { describeInput, expectContract, settle } from './support/contract';
import { newSandbox, quietLogger, sandboxConfigs, secretsOf } from './support/fixtures';

const configs = sandboxConfigs(newSandbox());
const secrets = secretsOf(configs);
let pay: PayServer;
beforeAll(() => {
  pay = createPayServer({ channels: [apple(configs.apple)], http: { request: () => Promise.reject(new TypeError('offline')) }, logger: quietLogger() });
});

describe('transactionIdFromLegacyReceipt', () => {
  it('a numeric transaction id or a contract error', async () => {
    const plist = fc.tuple(anyString, anyString).map(([a, b]) => btoa(`{ "purchase-info" = "${btoa(`{ "transaction-id" = "${a.replace(/[^\x20-\x7e]/g, '')}"; }`)}"; "x" = "${b.replace(/[^\x20-\x7e]/g, '')}"; }`));
    await fc.assert(
      fc.asyncProperty(fc.oneof(garbage, plist), async (receipt) => {
        const id = await expectContract(() => transactionIdFromLegacyReceipt(receipt as string), `transactionIdFromLegacyReceipt(${describeInput(receipt)})`, secrets);
        if (id !== undefined) expect(id).toMatch(/^\d+$/);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('createAppleRoutes', () => {
  // A non-function onError is a known open failure (known-open.test.ts): only functions are generated for it here.
  it('refuses bad arguments when mounted; every request gets a JSON answer', async () => {
    const options = fc.oneof(fc.record({ accountId: fc.oneof(fc.constant(() => 'alice'), fc.constant(() => null), garbage.map((v) => () => v)), onError: fc.oneof(fc.constant(undefined), fc.constant(() => undefined)) }, { requiredKeys: ['accountId'] }), garbage);
    const request = fc.oneof(
      fc.tuple(fc.constantFrom('GET', 'POST', 'PUT'), fc.constantFrom('app-account-token', 'transactions', 'receipts', 'other'), fc.oneof(anyString, garbage.map((v) => JSON.stringify({ signedTransaction: typeof v === 'string' ? v : String(typeof v), receiptData: 'x' })))).map(
        ([method, route, body]) => new Request(`https://shop.test/api/apple/${route}`, { method, ...(method === 'GET' ? {} : { body }) }),
      ),
      garbage,
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant('APPLE'), garbage), options, request, async (capability, opts, req) => {
        const where = `createAppleRoutes(${describeInput(capability)}, ${describeInput(opts)})`;
        const routes = await expectContract(() => createAppleRoutes((capability === 'APPLE' ? pay.apple : capability) as never, opts as never), where, secrets);
        if (!routes) return;
        const outcome = await settle(() => routes(req as Request), `${where}(request)`);
        if (!outcome.ok) expect.fail(`${where} rejected: ${String(outcome.error)}`);
        expect(outcome.value).toBeInstanceOf(Response);
        expect(secrets.find(await outcome.value.text())).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });
});
