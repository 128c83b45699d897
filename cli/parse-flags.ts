import { UserError } from '../pipeline/errors/user-error.ts';

/** The flag parsers the commands share; each throws a UserError that names the flag. */

/** 0, 1, 2, ... */
export function wholeNumber(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new UserError(`${flag}: expected a whole number, got "${value}"`, { field: flag });
  return number;
}

/** 1, 2, 3, ... */
export function positiveInteger(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UserError(`${flag}: expected a positive whole number, got "${value}"`, { field: flag });
  return number;
}

/** A whole number from min to max, both included. */
export function wholeNumberInRange(value: string, flag: string, range: { min: number; max: number }): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < range.min || number > range.max) {
    throw new UserError(`${flag}: expected a whole number from ${range.min} to ${range.max}, got "${value}"`, { field: flag });
  }
  return number;
}

/** Any number above 0; undefined when the flag was not given. */
export function optionalPositiveNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!(number > 0)) throw new UserError(`${flag}: expected a positive number, got "${value}"`, { field: flag });
  return number;
}

/** A number (or integer) from min to max; a max of Number.MAX_SAFE_INTEGER reads as "at least min". */
export function numberFlag(options: { flag: string; value: string; min: number; max: number; integer: boolean }): number {
  const { flag, value, min, max, integer } = options;
  const parsed = Number(value);
  const ok = value.trim() !== '' && Number.isFinite(parsed) && (!integer || Number.isInteger(parsed)) && parsed >= min && parsed <= max;
  if (!ok) {
    const kind = integer ? 'an integer' : 'a number';
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
    throw new UserError(`${flag} must be ${kind} ${range}, got "${value}"`, { field: flag });
  }
  return parsed;
}

/** A number above 0 and at most 1. */
export function fractionFlag(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || number > 1) {
    throw new UserError(`${flag} must be a number in (0, 1], got "${value}"`, { field: flag });
  }
  return number;
}
