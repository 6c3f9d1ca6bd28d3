/**
 * @payweave/core: the models shared by the payweave server and client.
 * Zod schemas live beside their inferred types; the package is side-effect free, so a client that imports only
 * types, errors, channel rules or money helpers bundles no zod runtime.
 */
export * from './errors';
export * from './money';
export * from './channels';
export * from './models/charge-input';
export * from './models/charge';
export * from './models/event';
export { parseOrThrow, toPayIssues } from './validate';

import { CreateChargeInputSchema, CreateRefundInputSchema, type ValidChargeInput, type CreateRefundInput } from './models/charge-input';
import { parseOrThrow } from './validate';

/** Validate a charge request against the common schema and its channel's rules; throws `PayValidationError`. */
export function validateChargeInput(input: unknown): ValidChargeInput {
  const parsed = parseOrThrow(CreateChargeInputSchema, input, 'charge request');
  return { ...parsed, currency: 'CNY' };
}

/** Validate a refund request; throws `PayValidationError`. */
export function validateRefundInput(input: unknown): CreateRefundInput {
  return parseOrThrow(CreateRefundInputSchema, input, 'refund request');
}
