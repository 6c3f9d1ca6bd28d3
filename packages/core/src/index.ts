/**
 * @payweave/core: the models shared by the payweave server and client.
 * Zod schemas live beside their inferred types. The package is side-effect free and its build keeps errors, money
 * and channel rules in modules of their own, so a client that imports only those bundles no zod runtime
 * (`npm run size` checks it on every build).
 */
export * from './errors';
export * from './money';
export * from './channels';
export * from './models/charge-input';
export * from './models/charge';
export * from './models/event';
export * from './models/validators';
export { parseOrThrow, toPayIssues } from './validate';
