#!/usr/bin/env node
/**
 * Measures the browser bundle of @payweave/client from its TypeScript sources: (a) everything, every launcher
 * included, and (b) createPayClient with one launcher, for each launcher. Minified ESM for the browser, axios
 * external, @payweave/core resolved to its source. Prints raw and gzip sizes and whether any zod code got in.
 *
 *   node scripts/client-size.mjs           table
 *   node scripts/client-size.mjs --json    the results as JSON on stdout
 *   node scripts/client-size.mjs --check   exit 1 when zod is bundled or a budget is exceeded
 *   node scripts/client-size.mjs --core-dist   resolve @payweave/core to its build (packages/core/dist/index.js,
 *                                              run `npm run build` first): what an app installing the packages gets
 * (exit 1 whenever zod is bundled, with or without --check)
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const clientSrc = join(root, 'packages/client/src');
const launchersDir = join(clientSrc, 'launchers');
const BUDGET_ALL = 6 * 1024;
const BUDGET_ONE = 3 * 1024;
// Strings that survive minification in zod's runtime (class and internal names).
const ZOD_MARKERS = ['ZodError', '$ZodType', '_zod'];

const args = new Set(process.argv.slice(2));
const json = args.has('--json');
const check = args.has('--check');
const coreEntry = args.has('--core-dist') ? join(root, 'packages/core/dist/index.js') : join(root, 'packages/core/src/index.ts');

/** Published entry points -> source files, the way the build maps them. */
const sourcesPlugin = {
  name: 'payweave-sources',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^@payweave\/core$/ }, () => ({ path: coreEntry }));
    pluginBuild.onResolve({ filter: /^@payweave\/client$/ }, () => ({ path: join(clientSrc, 'index.ts') }));
    pluginBuild.onResolve({ filter: /^@payweave\/client\/[a-z_]+$/ }, (args) => ({
      path: join(launchersDir, `${args.path.split('/')[2]}.ts`),
    }));
  },
};

const launcherNames = readdirSync(launchersDir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
  .map((file) => file.slice(0, -3))
  .sort();

async function measure(name, contents, budget) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: `${name}.entry.ts` },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: ['axios'],
    metafile: true,
    logLevel: 'silent',
    plugins: [sourcesPlugin],
  });
  const code = result.outputFiles[0].contents;
  const text = new TextDecoder().decode(code);
  // Inputs that put bytes in the output (metafile.inputs also lists files parsed and then tree-shaken away).
  const contributed = Object.values(result.metafile.outputs)[0].inputs;
  const inputs = Object.keys(contributed).filter((input) => contributed[input].bytesInOutput > 0);
  const zodInputs = inputs.filter((input) => /node_modules[\\/]zod[\\/]/.test(input));
  const zodMarkers = ZOD_MARKERS.filter((marker) => text.includes(marker));
  const gzip = gzipSync(code, { level: 9 }).length;
  return {
    name,
    raw: code.length,
    gzip,
    budget,
    withinBudget: gzip <= budget,
    zod: zodInputs.length > 0 || zodMarkers.length > 0,
    zodInputs,
    zodMarkers,
    inputs: Object.fromEntries(
      inputs.filter((input) => !input.includes('.entry.ts')).map((input) => [input.replace(`${root}/`, ''), contributed[input].bytesInOutput]),
    ),
  };
}

const everything = [
  "export * from '@payweave/client';",
  ...launcherNames.map((launcher) => `export * from '@payweave/client/${launcher}';`),
].join('\n');
const results = [await measure('all launchers', everything, BUDGET_ALL)];
for (const launcher of launcherNames) {
  const exportsOf = `export { createPayClient } from '@payweave/client';\nexport * from '@payweave/client/${launcher}';`;
  results.push(await measure(`createPayClient + ${launcher}`, exportsOf, BUDGET_ONE));
}

const zodFound = results.some((result) => result.zod);
const overBudget = results.filter((result) => !result.withinBudget);

if (json) {
  process.stdout.write(`${JSON.stringify({ results, zodFound, overBudget: overBudget.map((r) => r.name) }, null, 2)}\n`);
} else {
  const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
  console.log(`@payweave/client bundle (minified ESM, browser, axios external, core from ${coreEntry.replace(`${root}/`, '')})\n`);
  for (const result of results) {
    const flags = [result.withinBudget ? '' : `OVER BUDGET (${kb(result.budget)})`, result.zod ? 'ZOD BUNDLED' : ''].filter(Boolean).join(' ');
    console.log(`${result.name.padEnd(34)} ${kb(result.raw).padStart(10)} min  ${kb(result.gzip).padStart(10)} min+gz  ${flags}`);
  }
  console.log(`\nzod in bundle: ${zodFound ? 'YES' : 'no'}`);
  for (const result of results.filter((r) => r.zod)) {
    console.log(`  ${result.name}: inputs ${result.zodInputs.join(', ') || '-'}; markers ${result.zodMarkers.join(', ') || '-'}`);
  }
}

if (zodFound || (check && overBudget.length > 0)) process.exitCode = 1;
