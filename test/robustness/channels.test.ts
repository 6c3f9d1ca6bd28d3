/**
 * The channel factories (`alipay()`, `unionpay()`, `wechat()`, `apple()`) with hostile configs: anything at all, a
 * valid config with one field broken, and secrets put in the wrong field. Each either builds a channel or throws a
 * PayError whose message, JSON and string form contain no part of any secret.
 */
import { alipay } from '@payweave/server/alipay';
import { apple } from '@payweave/server/apple';
import { unionpay } from '@payweave/server/unionpay';
import { wechat } from '@payweave/server/wechat';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RUNS, garbage, mutate } from './support/arbitraries';
import { assertPayError, describeInput, expectContract } from './support/contract';
import { FAKE_API_KEY, FAKE_SHARED_SECRET, generatedRsa, newSandbox, sandboxConfigs, secretsOf } from './support/fixtures';

const configs = sandboxConfigs(newSandbox());
const secrets = secretsOf(configs);

/** The sandbox configs with the generated key and the fake symmetric secrets in place of the published ones. */
const withFakeSecrets = {
  alipay: { ...configs.alipay, privateKey: generatedRsa.privateKey, barcode: undefined },
  wechat: { ...configs.wechat, privateKey: generatedRsa.privateKey, apiV3Key: FAKE_API_KEY, apiKey: FAKE_API_KEY, barcodePolling: undefined },
  unionpay: configs.unionpay,
  apple: { ...configs.apple, sharedSecret: FAKE_SHARED_SECRET, appAccountTokenSecret: FAKE_SHARED_SECRET },
};

const factories = { alipay, wechat, unionpay, apple } as Record<keyof typeof withFakeSecrets, (config: unknown) => unknown>;
const SECRET_VALUES = [generatedRsa.privateKey, FAKE_API_KEY, FAKE_SHARED_SECRET, generatedRsa.privateKey.replace(/-----[A-Z ]+-----|\s+/g, '')];

/** Drop `undefined` fields (a strict schema may treat an explicit undefined like a missing field anyway). */
const clean = <T extends object>(config: T): T => JSON.parse(JSON.stringify(config)) as T;

describe.each(Object.keys(withFakeSecrets) as (keyof typeof withFakeSecrets)[])('%s()', (name) => {
  const factory = factories[name];
  const valid = clean(withFakeSecrets[name]);

  it('builds from its valid config', () => {
    expect(() => factory(valid)).not.toThrow();
  });

  it('anything, or the valid config with one field broken', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(garbage, mutate(valid)), async (config) => {
        await expectContract(() => factory(config), `${name}(${describeInput(config)})`, secrets);
      }),
      { numRuns: RUNS },
    );
  });

  it('a secret in the wrong field never appears in the error', async () => {
    const fields = Object.keys(valid);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), fc.constantFrom(...SECRET_VALUES), fc.constantFrom('plain', 'wrapped', 'nested'), async (field, secret, shape) => {
        const value = shape === 'plain' ? secret : shape === 'wrapped' ? ` ${secret}\n` : { [field]: secret };
        const config = { ...valid, [field]: value };
        const outcome = await expectContract(() => factory(config), `${name} with a secret in ${field}`, secrets);
        if (outcome === undefined) return;
        // Built: the secret was accepted where a secret belongs; nothing to leak.
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

it('a failing factory reports a PayError (harness check)', () => {
  try {
    alipay({ ...clean(withFakeSecrets.alipay), alipayPublicKey: generatedRsa.publicKey });
    expect.fail('the app public key was accepted as the Alipay public key');
  } catch (error) {
    assertPayError(error, 'alipay with its own public key', secrets);
  }
});

it('the secret registry recognises a fragment of any secret (harness check)', () => {
  const body = generatedRsa.privateKey.split('\n').slice(5, 7).join('\n');
  expect(secrets.find(`unexpected key material ${body.slice(10, 30)}`)).toBeDefined();
  expect(secrets.find(`split over lines: ${body}`)).toBeDefined();
  expect(secrets.find(`api key ${FAKE_API_KEY.slice(4, 22)}`)).toBeDefined();
  expect(secrets.find('an innocent message about alipayPublicKey and MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A')).toBeUndefined();
});
