/**
 * Static scan of a built file and every chunk it reaches through relative imports: which module specifiers the
 * bundle loads. Used to prove that portable entries (edge, browser) load no Node builtin.
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';

const SPECIFIER_PATTERNS = [
  /\b(?:import|export)\s*(?:[\w*${}\s,]*?\bfrom\s*)?["']([^"']+)["']/g, // import x from '...'; import '...'; export * from '...'
  /\bimport\(\s*["']([^"']+)["']\s*\)/g, // import('...')
  /\brequire\(\s*["']([^"']+)["']\s*\)/g, // require('...') in CJS builds
];

const BUILTINS = new Set(builtinModules);

/** True for `node:fs`, `fs`, `fs/promises`: anything that exists only on Node. */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier);
}

/** Every specifier that `entryFile` and its relatively-imported chunks load, keyed by the file that loads it. */
export function bundleImports(entryFile: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const pending = [entryFile];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    const source = readFileSync(file, 'utf8');
    const specifiers = SPECIFIER_PATTERNS.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1] as string));
    seen.set(file, specifiers);
    for (const specifier of specifiers) {
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier);
      if (!existsSync(target)) throw new Error(`${file} imports ${specifier}, which does not exist`);
      pending.push(target);
    }
  }
  return seen;
}

/** `file: specifier` for each Node builtin loaded by the entry or its chunks (empty when portable). */
export function nodeImportsOf(entryFile: string): string[] {
  return [...bundleImports(entryFile)].flatMap(([file, specifiers]) =>
    specifiers.filter(isNodeBuiltin).map((specifier) => `${file}: ${specifier}`),
  );
}
