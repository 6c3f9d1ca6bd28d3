import { defineConfig } from 'tsup';
import { sharedOptions } from '../../scripts/tsup-shared';

/** @payweave/core: one portable entry (dist/index.{js,cjs,d.ts,d.cts}). */
export default defineConfig({
  ...sharedOptions,
  entry: { index: 'src/index.ts' },
});
