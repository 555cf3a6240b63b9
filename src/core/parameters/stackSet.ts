// Stack-set preferences (CFN_STACKSET products): which accounts and Regions, and how failures and
// concurrency are bounded. Counts and percentages exclude each other, per the model.
import type { StackSetSection } from './formModel';
import { validateAccountId, validateRegion } from './validators';

export type StackSetOperationType = 'CREATE' | 'UPDATE' | 'DELETE';

/** Form inputs arrive as text; numbers are accepted too. Empty means "not given". */
export type NumberInput = string | number;

export interface StackSetSubmission {
  readonly accounts?: readonly string[];
  readonly regions?: readonly string[];
  readonly failureToleranceCount?: NumberInput;
  readonly failureTolerancePercentage?: NumberInput;
  readonly maxConcurrencyCount?: NumberInput;
  readonly maxConcurrencyPercentage?: NumberInput;
  /** Update only. */
  readonly operationType?: StackSetOperationType;
}

type NumericKey = 'failureToleranceCount' | 'failureTolerancePercentage' | 'maxConcurrencyCount' | 'maxConcurrencyPercentage';

/** The model's bounds: tolerance count ≥ 0, tolerance % 0–100, concurrency count ≥ 1, concurrency % 1–100. */
const BOUNDS: Record<NumericKey, { min: number; max?: number; label: string }> = {
  failureToleranceCount: { min: 0, label: 'Failure tolerance count' },
  failureTolerancePercentage: { min: 0, max: 100, label: 'Failure tolerance percentage' },
  maxConcurrencyCount: { min: 1, label: 'Maximum concurrency count' },
  maxConcurrencyPercentage: { min: 1, max: 100, label: 'Maximum concurrency percentage' },
};

export function isGiven(input: NumberInput | undefined): input is NumberInput {
  return input !== undefined && String(input).trim() !== '';
}

/** The integer an input holds, or undefined when it is not a whole number. */
export function parseWholeNumber(input: NumberInput): number | undefined {
  const text = String(input).trim();
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

function boundsError(key: NumericKey, input: NumberInput): string | undefined {
  const { min, max, label } = BOUNDS[key];
  const value = parseWholeNumber(input);
  const range = max === undefined ? `${min} or more` : `between ${min} and ${max}`;
  if (value === undefined || value < min || (max !== undefined && value > max)) return `${label} must be a whole number ${range}.`;
  return undefined;
}

function validateChoices(
  chosen: readonly string[], allowed: readonly string[], check: (v: string) => string | undefined, what: string, path: string,
  errors: Record<string, string>,
): void {
  chosen.forEach((value, index) => {
    const error = check(value) ?? (allowed.length && !allowed.includes(value) ? `${what} ${value} is not allowed by the stack set constraint.` : undefined);
    if (error) errors[`${path}.${index}`] = error;
  });
}

function validateExclusivePair(
  submission: StackSetSubmission, countKey: NumericKey, percentageKey: NumericKey, errors: Record<string, string>,
): void {
  if (isGiven(submission[countKey]) && isGiven(submission[percentageKey])) {
    const message = `Give either ${BOUNDS[countKey].label.toLowerCase()} or ${BOUNDS[percentageKey].label.toLowerCase()}, not both.`;
    errors[`stackSet.${countKey}`] = message;
    errors[`stackSet.${percentageKey}`] = message;
  }
}

export function validateStackSetPreferences(
  section: StackSetSection, submission: StackSetSubmission, mode: 'provision' | 'update',
): Record<string, string> {
  const errors: Record<string, string> = {};
  validateChoices(submission.accounts ?? [], section.accounts, validateAccountId, 'Account', 'stackSet.accounts', errors);
  validateChoices(submission.regions ?? [], section.regions, validateRegion, 'Region', 'stackSet.regions', errors);
  for (const key of Object.keys(BOUNDS) as NumericKey[]) {
    const input = submission[key];
    const error = isGiven(input) ? boundsError(key, input) : undefined;
    if (error) errors[`stackSet.${key}`] = error;
  }
  validateExclusivePair(submission, 'failureToleranceCount', 'failureTolerancePercentage', errors);
  validateExclusivePair(submission, 'maxConcurrencyCount', 'maxConcurrencyPercentage', errors);
  if (submission.operationType !== undefined && mode === 'provision') {
    errors['stackSet.operationType'] = 'The stack set operation type applies to updates only.';
  }
  return errors;
}
