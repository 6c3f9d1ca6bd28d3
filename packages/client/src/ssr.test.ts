// @vitest-environment node
/**
 * Server rendering: importing the client and every launcher, and creating a client, must not touch window or
 * document (there are none here); launching without a DOM reports a result instead of crashing.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chargeWith, unionpayWapCredential } from './__fixtures__/charges';

const launchersDir = join(dirname(fileURLToPath(import.meta.url)), 'launchers');
const launcherFiles = readdirSync(launchersDir).filter((file) => /^[a-z_]+\.ts$/.test(file));

describe('server rendering', () => {
  it('runs without a DOM', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('imports @payweave/client and every launcher subpath without touching the DOM', async () => {
    const client = await import('@payweave/client');
    expect(typeof client.createPayClient).toBe('function');
    expect(launcherFiles.length).toBeGreaterThanOrEqual(2);
    for (const file of launcherFiles) {
      const module: Record<string, unknown> = await import(/* @vite-ignore */ join(launchersDir, file));
      // A launcher module exports a `*Launcher`; apple_iap (no charge to launch) exports its `create*` helper.
      expect(Object.keys(module).some((name) => name.endsWith('Launcher') || /^create[A-Z]/.test(name)), file).toBe(true);
    }
  });

  it('creates a client, and a launch that needs the DOM fails with NO_DOCUMENT', async () => {
    const { createPayClient } = await import('@payweave/client');
    const { redirectLauncher } = await import('@payweave/client/redirect');
    const client = createPayClient({ endpoint: '/api/pay', launchers: [redirectLauncher] });
    const result = await client.launch(chargeWith(unionpayWapCredential));
    expect(result).toMatchObject({ status: 'failed', error: { code: 'NO_DOCUMENT' } });
  });
});
