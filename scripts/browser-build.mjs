/**
 * Is the build the browser loads up to date? The checkout example serves @payweave/client's (and core's) ES modules
 * from their dist/ folders; `npm run example` rebuilds a package whose dist/ is missing or older than any of its
 * inputs (sources, package.json, tsup config, the shared tsup options).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Packages the browser needs, with the dist files each must have. They build independently (the client keeps
 * `@payweave/core` external and its type build reads core's sources through the root tsconfig), so in parallel.
 */
export const BROWSER_PACKAGES = [
  { name: '@payweave/core', dir: 'packages/core', outputs: ['dist/index.js', 'dist/errors.js', 'dist/money.js', 'dist/channels.js'] },
  { name: '@payweave/client', dir: 'packages/client', outputs: ['dist/index.js'] },
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.(test|test-d)\.ts$/.test(path) ? 0 : stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Names of the browser packages to rebuild. */
export function staleBrowserPackages(root = repoRoot) {
  const shared = newestMtime(join(root, 'scripts/tsup-shared.ts'));
  const stale = [];
  for (const pkg of BROWSER_PACKAGES) {
    const dir = join(root, pkg.dir);
    const outputs = pkg.outputs.map((output) => join(dir, output));
    const built = outputs.every((output) => existsSync(output)) ? Math.min(...outputs.map((output) => statSync(output).mtimeMs)) : 0;
    const inputs = Math.max(shared, newestMtime(join(dir, 'src')), newestMtime(join(dir, 'package.json')), newestMtime(join(dir, 'tsup.config.ts')));
    if (built < inputs) stale.push(pkg.name);
  }
  return stale;
}

/**
 * For tests: build the browser packages whose dist/ is missing (not merely older: a rebuild would race other test
 * files reading dist/). CI builds everything first, so this only runs on a fresh local checkout. Test files run in
 * parallel, so a lock folder makes the first one build and the others wait for it.
 */
export function buildMissingBrowserPackages(root = repoRoot) {
  const missing = () => BROWSER_PACKAGES.filter((pkg) => !pkg.outputs.every((output) => existsSync(join(root, pkg.dir, output))));
  if (missing().length === 0) return;
  const lock = join(root, 'node_modules/.cache/payweave-browser-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`another build holds ${lock}; remove it if no build is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    for (const pkg of missing()) {
      execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '-w', pkg.name], { cwd: root, stdio: 'ignore', timeout: 300_000 });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
