import { fileURLToPath } from 'node:url';
import { builtinModules } from 'node:module';
import { defineConfig, type Plugin, type UserWorkspaceConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Tests run on the TypeScript sources: every published entry point resolves to its source file. */
function aliases(serverEntry: 'index.node.ts' | 'index.web.ts') {
  return [
    { find: /^@payweave\/core$/, replacement: here('./packages/core/src/index.ts') },
    { find: /^@payweave\/server$/, replacement: here(`./packages/server/src/${serverEntry}`) },
    { find: /^@payweave\/server\/testing$/, replacement: here('./packages/server/src/testing.ts') },
    { find: /^@payweave\/server\/(alipay|wechat|unionpay|apple)$/, replacement: here('./packages/server/src/channels/$1/index.ts') },
    { find: /^@payweave\/client$/, replacement: here('./packages/client/src/index.ts') },
    { find: /^@payweave\/client\/([a-z_]+)$/, replacement: here('./packages/client/src/launchers/$1.ts') },
    { find: /^@payweave\/sandbox$/, replacement: here('./packages/sandbox/src/index.ts') },
    { find: /^@payweave\/store-sqlite$/, replacement: here('./packages/store-sqlite/src/index.ts') },
    { find: /^@payweave\/store-postgres$/, replacement: here('./packages/store-postgres/src/index.ts') },
  ];
}

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/**
 * Edge-runtime guard: a source file (not a test, not a `*.node.ts` file) that imports a Node builtin fails the
 * server-edge project at import time, the way it would fail a merchant's edge deploy.
 */
function forbidNodeBuiltins(): Plugin {
  return {
    name: 'payweave-forbid-node-builtins',
    enforce: 'pre',
    resolveId(id, importer) {
      if (!importer || !NODE_BUILTINS.has(id)) return null;
      const file = importer.split('?')[0] ?? '';
      if (!/\/packages\/(core|server|client)\/src\//.test(file)) return null;
      if (/\.node\.ts$|\.test\.ts$|\.contract\.ts$|\/testing\//.test(file)) return null;
      throw new Error(`${file} imports the Node builtin '${id}': only *.node.ts files may (edge runtimes have no Node APIs)`);
    },
  };
}

function project(name: string, include: string[], extra: UserWorkspaceConfig['test'] = {}, serverEntry: 'index.node.ts' | 'index.web.ts' = 'index.node.ts'): UserWorkspaceConfig {
  return {
    resolve: { alias: aliases(serverEntry) },
    plugins: serverEntry === 'index.web.ts' ? [forbidNodeBuiltins()] : [],
    test: { name, include, environment: 'node', testTimeout: 20_000, ...extra },
  };
}

export default defineConfig({
  test: {
    projects: [
      project('core', ['packages/core/src/**/*.test.ts']),
      project('server', ['packages/server/src/**/*.test.ts', 'packages/server/test/**/*.test.ts']),
      // The same server tests in an edge (Fetch API) runtime: a stray Buffer/process/node: import fails here.
      project(
        'server-edge',
        ['packages/server/src/**/*.test.ts'],
        {
          environment: 'edge-runtime',
          exclude: ['**/*.node.test.ts', '**/node_modules/**'],
          setupFiles: [here('./packages/server/test/edge-setup.ts')],
        },
        'index.web.ts',
      ),
      project('client', ['packages/client/src/**/*.test.ts'], { environment: 'happy-dom' }),
      project('sandbox', ['packages/sandbox/src/**/*.test.ts', 'packages/sandbox/test/**/*.test.ts']),
      project('stores', ['packages/store-sqlite/src/**/*.test.ts', 'packages/store-postgres/src/**/*.test.ts'], { hookTimeout: 60_000 }),
      project('packaging', ['test/**/*.test.ts'], { exclude: ['test/robustness/**', '**/node_modules/**'] }),
      // Issue 2: every public function, fed hostile input, fails only with a typed PayError (test/robustness/).
      project('robustness', ['test/robustness/**/*.test.ts']),
      project('examples', ['examples/**/*.test.ts'], { exclude: ['**/*.e2e.test.ts', 'examples/edge/**', '**/node_modules/**'], hookTimeout: 120_000 }),
      // The edge example in an edge (Fetch API) runtime, on the web entry of @payweave/server.
      project('examples-edge', ['examples/edge/**/*.test.ts'], { environment: 'edge-runtime', setupFiles: [here('./packages/server/test/edge-setup.ts')] }, 'index.web.ts'),
      // Real headless Chromium (playwright-core + /usr/bin/chromium): skipped with a message when absent, unless CI is set.
      project('e2e', ['examples/**/*.e2e.test.ts'], { testTimeout: 60_000, hookTimeout: 120_000 }),
    ],
  },
});
