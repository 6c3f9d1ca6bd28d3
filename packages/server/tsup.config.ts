import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import { existingEntries, folderEntries, sharedOptions } from '../../scripts/tsup-shared';

const packageDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * @payweave/server entries (package.json `exports` maps conditions onto them):
 * - `index.node` for Node, `index.web` for edge/worker runtimes (portable: no `node:` import in it or its chunks),
 * - `forbidden` for the `browser`/`react-native` conditions (throws on import),
 * - one portable entry per channel folder `src/channels/<name>/index.ts` -> `dist/<name>.js`,
 * - `testing` (test helpers) when `src/testing.ts` exists.
 * Channel folders are read at build time, so a new channel is built without touching this file.
 */
export default defineConfig({
  ...sharedOptions,
  entry: {
    ...existingEntries(packageDir, {
      'index.node': 'src/index.node.ts',
      'index.web': 'src/index.web.ts',
      forbidden: 'src/forbidden.ts',
      testing: 'src/testing.ts',
    }),
    ...folderEntries(packageDir, 'src/channels'),
  },
  // The dependencies, plus vitest: `@payweave/server/testing` runs the store contract suite inside the user's vitest.
  external: ['@payweave/core', 'axios', 'zod', 'fast-xml-parser', 'node-forge', 'vitest'],
});
