import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';
import { sharedOptions } from '../../scripts/tsup-shared';

const cliSource = fileURLToPath(new URL('./src/cli.node.ts', import.meta.url));

/** The library: `dist/index.{js,cjs,d.ts,d.cts}`. Its clean leaves the command's files alone (builds run in parallel). */
const library: Options = {
  ...sharedOptions,
  entry: { index: 'src/index.ts' },
  platform: 'node',
  clean: ['!cli.js', '!cli.js.map'],
};

/**
 * The `payweave-sandbox` command: one self-contained `dist/cli.js` (no chunks, so the library's clean cannot race
 * with it), ESM with a shebang (tsup then marks it executable), no types.
 */
const command: Options = {
  ...sharedOptions,
  entry: { cli: 'src/cli.node.ts' },
  platform: 'node',
  format: ['esm'],
  splitting: false,
  dts: false,
  clean: false,
  // esbuild keeps a shebang written in the source; add one only when the source has none (two would not parse).
  banner: existsSync(cliSource) && readFileSync(cliSource, 'utf8').startsWith('#!') ? {} : { js: '#!/usr/bin/env node' },
};

/** @payweave/sandbox is Node-only: the library and, once `src/cli.node.ts` exists, the command. */
export default defineConfig(existsSync(cliSource) ? [library, command] : [library]);
