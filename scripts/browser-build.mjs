/**
 * Is the build the browser loads up to date? The checkout example serves @payweave/client's (and core's) ES modules
 * from their dist/ folders; `npm run example` rebuilds a package whose dist/ is missing or older than any of its
 * inputs (sources, package.json, tsup config, the shared tsup options).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
 * files reading dist/). CI builds everything first, so this only runs on a fresh local checkout.
 */
export function buildMissingBrowserPackages(root = repoRoot) {
  for (const pkg of BROWSER_PACKAGES) {
    if (pkg.outputs.every((output) => existsSync(join(root, pkg.dir, output)))) continue;
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '-w', pkg.name], { cwd: root, stdio: 'ignore', timeout: 300_000 });
  }
}
