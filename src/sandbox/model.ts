// The trimmed official Service Catalog model, and validation of inputs (as the service does before
// any handler runs) and outputs (so tests catch a handler answering something the SDK would choke on).
import { characterCount } from '../core/parameters/validators';
import { ServiceError } from './contract';
import modelJson from './model/servicecatalog.json';

interface MemberRef {
  readonly shape: string;
}

export interface Shape {
  readonly type: string;
  readonly members?: Readonly<Record<string, MemberRef>>;
  readonly required?: readonly string[];
  readonly member?: MemberRef;
  readonly key?: MemberRef;
  readonly value?: MemberRef;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
}

interface Operation {
  readonly input?: MemberRef;
  readonly output?: MemberRef;
  readonly errors?: readonly MemberRef[];
}

export interface Model {
  readonly metadata: { readonly targetPrefix: string; readonly signingName?: string; readonly endpointPrefix: string };
  readonly operations: Readonly<Record<string, Operation>>;
  readonly shapes: Readonly<Record<string, Shape>>;
}

const model = modelJson as unknown as Model;
const NOT_FOUND = 'UnknownOperationException';

export const TARGET_PREFIX = model.metadata.targetPrefix;
export const SIGNING_NAME = model.metadata.signingName ?? model.metadata.endpointPrefix;

export function isModelledOperation(operation: string): boolean {
  return Object.hasOwn(model.operations, operation);
}

export function modelledOperations(): string[] {
  return Object.keys(model.operations);
}

/** The exception a validation failure answers with: InvalidParametersException where the model lists it. */
export function validationErrorType(operation: string): string {
  const errors = model.operations[operation]?.errors ?? [];
  return errors.some((e) => e.shape === 'InvalidParametersException') ? 'InvalidParametersException' : 'ValidationException';
}

/** One broken constraint, worded as AWS words it: "Value 'x' at 'a.b' failed to satisfy constraint: ...". */
export interface Violation {
  readonly path: string;
  readonly value: unknown;
  readonly constraint: string;
}

export function formatViolation(v: Violation): string {
  return `Value ${renderValue(v.value)} at '${v.path}' failed to satisfy constraint: ${v.constraint}`;
}

function renderValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `'${JSON.stringify(value)}'`;
}

/** Throws the operation's validation exception when `input` breaks the model; unknown members are ignored. */
export function validateInput(operation: string, input: unknown): void {
  validateModelInput(model, operation, input, validationErrorType(operation));
}

/** Lists how `output` (already serialized: timestamps as numbers) departs from the model. */
export function validateOutput(operation: string, output: unknown): string[] {
  return validateModelOutput(model, operation, output);
}

/** validateInput for any model (the CloudFormation one too): throws `errorType` on a violation. */
export function validateModelInput(of: Model, operation: string, input: unknown, errorType: string): void {
  const op = of.operations[operation];
  if (!op) throw new ServiceError(NOT_FOUND, `Unknown operation ${operation}`);
  if (!op.input) return;
  const violations: Violation[] = [];
  checkValue(op.input.shape, input, '', violations, { ...inputRules, shapes: of.shapes });
  if (violations.length === 0) return;
  const count = violations.length === 1 ? '1 validation error detected' : `${violations.length} validation errors detected`;
  throw new ServiceError(errorType, `${count}: ${violations.map(formatViolation).join('; ')}`);
}

/** validateOutput for any model. */
export function validateModelOutput(of: Model, operation: string, output: unknown): string[] {
  const op = of.operations[operation];
  if (!op) return [`operation ${operation} is not in the model`];
  if (!op.output) return output === undefined || isEmptyObject(output) ? [] : ['operation has no output shape but returned a value'];
  const violations: Violation[] = [];
  checkValue(op.output.shape, output ?? {}, '', violations, { ...outputRules, shapes: of.shapes });
  return violations.map(formatViolation);
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

/**
 * Input and output are checked differently: inputs by AWS's constraints (required, lengths, ranges,
 * patterns, enums; unknown members ignored), outputs by what a client parser relies on (known members,
 * types, enum values).
 */
interface Rules {
  /** The shapes of the model being checked. */
  readonly shapes?: Model['shapes'];
  readonly unknownMembers: boolean;
  readonly required: boolean;
  readonly bounds: boolean;
  readonly pattern: boolean;
}
const inputRules: Rules = { unknownMembers: false, required: true, bounds: true, pattern: true };
const outputRules: Rules = { unknownMembers: true, required: false, bounds: false, pattern: false };

function checkValue(shapeName: string, value: unknown, path: string, out: Violation[], rules: Rules): void {
  const shape = (rules.shapes ?? model.shapes)[shapeName];
  if (!shape) throw new Error(`shape ${shapeName} is not in the model`);
  if (value === null || value === undefined) return; // absent; required-ness is checked by the parent
  switch (shape.type) {
    case 'structure':
      return checkStructure(shape, value, path, out, rules);
    case 'list':
      return checkList(shape, value, path, out, rules);
    case 'map':
      return checkMap(shape, value, path, out, rules);
    case 'string':
      return checkString(shape, value, path, out, rules);
    case 'integer':
    case 'long':
      return checkNumber(shape, value, path, out, rules, true);
    case 'float':
    case 'double':
      return checkNumber(shape, value, path, out, rules, false);
    case 'boolean':
      if (typeof value !== 'boolean') out.push({ path, value, constraint: 'Member must be a boolean' });
      return;
    case 'timestamp':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        out.push({ path, value, constraint: 'Member must be a timestamp in epoch seconds' });
      }
      return;
    default:
      return; // blob and other types do not occur in this model
  }
}

function checkStructure(shape: Shape, value: unknown, path: string, out: Violation[], rules: Rules): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.push({ path, value, constraint: 'Member must be a structure' });
    return;
  }
  const members = shape.members ?? {};
  const record = value as Record<string, unknown>;
  if (rules.required) {
    for (const name of shape.required ?? []) {
      if (record[name] === undefined || record[name] === null) {
        out.push({ path: join(path, name), value: null, constraint: 'Member must not be null' });
      }
    }
  }
  for (const [name, memberValue] of Object.entries(record)) {
    // Own members only: an input member named `constructor` is unknown, not Object's constructor.
    const member = Object.hasOwn(members, name) ? members[name] : undefined;
    if (member) checkValue(member.shape, memberValue, join(path, name), out, rules);
    else if (rules.unknownMembers) out.push({ path: join(path, name), value: memberValue, constraint: 'Member is not in the model' });
  }
}

function checkList(shape: Shape, value: unknown, path: string, out: Violation[], rules: Rules): void {
  if (!Array.isArray(value)) {
    out.push({ path, value, constraint: 'Member must be a list' });
    return;
  }
  if (rules.bounds) checkLength(shape, value.length, value, path, out);
  value.forEach((item, i) => checkValue(shape.member!.shape, item, `${path}.${i + 1}.member`, out, rules));
}

function checkMap(shape: Shape, value: unknown, path: string, out: Violation[], rules: Rules): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.push({ path, value, constraint: 'Member must be a map' });
    return;
  }
  const entries = Object.entries(value);
  if (rules.bounds) checkLength(shape, entries.length, value, path, out);
  for (const [key, item] of entries) {
    checkValue(shape.key!.shape, key, `${path}.key`, out, rules);
    checkValue(shape.value!.shape, item, `${path}.${key}`, out, rules);
  }
}

/** A string's length bound counts characters (code points), as Smithy's `@length` and the extension do. */
function checkString(shape: Shape, value: unknown, path: string, out: Violation[], rules: Rules): void {
  if (typeof value !== 'string') {
    out.push({ path, value, constraint: 'Member must be a string' });
    return;
  }
  if (rules.bounds) checkLength(shape, characterCount(value), value, path, out);
  if (rules.pattern && shape.pattern && !fullMatch(shape.pattern).test(value)) {
    out.push({ path, value, constraint: `Member must satisfy regular expression pattern: ${shape.pattern}` });
  }
  if (shape.enum && !shape.enum.includes(value)) {
    out.push({ path, value, constraint: `Member must satisfy enum value set: [${shape.enum.join(', ')}]` });
  }
}

function checkNumber(shape: Shape, value: unknown, path: string, out: Violation[], rules: Rules, integral: boolean): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || (integral && !Number.isInteger(value))) {
    out.push({ path, value, constraint: `Member must be ${integral ? 'an integer' : 'a number'}` });
    return;
  }
  if (!rules.bounds) return;
  if (shape.min !== undefined && value < shape.min) {
    out.push({ path, value, constraint: `Member must have value greater than or equal to ${shape.min}` });
  }
  if (shape.max !== undefined && value > shape.max) {
    out.push({ path, value, constraint: `Member must have value less than or equal to ${shape.max}` });
  }
}

function checkLength(shape: Shape, length: number, value: unknown, path: string, out: Violation[]): void {
  if (shape.min !== undefined && length < shape.min) {
    out.push({ path, value, constraint: `Member must have length greater than or equal to ${shape.min}` });
  }
  if (shape.max !== undefined && length > shape.max) {
    out.push({ path, value, constraint: `Member must have length less than or equal to ${shape.max}` });
  }
}

/** AWS paths name members in lowerCamelCase: "provisioningParameters.1.member.key". */
function join(path: string, member: string): string {
  const name = member.charAt(0).toLowerCase() + member.slice(1);
  return path ? `${path}.${name}` : name;
}

const patternCache = new Map<string, RegExp>();

/** Model patterns are Java regexes matched against the whole value; \p{L} needs the `u` flag. */
function fullMatch(pattern: string): RegExp {
  let regex = patternCache.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`, 'u');
    patternCache.set(pattern, regex);
  }
  return regex;
}
