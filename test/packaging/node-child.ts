/**
 * Packaging checks run the built packages in child Node processes: inside vitest, `@payweave/*` is aliased to the
 * TypeScript sources, so only a plain `node` sees what a user installing the packages sees. Resolution starts at the
 * repository root, whose node_modules/@payweave/* are the workspace symlinks.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Run an ES module snippet under `node --conditions=...`; returns stdout, throws with stderr on a non-zero exit. */
export function runModule(source: string, conditions: string[] = [], args: string[] = []): string {
  const flags = conditions.map((condition) => `--conditions=${condition}`);
  const result = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', source, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) {
    throw new Error(`node ${flags.join(' ')} exited with ${result.status}:\n${result.stderr}`);
  }
  return result.stdout;
}

/** Where Node resolves a specifier: the ESM resolver (`import`) and the CJS one (`require`), absolute paths. */
export interface Resolution {
  import: string;
  require: string;
}

const RESOLVE_SOURCE = `
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
const require = createRequire(process.cwd() + '/');
const out = {};
for (const specifier of JSON.parse(process.argv[1])) {
  const entry = {};
  try { entry.import = fileURLToPath(import.meta.resolve(specifier)); } catch (error) { entry.import = 'unresolved: ' + error.code; }
  try { entry.require = require.resolve(specifier); } catch (error) { entry.require = 'unresolved: ' + error.code; }
  out[specifier] = entry;
}
console.log(JSON.stringify(out));
`;

/** Resolve every specifier with Node's own resolvers under the given extra conditions (one child process). */
export function resolveAll(specifiers: string[], conditions: string[]): Record<string, Resolution> {
  return JSON.parse(runModule(RESOLVE_SOURCE, conditions, [JSON.stringify(specifiers)])) as Record<string, Resolution>;
}

/** What importing (ESM) and requiring (CJS) a specifier under the conditions does: `loaded` or the error message. */
export function loadOutcome(specifier: string, conditions: string[]): Resolution {
  const source = `
import { createRequire } from 'node:module';
const require = createRequire(process.cwd() + '/');
const spec = process.argv[1];
const out = {};
try { await import(spec); out.import = 'loaded'; } catch (error) { out.import = error.message; }
try { require(spec); out.require = 'loaded'; } catch (error) { out.require = error.message; }
console.log(JSON.stringify(out));
`;
  return JSON.parse(runModule(source, conditions, [specifier])) as Resolution;
}
