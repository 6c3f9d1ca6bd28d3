// ESLint flat config. Besides the recommended sets, it enforces the architecture of docs/architecture.md:
// portable code stays free of Node APIs, dependencies run one way, channels stay independent, packages talk only
// through their `exports`. Restrictions are computed per area because a file gets one `no-restricted-imports`
// setting (the last matching block wins), so each block below lists everything that applies to its files.
import { existsSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const SOURCES = 'packages/*/src/**/*.ts';
/** Files allowed to use Node APIs: `*.node.ts`, tests, contract suites and test helpers. */
const NODE_ALLOWED = ['**/*.node.ts', '**/*.test.ts', '**/*.test-d.ts', '**/*.contract.ts', 'packages/*/src/testing/**', '**/__fixtures__/**'];
const TEST_FILES = ['**/*.test.ts', '**/*.test-d.ts', '**/*.contract.ts'];

const NODE_ONLY =
  'only files named *.node.ts may use Node APIs: edge runtimes, browsers and React Native have none. Use ' +
  'packages/server/src/internal/encoding.ts (base64, hex, utf8) or the CryptoProvider, or move this code into a *.node.ts file.';

/** Bare (`crypto`, `fs/promises`) and prefixed (`node:crypto`) builtins, and this repo's own `*.node` modules. */
const nodeImports = {
  paths: builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message: `'${name}' is a Node builtin: ${NODE_ONLY}` })),
  patterns: [
    { regex: '^node:', message: `Node builtin: ${NODE_ONLY}` },
    {
      regex: '\\.node(\\.[cm]?[jt]s)?$',
      allowTypeImports: true,
      message: 'Portable code must not import a *.node.ts module (it would pull Node APIs into edge and browser bundles): ' +
        'take the implementation as a parameter and wire it in index.node.ts.',
    },
  ],
};

const nodeGlobals = ['Buffer', 'process', '__dirname', '__filename', 'require', 'global', 'module'].map((name) => ({
  name,
  message: `'${name}' is a Node global: ${NODE_ONLY}`,
}));

/** Packages talk to each other only through their published `exports`, never through another package's files. */
const deepImports = {
  paths: [],
  patterns: [
    {
      regex: '^@payweave/[^/]+/(src|dist)(/|$)',
      message: 'Import the package by its public entry (@payweave/core, @payweave/server/alipay, ...), not its src/ or dist/ files.',
    },
    {
      regex: '^(\\.\\./)+(packages/)?(core|server|client|sandbox)/(src|dist)(/|$)',
      message: 'A relative path into another package bypasses its exports: import @payweave/<package> instead.',
    },
  ],
};

const serverImport = {
  regex: '^@payweave/server(/|$)',
  message: 'The server SDK holds merchant secrets and must never reach a client bundle, not even as types: share types through @payweave/core.',
};

/** core: no server, no client, no axios (core is the bottom layer and ships no HTTP stack). */
const coreImports = {
  paths: [
    { name: 'axios', message: '@payweave/core has no HTTP stack: the server (and the client, as a peer) own axios.' },
  ],
  patterns: [
    serverImport,
    { regex: '^@payweave/client(/|$)', message: 'Dependencies run one way: core <- client. Move the shared piece into core.' },
    { regex: '^@payweave/sandbox(/|$)', message: 'Nothing at runtime depends on the sandbox.' },
  ],
};

/** client: no server; axios only as `import type` (it is an optional peer: the client must work with fetch). */
const clientImports = {
  paths: [
    {
      name: 'axios',
      allowTypeImports: true,
      message: 'axios is an optional peer of @payweave/client: accept an AxiosInstance from the app (`import type`) and default to fetch.',
    },
  ],
  patterns: [serverImport, { regex: '^@payweave/sandbox(/|$)', message: 'Nothing at runtime depends on the sandbox.' }],
};

/** Channel folders read at lint time, so a new channel is covered without editing this file. */
const channelsDir = 'packages/server/src/channels';
const channels = existsSync(channelsDir)
  ? readdirSync(channelsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)
  : [];

/** Inside channels/<own>/, any relative path through another channel's folder (or its public subpath). */
function channelImports(own) {
  const others = channels.filter((name) => name !== own);
  if (others.length === 0) return { paths: [], patterns: [] };
  const message = `Channels never import each other: move the shared helper to packages/server/src/internal/ and import it from both.`;
  return {
    paths: [],
    patterns: [
      { regex: `^\\.\\.?/(.*/)?(${others.join('|')})(/|$)`, message },
      { regex: `^@payweave/server/(${others.join('|')})$`, message },
    ],
  };
}

const dynamicNodeBuiltin = { selector: 'ImportExpression[source.value=/^node:/]', message: `A dynamic import of a Node builtin: ${NODE_ONLY}` };
/**
 * Packages that ship to edge runtimes and clients may not even lazily load a `*.node` module: bundlers follow
 * dynamic imports. (The Node-only sandbox and stores may, to keep their Node parts off the import path.)
 */
const dynamicNodeModule = {
  selector: 'ImportExpression[source.value=/\\.node(\\.[cm]?[jt]s)?$/]',
  message: 'Portable code must not load a *.node.ts module, even lazily (edge and browser bundlers follow dynamic imports): wire it in index.node.ts.',
};

function merge(...parts) {
  return { paths: parts.flatMap((part) => part.paths), patterns: parts.flatMap((part) => part.patterns) };
}

/**
 * The blocks of one area: every file gets `restrictions` (tests get `testRestrictions` when given); portable files
 * (not *.node.ts, not tests or test helpers) also get the Node import and global bans.
 */
function area(files, restrictions, testRestrictions) {
  const blocks = [{ files, rules: { '@typescript-eslint/no-restricted-imports': ['error', restrictions] } }];
  if (testRestrictions) {
    blocks.push({
      files: files.flatMap((glob) => TEST_FILES.map((test) => [glob, test])),
      rules: { '@typescript-eslint/no-restricted-imports': ['error', testRestrictions] },
    });
  }
  blocks.push({
    files,
    ignores: NODE_ALLOWED,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', merge(restrictions, nodeImports)],
      'no-restricted-globals': ['error', ...nodeGlobals],
      // no-restricted-imports does not see `import('node:fs')`.
      'no-restricted-syntax': ['error', dynamicNodeBuiltin],
    },
  });
  return blocks;
}

export default defineConfig(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', 'test-artifacts/**', 'bench/results/**', 'bench/scratch/**', 'test/.snippets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  // Most specific last: a later block replaces the `no-restricted-imports` options of an earlier one.
  {
    files: ['packages/*/test/**/*.ts', 'test/**/*.ts', 'examples/**/*.{ts,tsx,js,mjs}', 'scripts/**/*.{ts,js,mjs}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', deepImports] },
  },
  ...area([SOURCES], deepImports),
  ...area(['packages/core/src/**/*.ts'], merge(deepImports, coreImports)),
  ...area(['packages/client/src/**/*.ts'], merge(deepImports, clientImports), merge(deepImports, { paths: [], patterns: clientImports.patterns })),
  ...channels.flatMap((name) => area([`${channelsDir}/${name}/**/*.ts`], merge(deepImports, channelImports(name)))),
  {
    files: ['packages/{core,server,client}/src/**/*.ts'],
    ignores: NODE_ALLOWED,
    rules: { 'no-restricted-syntax': ['error', dynamicNodeBuiltin, dynamicNodeModule] },
  },
);
