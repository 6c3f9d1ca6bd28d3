import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import { fileEntries, sharedOptions } from '../../scripts/tsup-shared';

const packageDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * @payweave/client: `dist/index` plus one tree-shakable subpath per launcher (`src/launchers/<name>.ts` ->
 * `dist/launchers/<name>.js`, exported as `@payweave/client/<name>`). Launchers are read at build time.
 * One portable build serves browsers, WebViews, mini-programs and React Native.
 */
export default defineConfig({
  ...sharedOptions,
  entry: {
    index: 'src/index.ts',
    ...fileEntries(packageDir, 'src/launchers', 'launchers'),
  },
  external: ['@payweave/core', 'axios'],
});
