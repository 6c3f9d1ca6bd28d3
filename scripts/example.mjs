#!/usr/bin/env node
/**
 * `npm run example`: the checkout example on the offline sandbox, in one command.
 *   1. builds @payweave/core and @payweave/client when their dist/ is missing or older than their sources (the
 *      browser loads the client's ES modules from dist/; the servers run from the TypeScript sources with tsx, so
 *      nothing else needs building);
 *   2. starts the sandbox (`payweave-sandbox`) and the checkout server (examples/checkout), the latter pointed at the
 *      former through PAYWEAVE_SANDBOX_URL;
 *   3. prints the checkout URL; Ctrl-C (or SIGTERM) stops both and waits for them.
 * Options: --port <n> (checkout, default 3000), --sandbox-port <n> (default 4010), --time-scale <x> (sandbox retries),
 * --no-build (serve dist/ as it is: for CI and tests, which build first).
 * Real gateway keys in the environment (see examples/checkout/README.md) are passed through to the checkout.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { staleBrowserPackages } from './browser-build.mjs';

const started = Date.now();
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const options = parseArgs(process.argv.slice(2));
const children = new Set();
let stopping = false;

function parseArgs(args) {
  const parsed = { port: '3000', sandboxPort: '4010', timeScale: undefined, build: true };
  for (let index = 0; index < args.length; index += 2) {
    const [flag, value] = [args[index], args[index + 1]];
    if (flag === '--no-build') {
      parsed.build = false;
      index -= 1;
      continue;
    }
    const key = { '--port': 'port', '--sandbox-port': 'sandboxPort', '--time-scale': 'timeScale' }[flag];
    if (!key || value === undefined) {
      console.error(`npm run example: unknown option ${flag}\nusage: npm run example -- [--port 3000] [--sandbox-port 4010] [--time-scale 1] [--no-build]`);
      process.exit(2);
    }
    parsed[key] = value;
  }
  return parsed;
}

/**
 * Run a child; resolves with the first match of `ready` in its stdout (a server), or on exit 0 (a build). A `quiet`
 * child's output is shown only if it fails.
 */
function start(name, command, args, { env, ready, quiet = false } = {}) {
  const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', quiet ? 'pipe' : 'inherit'] });
  children.add(child);
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text) => (buffered += text)); // only quiet children pipe stderr
    child.stdout.on('data', (text) => {
      if (!quiet) process.stdout.write(text);
      if (ready && buffered === null) return; // ready already: nothing left to look for
      buffered += text;
      const match = ready && ready.exec(buffered);
      if (match) {
        buffered = null;
        resolve(match[1]);
      }
    });
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (!ready && code === 0) return resolve(undefined);
      if (quiet && !stopping) process.stderr.write(buffered);
      if (!stopping) reject(new Error(`${name} exited (${signal ?? `code ${code}`})`));
      if (ready && !stopping) shutdown(1); // a server died: stop the other one too
    });
  });
}

function shutdown(exitCode) {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  for (const child of children) child.kill('SIGTERM');
  // Servers close in well under a second; do not hang on one that does not.
  setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
  }, 5_000).unref();
}

// Ctrl-C in a terminal reaches every process of the group; forwarding covers a signal sent to this process alone.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => shutdown(0));

async function main() {
  const sandboxArgs = ['--port', options.sandboxPort, ...(options.timeScale ? ['--time-scale', options.timeScale] : [])];
  const sandbox = start('the sandbox', process.execPath, [tsxCli, 'packages/sandbox/src/cli.node.ts', ...sandboxArgs], {
    ready: /payweave sandbox listening on (\S+)/,
  });
  sandbox.catch(() => undefined); // awaited below; a failure meanwhile already stops everything
  const stale = options.build ? staleBrowserPackages() : [];
  if (stale.length > 0) console.log(`building ${stale.join(' and ')} (the browser loads their dist/)...`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await Promise.all(stale.map((name) => start(`npm run build -w ${name}`, npm, ['run', 'build', '-w', name], { quiet: true })));
  const sandboxUrl = await sandbox;
  const checkoutUrl = await start('the checkout server', process.execPath, [tsxCli, 'examples/checkout/src/main.ts'], {
    env: { PAYWEAVE_SANDBOX_URL: sandboxUrl, CHECKOUT_PORT: options.port },
    ready: /payweave checkout listening on (\S+)/,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n  Checkout  ${checkoutUrl}/   <- open this and pay in the sandbox cashier`);
  console.log(`  Sandbox   ${sandboxUrl}/   (emulated gateways, orders, notification log)`);
  console.log(`\n  Ready in ${seconds} s. Press Ctrl-C to stop.\n`);
}

main().catch((error) => {
  if (stopping) return;
  console.error(`npm run example: ${error.message}`);
  shutdown(1);
});
