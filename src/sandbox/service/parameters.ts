// Provisioning-parameter rules as CloudFormation applies them, with CloudFormation's wording.
// Pure (no state, no I/O); NoEcho values are kept only as digests (./secrets).
import { compileAllowedPattern } from '../../core/parameters/allowedPattern';
import { characterCount } from '../../core/parameters/validators';
import { isSealed, Secrets } from './secrets';
import type { ParameterSpec, ParameterValue } from './types';

export interface ProvidedParameter { Key: string; Value?: string; UsePreviousValue?: boolean }

export type ResolveResult = { ok: true; values: ParameterValue[] } | { ok: false; message: string };

/** The first constraint `value` breaks, as a CloudFormation-style message; undefined when valid. */
export function checkParameterValue(spec: ParameterSpec, value: string): string | undefined {
  const problem = firstViolation(spec, value);
  if (!problem) return undefined;
  const description = spec.ParameterConstraints.ConstraintDescription;
  // CloudFormation replaces its own explanation by the template's ConstraintDescription when there is one.
  return description ? `Parameter '${spec.ParameterKey}' failed to satisfy constraint: ${description}` : `Parameter '${spec.ParameterKey}' ${problem}`;
}

function firstViolation(spec: ParameterSpec, value: string): string | undefined {
  const c = spec.ParameterConstraints;
  const isList = spec.ParameterType === 'CommaDelimitedList' || spec.ParameterType.startsWith('List<');
  const items = isList ? value.split(',').map((item) => item.trim()) : [value];
  const numeric = spec.ParameterType === 'Number' || spec.ParameterType === 'List<Number>';
  for (const item of items) {
    if (numeric && !isNumber(item)) return 'must be a number';
    if (c.AllowedValues?.length && !c.AllowedValues.includes(item)) return 'must be one of AllowedValues';
    if (c.AllowedPattern && !matchesAllowedPattern(c.AllowedPattern, item)) return `must match pattern ${c.AllowedPattern}`;
  }
  // Characters as the extension counts them (code points: see characterCount).
  const length = characterCount(value);
  if (c.MinLength !== undefined && length < Number(c.MinLength)) return `must contain at least ${c.MinLength} characters`;
  if (c.MaxLength !== undefined && length > Number(c.MaxLength)) return `must contain at most ${c.MaxLength} characters`;
  if (numeric) {
    for (const item of items) {
      if (c.MinValue !== undefined && Number(item) < Number(c.MinValue)) return `must be a number not less than ${c.MinValue}`;
      if (c.MaxValue !== undefined && Number(item) > Number(c.MaxValue)) return `must be a number not greater than ${c.MaxValue}`;
    }
  }
  return undefined;
}

function isNumber(text: string): boolean {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text.trim());
}

/**
 * AllowedPattern must match the whole value (each item of a list), as in CloudFormation, matched in
 * linear time: the pattern comes from a template, the value from a client. A pattern RE2 cannot
 * check (a backreference, lookaround…) refuses nothing: every seed pattern can be checked (the seed's
 * test says so), and refusing every value would make such a product impossible to launch where AWS
 * launches it.
 */
function matchesAllowedPattern(pattern: string, value: string): boolean {
  return compileAllowedPattern(pattern)?.(value) ?? true;
}

/**
 * The full parameter set for a launch or update: provided values, else the previous value
 * (updates keep what was set before), else the default. Rejects unknown keys, missing required
 * values and any value breaking its constraints. NoEcho values come back sealed with `secrets` (a
 * throwaway key when left out); a previous seal that another key made counts as no previous value.
 */
export function resolveParameters(specs: ParameterSpec[], provided: ProvidedParameter[] = [], previous: ParameterValue[] = [], secrets = Secrets.inMemory()): ResolveResult {
  const specKeys = new Set(specs.map((s) => s.ParameterKey));
  const unknown = provided.map((p) => p.Key).filter((key) => !specKeys.has(key));
  if (unknown.length) return { ok: false, message: `Parameters: [${unknown.join(', ')}] do not exist in the template` };
  const seen = new Set<string>();
  for (const p of provided) {
    if (seen.has(p.Key)) return { ok: false, message: `Parameter '${p.Key}' is specified more than once` };
    seen.add(p.Key);
  }
  const previousByKey = new Map(previous.filter((p) => !isSealed(p.Value) || secrets.verifies(p.Value)).map((p) => [p.Key, p.Value]));
  const providedByKey = new Map(provided.map((p) => [p.Key, p]));
  const values: ParameterValue[] = [];
  const missing: string[] = [];
  for (const spec of specs) {
    const given = providedByKey.get(spec.ParameterKey);
    if (given?.UsePreviousValue && !previousByKey.has(spec.ParameterKey)) {
      return { ok: false, message: `Parameter '${spec.ParameterKey}' has no previous value to use` };
    }
    const sent = given && !given.UsePreviousValue ? given.Value : undefined;
    const value = sent ?? previousByKey.get(spec.ParameterKey) ?? spec.DefaultValue;
    if (value === undefined) { missing.push(spec.ParameterKey); continue; }
    // A kept seal was checked when its value was given; a value sent is checked whatever it looks like.
    if (sent === undefined && isSealed(value)) { values.push({ Key: spec.ParameterKey, Value: value }); continue; }
    const problem = checkParameterValue(spec, value);
    if (problem) return { ok: false, message: problem };
    values.push({ Key: spec.ParameterKey, Value: spec.IsNoEcho ? secrets.seal(value) : value });
  }
  if (missing.length) return { ok: false, message: `Parameters: [${missing.join(', ')}] must have values` };
  return { ok: true, values };
}
