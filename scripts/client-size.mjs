#!/usr/bin/env node
/**
 * Measures the browser bundle of @payweave/client from its TypeScript sources. Minified ESM for the browser, axios
 * external, @payweave/core resolved to its source. Prints raw and gzip sizes and whether any zod code got in.
 *
 * The budgets of issue 9 ("all launchers <= 6 KB min+gz without axios; a single launcher + createPayClient <= 3 KB"):
 *   - all launchers: createPayClient and every launcher module together, <= 6 KB.
 *   - a single launcher: createPayClient with the launcher of ONE client surface, <= 3 KB. A page runs on one surface
 *     and imports that surface's launcher: the generic `redirect` and `qr`, `apple_iap`, and the per-surface modules
 *     of the providers (`alipay_app`, `unionpay_app`, `wechat_jsapi`, `wechat_mini`, `wechat_h5`, `wechat_native`,
 *     `wechat_app`).
 *   - provider modules: a provider's all-surfaces module (`alipay`, `unionpay`, `wechat`: a launcher module beside
 *     which `<name>_<surface>` modules exist) re-exports its surface launchers and combines them, for apps that offer
 *     several surfaces. Reported on lines of their own; they are a part of "all launchers", so they are held to its
 *     6 KB budget, not to the single-surface 3 KB one.
 *
 *   node scripts/client-size.mjs           table
 *   node scripts/client-size.mjs --json    the results as JSON on stdout
 *   node scripts/client-size.mjs --check   exit 1 when zod is bundled or a budget is exceeded (run in CI)
 *   node scripts/client-size.mjs --core-dist   resolve @payweave/core to its build (packages/core/dist/index.js,
 *                                              run `npm run build -w @payweave/core` first): what an app installing
 *                                              the packages gets
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

/** A provider's all-surfaces module: per-surface modules `<name>_<surface>` exist beside it. */
const isProviderModule = (name) => launcherNames.some((other) => other.startsWith(`${name}_`));

async function measure(name, kind, contents, budget) {
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
    kind,
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
const results = [await measure('all launchers', 'all', everything, BUDGET_ALL)];
const withClient = (launcher) => `export { createPayClient } from '@payweave/client';\nexport * from '@payweave/client/${launcher}';`;
for (const launcher of launcherNames.filter((name) => !isProviderModule(name))) {
  results.push(await measure(`createPayClient + ${launcher}`, 'surface', withClient(launcher), BUDGET_ONE));
}
for (const launcher of launcherNames.filter(isProviderModule)) {
  results.push(await measure(`createPayClient + ${launcher} (all surfaces)`, 'provider', withClient(launcher), BUDGET_ALL));
}

const zodFound = results.some((result) => result.zod);
const overBudget = results.filter((result) => !result.withinBudget);

if (json) {
  process.stdout.write(`${JSON.stringify({ results, zodFound, overBudget: overBudget.map((r) => r.name) }, null, 2)}\n`);
} else {
  const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
  console.log(`@payweave/client bundle (minified ESM, browser, axios external, core from ${coreEntry.replace(`${root}/`, '')})`);
  const headings = { all: '', surface: 'a single launcher (one client surface) + createPayClient', provider: 'provider modules (every surface of one provider) + createPayClient' };
  let kind;
  for (const result of results) {
    if (result.kind !== kind) console.log(`\n${headings[(kind = result.kind)]}`.trimEnd());
    const flags = [result.withinBudget ? 'ok' : 'OVER BUDGET', result.zod ? 'ZOD BUNDLED' : ''].filter(Boolean).join(' ');
    console.log(`  ${result.name.padEnd(44)} ${kb(result.raw).padStart(9)} min ${kb(result.gzip).padStart(9)} min+gz  <= ${kb(result.budget)}  ${flags}`);
  }
  console.log(`\nzod in bundle: ${zodFound ? 'YES' : 'no'}`);
  for (const result of results.filter((r) => r.zod)) {
    console.log(`  ${result.name}: inputs ${result.zodInputs.join(', ') || '-'}; markers ${result.zodMarkers.join(', ') || '-'}`);
  }
}

if (zodFound || (check && overBudget.length > 0)) process.exitCode = 1;
