import type * as z from 'zod';
import { PayValidationError, type PayIssue } from './errors';

/** Zod issues to payweave's own `{ path, message }` (callers never see zod types). */
export function toPayIssues(error: z.ZodError): PayIssue[] {
  const issues = (error as { issues?: unknown } | null | undefined)?.issues;
  if (!Array.isArray(issues)) {
    throw new PayValidationError('toPayIssues expects the ZodError of a failed safeParse (result.error)', [{ path: '(root)', message: 'expected a ZodError' }]);
  }
  return (issues as z.ZodError['issues']).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/**
 * Parse `value` with `schema`, or throw a `PayValidationError` naming `what` and listing every problem.
 * The message repeats the first problems so that a log line alone says what to fix.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = toPayIssues(result.error);
  const summary = issues
    .slice(0, 3)
    .map((issue) => `${issue.path}: ${issue.message}`)
    .join('; ');
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  throw new PayValidationError(`invalid ${what}: ${summary}${more}`, issues);
}
