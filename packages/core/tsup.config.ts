import { defineConfig } from 'tsup';
import { sharedOptions } from '../../scripts/tsup-shared';

/**
 * @payweave/core: one public entry (dist/index.*), built from several entry points with code splitting so that the
 * zod-free modules (errors, money, channels) land in files of their own and `index` only re-exports. A bundler that honours
 * `"sideEffects": false` then drops the schema chunk (and zod) from a client that only uses errors and helpers.
 */
export default defineConfig({
  ...sharedOptions,
  entry: {
    index: 'src/index.ts',
    errors: 'src/errors.ts',
    money: 'src/money.ts',
    channels: 'src/channels.ts',
    validate: 'src/validate.ts',
    'models/charge-input': 'src/models/charge-input.ts',
    'models/charge': 'src/models/charge.ts',
    'models/event': 'src/models/event.ts',
    'models/validators': 'src/models/validators.ts',
  },
});
