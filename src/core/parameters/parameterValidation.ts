// CloudFormation's parameter rules, checked before any call: AllowedValues, AllowedPattern (matching
// the whole value, see ./allowedPattern), lengths, numeric ranges and the Number type. For list
// types, AllowedValues, AllowedPattern and the number checks apply to each item, as CloudFormation does.
import { compileAllowedPattern } from './allowedPattern';
import type { ParameterField } from './formModel';
import { characterCount } from './validators';

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function listItems(field: ParameterField, value: string): string[] {
  return field.isList ? value.split(',').map((item) => item.trim()) : [value];
}

/** The reason `value` breaks a constraint, in our words; ConstraintDescription replaces it. */
function constraintViolation(field: ParameterField, value: string): string | undefined {
  const c = field.constraints;
  const items = listItems(field, value);
  if (c.allowedValues) {
    const bad = items.find((item) => !c.allowedValues!.includes(item));
    if (bad !== undefined) return `must be one of: ${c.allowedValues.join(', ')}`;
  }
  if (c.allowedPattern) {
    // A pattern that cannot be checked here is left to the service (the field's hint says so).
    const matches = compileAllowedPattern(c.allowedPattern);
    if (matches && !items.every(matches)) return `must match the pattern ${c.allowedPattern}`;
  }
  const length = characterCount(value);
  if (c.minLength !== undefined && length < c.minLength) return `must be at least ${c.minLength} characters`;
  if (c.maxLength !== undefined && length > c.maxLength) return `must be at most ${c.maxLength} characters`;
  if (field.isNumeric) {
    const numbers = items.map(Number);
    if (c.minValue !== undefined && numbers.some((n) => n < c.minValue!)) return `must be at least ${c.minValue}`;
    if (c.maxValue !== undefined && numbers.some((n) => n > c.maxValue!)) return `must be at most ${c.maxValue}`;
  }
  return undefined;
}

/**
 * The error for one parameter value, or undefined when valid. An empty value is an error only for a
 * required field; otherwise it means "use the default" and is not checked against the constraints.
 */
export function validateParameterValue(field: ParameterField, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return field.required ? `${field.label} is required.` : undefined;
  if (field.isNumeric && listItems(field, value).some((item) => !NUMBER_TEXT.test(item))) {
    return field.isList ? `${field.label} must be a comma-separated list of numbers.` : `${field.label} must be a number.`;
  }
  const violation = constraintViolation(field, value);
  if (!violation) return undefined;
  return field.constraints.constraintDescription ?? `${field.label} ${violation}.`;
}
