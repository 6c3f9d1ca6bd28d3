/**
 * Exact conversion between integer minor units (fen) and the yuan strings some gateways use.
 * Pure string/integer arithmetic: no floating point ever touches an amount.
 */
import { PayValidationError } from './errors';

const YUAN_PATTERN = /^(0|[1-9]\d*)(?:\.(\d{1,2}))?$/;

/** Throws unless `amount` is a non-negative safe integer number of minor units. */
export function assertMinorUnits(amount: unknown, path = 'amount'): asserts amount is number {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
    throw new PayValidationError(
      `${path} must be a non-negative integer number of minor units (fen), e.g. 1999 for 19.99 CNY; got ${describe(amount)}`,
      [{ path, message: 'expected a non-negative safe integer (minor units)' }],
    );
  }
}

/** `toYuan(1999) === '19.99'`, `toYuan(5) === '0.05'`: minor units to a two-decimal yuan string. */
export function toYuan(amount: number): string {
  assertMinorUnits(amount);
  const digits = String(amount).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * `fromYuan('19.99') === 1999`: a gateway's yuan string (0-2 decimals, no sign, no exponent) to minor units.
 * Anything else (`'19.999'`, `'1e3'`, `' 1'`, `'-1'`) is a `PayValidationError`: a gateway amount must never be guessed.
 */
export function fromYuan(yuan: string): number {
  const match = typeof yuan === 'string' ? YUAN_PATTERN.exec(yuan) : null;
  if (!match) {
    throw new PayValidationError(
      `expected a yuan amount like "19.99" (digits, at most two decimals, no sign); got ${describe(yuan)}`,
      [{ path: 'amount', message: 'expected a yuan string with at most two decimals' }],
    );
  }
  const whole = match[1] as string;
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const result = Number(whole + fraction);
  if (!Number.isSafeInteger(result)) {
    throw new PayValidationError(`yuan amount ${describe(yuan)} is too large to represent exactly`, [
      { path: 'amount', message: 'amount exceeds Number.MAX_SAFE_INTEGER minor units' },
    ]);
  }
  return result;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return typeof value;
}
