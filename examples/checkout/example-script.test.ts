/**
 * `npm run example` (scripts/example.mjs) as a user runs it: it prints the checkout URL, the checkout and the sandbox
 * answer, and one SIGINT to the script alone (what a wrapper or a process manager sends) stops both servers cleanly.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { buildMissingBrowserPackages } from '../../scripts/browser-build.mjs';

const script = fileURLToPath(new URL('../../scripts/example.mjs', import.meta.url));

it('starts the sandbox and the checkout, prints the URL, and stops both on SIGINT', async () => {
  // --no-build: dist/ is built (by CI, or here when missing); a rebuild of a stale one would race other tests reading it.
  buildMissingBrowserPackages();
  const child = spawn(process.execPath, [script, '--port', '0', '--sandbox-port', '0', '--no-build'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  try {
    await expect.poll(() => (child.exitCode === null ? /Ready in/.test(output) : `exited early:\n${output}`), { timeout: 60_000, interval: 200 }).toBe(true);
    const checkoutUrl = /Checkout {2}(http:\/\/\S+?)\/ /.exec(output)?.[1] as string;
    const sandboxUrl = /Sandbox {3}(http:\/\/\S+?)\/ /.exec(output)?.[1] as string;
    const page = await fetch(`${checkoutUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-testid="method-alipay_page"');
    expect(await (await fetch(`${sandboxUrl}/health`)).json()).toEqual({ ok: true });

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(`${checkoutUrl}/health`)).rejects.toThrow();
    await expect(fetch(`${sandboxUrl}/health`)).rejects.toThrow();
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}, 90_000);
