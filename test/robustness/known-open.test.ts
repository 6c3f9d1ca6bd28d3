/**
 * Regressions for failures the robustness suite found in the Apple channel (fixed): a JSON `null` error body from
 * the App Store Server API, and createAppleRoutes given an onError that is not a function.
 */
import { createPayServer } from '@payweave/server';
import { apple, createAppleRoutes } from '@payweave/server/apple';
import { describe, expect, it } from 'vitest';
import { assertPayError } from './support/contract';
import { newSandbox, quietLogger, sandboxConfigs } from './support/fixtures';

describe('apple robustness regressions', () => {
  it('apple Server API answering a JSON null error body is a PayError, not a TypeError', async () => {
    const text = 'null';
    const pay = createPayServer({
      channels: [apple({ ...sandboxConfigs(newSandbox()).apple, environment: 'Production' })],
      http: { request: async () => ({ status: 500, headers: {}, text, bytes: new TextEncoder().encode(text) }) },
      logger: quietLogger(),
    });
    const error = await pay.apple.getTransactionInfo('2000000123456789').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    // assertPayError tolerates the known signature; check the raw contract here.
    expect((error as { type?: string }).type).toMatch(/^Pay/);
    assertPayError(error, 'apple.getTransactionInfo with a null error body');
  });

  it('createAppleRoutes with an onError that is not a function answers (or refuses when mounted), never rejects', async () => {
    const pay = createPayServer({ channels: [apple(sandboxConfigs(newSandbox()).apple)], logger: quietLogger() });
    let routes: ((request: Request) => Promise<Response>) | undefined;
    try {
      routes = createAppleRoutes(pay.apple, {
        accountId: () => {
          throw new Error('session store down');
        },
        onError: 5 as never,
      });
    } catch (error) {
      assertPayError(error, 'createAppleRoutes with onError: 5');
      return;
    }
    const response = await routes(new Request('https://shop.test/api/apple/app-account-token')).catch((e: unknown) => e);
    expect(response).toBeInstanceOf(Response);
  });
});
