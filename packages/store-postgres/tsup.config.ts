import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import { nodeLibraryWithCommand } from '../../scripts/tsup-shared';

/** @payweave/store-postgres (Node only): the library and the `payweave-postgres-migrate` command (`dist/cli.js`). */
export default defineConfig(nodeLibraryWithCommand(fileURLToPath(new URL('.', import.meta.url))));
