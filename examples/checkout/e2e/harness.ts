/**
 * What the browser tests share: the sandbox and the checkout server started in this process on free ports,
 * Debian's Chromium driven by playwright-core, and screenshots of every step in test-artifacts/e2e/.
 * When playwright-core or /usr/bin/chromium is missing the tests skip with a message, except under CI, where they fail.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox, type Sandbox, type SandboxServer } from '@payweave/sandbox';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildMissingBrowserPackages } from '../../../scripts/browser-build.mjs';
import { startCheckoutServer, type CheckoutServer } from '../src/server';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/e2e/', import.meta.url));

/** Flags for headless Chromium in a container with no network (see DEVELOPERS.md / the issue). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function hasPackage(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}

/** What is missing to run the browser tests (empty when they can run). */
export const missingForE2e: string[] = [
  ...(hasPackage('playwright-core') ? [] : ['the npm package playwright-core (npm install --save-dev playwright-core)']),
  ...(existsSync(CHROMIUM_PATH) ? [] : [`${CHROMIUM_PATH} (apt-get install -y chromium)`]),
];

/** Skip locally when something is missing (saying so), never under CI. */
export const skipE2e = missingForE2e.length > 0 && !process.env.CI;
if (skipE2e) console.warn(`\n[e2e] browser tests SKIPPED: missing ${missingForE2e.join(' and ')}. They run (and fail instead) when CI is set.\n`);

/**
 * Launch headless Chromium. playwright's `launch()` gives every browser a fresh temporary profile (its own
 * --user-data-dir, removed on close; it refuses an explicit one), so no state leaks between runs.
 */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  if (missingForE2e.length > 0) throw new Error(`cannot run the browser tests: missing ${missingForE2e.join(' and ')}`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  return { browser, close: () => browser.close().catch(() => undefined) };
}

/** The sandbox and the checkout server, on free ports, with a throwaway data folder. */
export async function startServers(): Promise<{ sandbox: Sandbox; sandboxServer: SandboxServer; checkout: CheckoutServer; close(): Promise<void> }> {
  buildMissingBrowserPackages();
  const sandbox = createSandbox();
  const sandboxServer = await sandbox.listen({ port: 0 });
  const dataDir = mkdtempSync(join(tmpdir(), 'payweave-e2e-data-'));
  const checkout = await startCheckoutServer({ env: {}, port: 0, sandboxUrl: sandboxServer.url, dataDir, log: () => undefined });
  return {
    sandbox,
    sandboxServer,
    checkout,
    async close() {
      await checkout.close();
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Screenshots of one test, numbered in order: test-artifacts/e2e/<test>/<nn>-<step>.png. */
export function screenshots(test: string): (page: Page, step: string) => Promise<void> {
  const dir = join(ARTIFACTS, test.replace(/[^a-z0-9_-]+/gi, '-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let count = 0;
  return async (page, step) => {
    count += 1;
    await page.screenshot({ path: join(dir, `${String(count).padStart(2, '0')}-${step}.png`), fullPage: true });
  };
}

/** A fresh context (no cookies, no storage) with a page whose script errors fail the test. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[]; log: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  // Console messages and failed requests, to explain a step that times out.
  const log: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => log.push(`console ${message.type()}: ${message.text()}`));
  page.on('requestfailed', (request) => log.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`));
  return { context, page, errors, log };
}
