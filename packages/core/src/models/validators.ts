import { CreateChargeInputSchema, CreateRefundInputSchema, type CreateRefundInput, type ValidChargeInput } from './charge-input';
import { parseOrThrow } from '../validate';

/** Validate a charge request against the common schema and its channel's rules; throws `PayValidationError`. */
export function validateChargeInput(input: unknown): ValidChargeInput {
  const parsed = parseOrThrow(CreateChargeInputSchema, input, 'charge request');
  return { ...parsed, currency: 'CNY' };
}

/** Validate a refund request; throws `PayValidationError`. */
export function validateRefundInput(input: unknown): CreateRefundInput {
  return parseOrThrow(CreateRefundInputSchema, input, 'refund request');
}
