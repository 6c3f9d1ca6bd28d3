/**
 * Is the build the browser loads up to date? The checkout example serves @payweave/client's (and core's) ES modules
 * from their dist/ folders; `npm run example` rebuilds a package whose dist/ is missing or older than any of its
 * inputs (sources, package.json, tsup config, the shared tsup options).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Packages the browser needs, in build order, with a dist file each must have. */
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

/** Names of the browser packages to rebuild; once one is rebuilt, those after it are too (they build against it). */
export function staleBrowserPackages(root = repoRoot) {
  const shared = newestMtime(join(root, 'scripts/tsup-shared.ts'));
  const stale = [];
  for (const pkg of BROWSER_PACKAGES) {
    const dir = join(root, pkg.dir);
    const outputs = pkg.outputs.map((output) => join(dir, output));
    const built = outputs.every((output) => existsSync(output)) ? Math.min(...outputs.map((output) => statSync(output).mtimeMs)) : 0;
    const inputs = Math.max(shared, newestMtime(join(dir, 'src')), newestMtime(join(dir, 'package.json')), newestMtime(join(dir, 'tsup.config.ts')));
    if (stale.length > 0 || built < inputs) stale.push(pkg.name);
  }
  return stale;
}
