import { defineConfig } from 'tsup';
import { sharedOptions } from '../../scripts/tsup-shared';

/** @payweave/store-sqlite (Node only: better-sqlite3 is a native addon): one entry, `dist/index`. */
export default defineConfig({
  ...sharedOptions,
  entry: { index: 'src/index.ts' },
  platform: 'node',
});
