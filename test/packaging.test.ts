/**
 * Packaging: what a user installing the built packages gets. For every package, `exports` entry and condition,
 * Node's own resolvers (ESM and CJS, with `--conditions`) must land on the intended build file, that file and its
 * types must exist, portable entries must load no Node builtin, and both formats must load and work together.
 * `.ci/run` builds first; locally, a missing dist/ is built here (`npm run build`). Rebuild by hand after changing
 * sources: this test checks dist/, not src/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeImportsOf } from './packaging/bundle-scan';
import { loadOutcome, repoRoot, resolveAll, runModule, type Resolution } from './packaging/node-child';

const PACKAGES = ['core', 'server', 'client', 'sandbox', 'store-sqlite', 'store-postgres'] as const;
/** Node-only packages: not expected to resolve for client runtimes. */
const NODE_ONLY = ['sandbox', 'store-sqlite', 'store-postgres'] as const;
type PackageName = (typeof PACKAGES)[number];
const CHANNELS = ['alipay', 'wechat', 'unionpay', 'apple'] as const;
const FORBIDDEN_MESSAGE = '@payweave/server was bundled into a client (browser/react-native)';

const packageDir = (name: PackageName) => join(repoRoot, 'packages', name);
const dist = (name: PackageName, file: string) => join(packageDir(name), 'dist', file);
const manifest = (name: PackageName) => JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8'));

/** Launcher subpaths are whatever `src/launchers/*.ts` holds (the same rule the client's tsup config uses). */
const launchers = existsSync(join(packageDir('client'), 'src/launchers'))
  ? readdirSync(join(packageDir('client'), 'src/launchers'))
      .filter((file) => file.endsWith('.ts') && !/\.(test|test-d|d|contract)\.ts$/.test(file) && !file.startsWith('_'))
      .map((file) => file.slice(0, -3))
  : [];

/** Expected resolution: dist file name (without extension) -> `{ import: name.js, require: name.cjs }`. */
const build = (name: PackageName, base: string): Resolution => ({ import: dist(name, `${base}.js`), require: dist(name, `${base}.cjs`) });

beforeAll(() => {
  const missing = PACKAGES.filter((name) => !existsSync(join(packageDir(name), 'dist')));
  if (missing.length > 0) {
    execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit', timeout: 900_000 });
  }
}, 900_000);

describe.each([
  { conditions: [] as string[], runtime: 'Node' },
  { conditions: ['worker'], runtime: 'a worker (Cloudflare, Deno, Netlify)' },
  { conditions: ['workerd'], runtime: 'Cloudflare workerd' },
  { conditions: ['edge-light'], runtime: 'Vercel edge' },
  { conditions: ['browser'], runtime: 'a browser bundle' },
  { conditions: ['react-native'], runtime: 'React Native (Metro)' },
])('resolution in $runtime (conditions: $conditions)', ({ conditions }) => {
  const condition = conditions[0] ?? 'node';
  const client = condition === 'browser' || condition === 'react-native';
  const serverMain = client ? 'forbidden' : condition === 'node' ? 'index.node' : 'index.web';
  const expected: Record<string, Resolution> = {
    '@payweave/core': build('core', 'index'),
    '@payweave/server': build('server', serverMain),
    ...Object.fromEntries(CHANNELS.map((channel) => [`@payweave/server/${channel}`, build('server', client ? 'forbidden' : channel)])),
    '@payweave/client': build('client', 'index'),
    ...Object.fromEntries(launchers.map((name) => [`@payweave/client/${name}`, build('client', `launchers/${name}`)])),
    ...(client ? {} : Object.fromEntries(NODE_ONLY.map((name) => [`@payweave/${name}`, build(name, 'index')]))),
  };

  it('every entry resolves (import and require) to the intended build file, which exists', () => {
    expect(resolveAll(Object.keys(expected), conditions)).toEqual(expected);
    const missing = Object.values(expected).flatMap((want) => [want.import, want.require]).filter((file) => !existsSync(file));
    expect(missing).toEqual([]);
  });
});

describe('the server in a client bundle', () => {
  it.each(['browser', 'react-native'])('throws the clear message on import and require under %s', (condition) => {
    for (const specifier of ['@payweave/server', '@payweave/server/alipay']) {
      const outcome = loadOutcome(specifier, [condition]);
      expect(outcome.import).toContain(FORBIDDEN_MESSAGE);
      expect(outcome.require).toContain(FORBIDDEN_MESSAGE);
      expect(outcome.import).toContain('Import @payweave/client in the app instead.');
    }
  });

  it('is marked as having side effects, so a bundler cannot drop the throwing import', () => {
    expect(manifest('server').sideEffects).toEqual(['./dist/forbidden.js', './dist/forbidden.cjs']);
  });
});

describe('bundler resolution (esbuild, no `node` condition)', () => {
  // Node always adds the `node` condition; bundlers do not. These check the `default` branch and the explicit
  // `react-native` branch of the client the way a bundler such as Metro or a worker build sees them.
  it.each([
    { specifier: '@payweave/server', conditions: [], want: dist('server', 'index.web.js') },
    { specifier: '@payweave/server', conditions: ['react-native'], want: dist('server', 'forbidden.js') },
    { specifier: '@payweave/server/wechat', conditions: ['browser'], want: dist('server', 'forbidden.js') },
    { specifier: '@payweave/client', conditions: ['react-native'], want: dist('client', 'index.js') },
    { specifier: '@payweave/core', conditions: ['react-native'], want: dist('core', 'index.js') },
  ])('$specifier with $conditions -> $want', async ({ specifier, conditions, want }) => {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      stdin: { contents: `import * as m from '${specifier}'; console.log(m);`, resolveDir: repoRoot },
      absWorkingDir: repoRoot,
      // No tsconfig: the root one maps @payweave/* to the sources, a user's project does not.
      tsconfigRaw: '{}',
      bundle: true,
      write: false,
      metafile: true,
      platform: 'neutral',
      conditions,
      logLevel: 'silent',
      // Only the entry under test is resolved through its exports map; what it imports in turn stays external.
      plugins: [{ name: 'entry-only', setup: (b) => b.onResolve({ filter: /^[^./]/ }, (args) => (args.importer === '<stdin>' ? undefined : { external: true })) }],
    });
    const inputs = Object.keys(result.metafile.inputs).map((input) => join(repoRoot, input));
    expect(inputs).toContain(want);
  });

  it('the client declares the react-native condition explicitly for the main entry and launchers', () => {
    const exports = manifest('client').exports;
    expect(exports['.']['react-native']).toEqual({ import: './dist/index.js', require: './dist/index.cjs' });
    expect(exports['./*']['react-native']).toEqual({ import: './dist/launchers/*.js', require: './dist/launchers/*.cjs' });
    expect(manifest('client').sideEffects).toBe(false);
  });
});

describe('files referenced by package.json', () => {
  it.each(PACKAGES)('%s: every exports target, main/module/types and bin exist', (name) => {
    const pkg = manifest(name);
    const targets = [pkg.main, pkg.module, pkg.types, ...Object.values(pkg.bin ?? {}), ...exportTargets(pkg.exports)];
    const missing = expandPatterns(targets).filter((target) => !existsSync(join(packageDir(name), target)));
    expect(missing).toEqual([]);
  });

  it.each(PACKAGES)('%s: every JS file in exports has .d.ts next to .js and .d.cts next to .cjs', (name) => {
    const code = expandPatterns(exportTargets(manifest(name).exports)).filter((target) => /\.c?js$/.test(target));
    expect(code.length).toBeGreaterThan(0);
    const missing = code
      .map((target) => target.replace(/\.js$/, '.d.ts').replace(/\.cjs$/, '.d.cts'))
      .filter((target) => !existsSync(join(packageDir(name), target)));
    expect(missing).toEqual([]);
  });

  it.each(['sandbox', 'store-postgres'] as const)('%s: every bin is an executable ES module with a node shebang', (name) => {
    const bins = Object.values(manifest(name).bin ?? {}) as string[];
    expect(bins.length).toBeGreaterThan(0);
    for (const bin of bins) {
      const file = join(packageDir(name), bin);
      expect(readFileSync(file, 'utf8').startsWith('#!/usr/bin/env node\n'), `${bin} shebang`).toBe(true);
      expect(statSync(file).mode & 0o111, `${bin} executable bits`).not.toBe(0);
    }
  });
});

describe('TypeScript resolves the right declarations', () => {
  const specifiers = [
    '@payweave/core',
    '@payweave/server',
    ...CHANNELS.map((channel) => `@payweave/server/${channel}`),
    '@payweave/client',
    ...launchers.map((name) => `@payweave/client/${name}`),
    ...NODE_ONLY.map((name) => `@payweave/${name}`),
  ];
  const nodeNext = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };

  it.each(specifiers)('%s: .d.ts from an ES module, .d.cts from a CommonJS module (NodeNext)', (specifier) => {
    const resolveFrom = (mode: ts.ResolutionMode) =>
      ts.resolveModuleName(specifier, join(repoRoot, 'consumer.ts'), nodeNext, ts.sys, undefined, undefined, mode).resolvedModule?.resolvedFileName ?? 'unresolved';
    const fromEsm = resolveFrom(ts.ModuleKind.ESNext);
    const fromCjs = resolveFrom(ts.ModuleKind.CommonJS);
    expect(fromEsm).toMatch(/\/dist\/.+\.d\.ts$/);
    expect(fromCjs).toMatch(/\/dist\/.+\.d\.cts$/);
    expect(fromCjs.slice(0, -'.d.cts'.length)).toBe(fromEsm.slice(0, -'.d.ts'.length));
    expect(existsSync(fromEsm) && existsSync(fromCjs)).toBe(true);
  });
});

describe('portable builds load no Node builtin', () => {
  const portable: [PackageName, string][] = [
    ['core', 'index'],
    ['server', 'index.web'],
    ...CHANNELS.map((channel): [PackageName, string] => ['server', channel]),
    ['client', 'index'],
    ...launchers.map((name): [PackageName, string] => ['client', `launchers/${name}`]),
  ];
  it.each(portable.flatMap(([name, base]) => [`${name}/dist/${base}.js`, `${name}/dist/${base}.cjs`]))('%s and its chunks', (file) => {
    const entry = join(repoRoot, 'packages', file);
    expect(existsSync(entry), `${entry} missing`).toBe(true);
    expect(nodeImportsOf(entry).map((line) => relative(repoRoot, line))).toEqual([]);
  });
});

describe('both formats load and work together', () => {
  it('ESM and CJS builds expose the public API, and errors cross the ESM/CJS boundary', () => {
    const report = JSON.parse(runModule(SMOKE_SOURCE));
    expect(report).toEqual({
      toYuan: { esm: '19.99', cjs: '19.99' },
      createPayServer: { esm: 'function', cjs: 'function' },
      channels: Object.fromEntries(CHANNELS.map((channel) => [channel, { esm: 'function', cjs: 'function' }])),
      createPayClient: { esm: 'function', cjs: 'function' },
      createSandbox: { esm: 'function', cjs: 'function' },
      sqliteStore: { esm: 'function', cjs: 'function' },
      postgresStore: { esm: 'function', cjs: 'function' },
      launchersLoad: Object.fromEntries(launchers.map((name) => [name, { esm: true, cjs: true }])),
      separateCopies: true,
      esmRecognisesCjsError: { PayError: true, PayGatewayError: true, PayConfigError: false },
      cjsRecognisesEsmError: true,
    });
  });
});

/** Every leaf path of an `exports` value, whatever the nesting of conditions. */
function exportTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(exportTargets);
  return [];
}

/** Targets with the client's `./*` launcher pattern expanded to every launcher. */
function expandPatterns(targets: string[]): string[] {
  return targets.flatMap((target) => (target.includes('*') ? launchers.map((launcher) => target.replace('*', launcher)) : [target]));
}

const SMOKE_SOURCE = `
import { createRequire } from 'node:module';
const require = createRequire(process.cwd() + '/');
const both = async (specifier, pick) => ({ esm: pick(await import(specifier)), cjs: pick(require(specifier)) });
const core = await import('@payweave/core');
const coreCjs = require('@payweave/core');
const fromCjs = new coreCjs.PayGatewayError('gateway said no', { code: 'GATEWAY_ERROR' });
const fromEsm = new core.PaySignatureError('bad signature');
const launchers = ${JSON.stringify(launchers)};
const launchersLoad = {};
for (const name of launchers) launchersLoad[name] = await both('@payweave/client/' + name, (m) => typeof m === 'object');
const channels = {};
for (const name of ${JSON.stringify(CHANNELS)}) channels[name] = await both('@payweave/server/' + name, (m) => typeof m[name]);
console.log(JSON.stringify({
  toYuan: await both('@payweave/core', (m) => m.toYuan(1999)),
  createPayServer: await both('@payweave/server', (m) => typeof m.createPayServer),
  channels,
  createPayClient: await both('@payweave/client', (m) => typeof m.createPayClient),
  createSandbox: await both('@payweave/sandbox', (m) => typeof m.createSandbox),
  sqliteStore: await both('@payweave/store-sqlite', (m) => typeof m.sqliteStore),
  postgresStore: await both('@payweave/store-postgres', (m) => typeof m.postgresStore),
  launchersLoad,
  separateCopies: core.PayError !== coreCjs.PayError,
  esmRecognisesCjsError: {
    PayError: core.PayError.isInstance(fromCjs),
    PayGatewayError: core.PayGatewayError.isInstance(fromCjs),
    PayConfigError: core.PayConfigError.isInstance(fromCjs),
  },
  cjsRecognisesEsmError: coreCjs.PaySignatureError.isInstance(fromEsm),
}));
`;
