/**
 * Build options shared by every package's `tsup.config.ts`: ESM + CJS, `.d.ts` + `.d.cts`, sourcemaps, Node 20 /
 * ES2022 output. Dependencies stay external (tsup reads them from each package.json), so every package ships only
 * its own code and resolves `@payweave/core` through its `exports` map.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Options } from 'tsup';

// tsup's built-in `native-node-modules` esbuild plugin runs first for every import ending in `.node` (native addons)
// and resolves it with `require.resolve`, which only tries .js/.json/.node: `import './crypto/provider.node'` (our
// `*.node.ts` convention) then fails with "Cannot find module". Teaching this build process's resolver the `.ts`
// extension lets that plugin find `provider.node.ts` and hand it back to esbuild as an ordinary source file.
const require = createRequire(import.meta.url);
require.extensions['.ts'] ??= require.extensions['.js'];

/** Options every payweave package is built with; spread first, then add `entry`. */
export const sharedOptions = {
  format: ['esm', 'cjs'],
  // Both node20 and es2022: server and client code must also run on edge runtimes and in browsers.
  target: ['node20', 'es2022'],
  dts: true,
  sourcemap: true,
  clean: true,
  // One copy of shared internals per format, so a channel built into `alipay.cjs` and the server in
  // `index.node.cjs` share module state (CJS splitting is off in tsup by default).
  splitting: true,
  outDir: 'dist',
  // Keep `node:` specifiers as written (tsup 8 strips the prefix by default; prefix-only modules need it).
  removeNodeProtocol: false,
} satisfies Options;

/** `{ [outName]: 'src/<dir>/<name>/index.ts' }` for each folder of `dir` that has an `index.ts`, read at build time. */
export function folderEntries(packageDir: string, dir: string): Record<string, string> {
  const root = join(packageDir, dir);
  if (!existsSync(root)) return {};
  const entries: Record<string, string> = {};
  for (const folder of readdirSync(root, { withFileTypes: true })) {
    if (folder.isDirectory() && existsSync(join(root, folder.name, 'index.ts'))) {
      entries[folder.name] = `${dir}/${folder.name}/index.ts`;
    }
  }
  return entries;
}

/** `{ [outPrefix/name]: 'src/<dir>/<name>.ts' }` for each module of `dir` (not tests, not `_`-prefixed helpers). */
export function fileEntries(packageDir: string, dir: string, outPrefix: string): Record<string, string> {
  const root = join(packageDir, dir);
  if (!existsSync(root)) return {};
  const entries: Record<string, string> = {};
  for (const file of readdirSync(root)) {
    if (isPublicModule(file)) entries[`${outPrefix}/${file.slice(0, -'.ts'.length)}`] = `${dir}/${file}`;
  }
  return entries;
}

/** True for `name.ts`; false for tests, type tests, declarations and `_`-prefixed internal helpers. */
export function isPublicModule(file: string): boolean {
  return file.endsWith('.ts') && !/\.(test|test-d|d|contract)\.ts$/.test(file) && !file.startsWith('_');
}

/** The entries of `wanted` whose source file exists now (entries written by other work streams appear later). */
export function existingEntries(packageDir: string, wanted: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(wanted).filter(([, source]) => existsSync(join(packageDir, source))));
}

/**
 * The builds of a Node-only package with a command: the library (`dist/index.{js,cjs,d.ts,d.cts}`) and, once
 * `src/cli.node.ts` exists, the command as one self-contained ESM file `dist/cli.js` with a shebang (tsup then
 * marks it executable). The command has no chunks, so the library's clean, which runs in parallel, can spare it.
 */
export function nodeLibraryWithCommand(packageDir: string): Options[] {
  const library: Options = {
    ...sharedOptions,
    entry: { index: 'src/index.ts' },
    platform: 'node',
    clean: ['!cli.js', '!cli.js.map'],
  };
  const cliSource = join(packageDir, 'src/cli.node.ts');
  if (!existsSync(cliSource)) return [library];
  const command: Options = {
    ...sharedOptions,
    entry: { cli: 'src/cli.node.ts' },
    platform: 'node',
    format: ['esm'],
    splitting: false,
    dts: false,
    clean: false,
    // esbuild keeps a shebang written in the source; add one only when the source has none (two would not parse).
    banner: readFileSync(cliSource, 'utf8').startsWith('#!') ? {} : { js: '#!/usr/bin/env node' },
  };
  return [library, command];
}
