import { defineConfig } from 'tsup';
import { sharedOptions } from '../../scripts/tsup-shared';

/**
 * @payweave/sandbox (Node only): the library (`dist/index`, ESM + CJS + types) and the `payweave-sandbox`
 * command (`dist/cli.js`, ESM with a shebang, no types). The two builds run in parallel: the library's clean
 * leaves the command's files alone.
 */
export default defineConfig([
  {
    ...sharedOptions,
    entry: { index: 'src/index.ts' },
    platform: 'node',
    clean: ['!cli.js', '!cli.js.map'],
  },
  {
    ...sharedOptions,
    entry: { cli: 'src/cli.node.ts' },
    platform: 'node',
    format: ['esm'],
    dts: false,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
