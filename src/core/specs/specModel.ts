// The spec file's model: what parseSpec reads from a `*.servicecatalog.yaml|yml|json` file, each field
// with the source range of its key and of its value (offsets into the text; the VS Code layer turns
// them into positions), and the problems found. Pure data, no parser types.

/** Offsets into the file's text, end exclusive. */
export interface SpecRange {
  readonly start: number;
  readonly end: number;
}

export type SpecSeverity = 'error' | 'warning';

/** Why a problem was raised: lets the VS Code layer offer quick fixes and tests name what they expect. */
export type SpecProblemCode =
  | 'syntax' | 'unknown-key' | 'wrong-type' | 'duplicate-key' | 'duplicate-name' | 'missing-field'
  | 'unknown-product' | 'ambiguous-product' | 'unknown-version' | 'ambiguous-version' | 'inactive-version' | 'deprecated-version'
  | 'unknown-path' | 'ambiguous-path' | 'path-required'
  /** The provisioned product of that name runs another product: an update cannot change the product. */
  | 'other-product'
  | 'no-echo-literal' | 'reference-not-no-echo'
  /** A value the forms' validation refuses (its message, its path in formPath). */
  | 'invalid';

export interface SpecProblem {
  readonly range: SpecRange;
  readonly severity: SpecSeverity;
  readonly code: SpecProblemCode;
  readonly message: string;
  /** A replacement for the text at `range` ("did you mean"), for a quick fix. */
  readonly suggestion?: string;
  /** For problems found by the forms' validation: the form's error path ("parameters.Key", "tags.0.key", …). */
  readonly formPath?: string;
}

/** A scalar value with where it stands. Numbers and booleans keep their source text ("1.10" stays "1.10"). */
export interface SpecValue {
  readonly value: string;
  readonly keyRange: SpecRange;
  readonly range: SpecRange;
}

/** What stands for a NoEcho parameter's value: an environment variable or a prompt at apply time. */
export type SpecReference = { readonly kind: 'env'; readonly name: string } | { readonly kind: 'prompt' };

/** A `key: value` entry of `parameters` or `tags`. */
export interface SpecEntry extends SpecValue {
  readonly key: string;
  /** Set when the value is a reference (`${env:NAME}`, `${prompt}`). */
  readonly reference?: SpecReference;
}

/** A section that is a map (`parameters`, `tags`) or a list, with its key's range. */
export interface SpecSection<T> {
  readonly keyRange: SpecRange;
  readonly range: SpecRange;
  readonly items: readonly T[];
}

export interface SpecStackSet {
  readonly keyRange: SpecRange;
  readonly range: SpecRange;
  readonly accounts?: SpecSection<SpecValue>;
  readonly regions?: SpecSection<SpecValue>;
  readonly failureToleranceCount?: SpecValue;
  readonly failureTolerancePercentage?: SpecValue;
  readonly maxConcurrencyCount?: SpecValue;
  readonly maxConcurrencyPercentage?: SpecValue;
}

export const STACK_SET_NUMBER_KEYS = ['failureToleranceCount', 'failureTolerancePercentage', 'maxConcurrencyCount', 'maxConcurrencyPercentage'] as const;
export type StackSetNumberKey = typeof STACK_SET_NUMBER_KEYS[number];

export interface SpecProduct {
  /** The whole list item. */
  readonly range: SpecRange;
  /** Where problems about the item as a whole go: its `name` key, else its first key, else the item. */
  readonly anchor: SpecRange;
  readonly name?: SpecValue;
  readonly product?: SpecValue;
  readonly version?: SpecValue;
  readonly launchPath?: SpecValue;
  readonly parameters?: SpecSection<SpecEntry>;
  readonly tags?: SpecSection<SpecEntry>;
  readonly stackSetPreferences?: SpecStackSet;
  readonly notificationArns?: SpecSection<SpecValue>;
}

export interface ParsedSpec {
  readonly products: readonly SpecProduct[];
  readonly problems: readonly SpecProblem[];
}

export const TOP_LEVEL_KEYS = ['provisionedProducts', '$schema'] as const;
export const PRODUCT_KEYS = ['name', 'product', 'version', 'launchPath', 'parameters', 'tags', 'stackSetPreferences', 'notificationArns'] as const;
export const STACK_SET_KEYS = ['accounts', 'regions', ...STACK_SET_NUMBER_KEYS] as const;

const ENV_REFERENCE = /^\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}$/;
const PROMPT_REFERENCE = '${prompt}';

/** The reference a value is, if it is one: exactly `${env:NAME}` (NAME a shell variable name) or `${prompt}`. */
export function referenceOf(value: string): SpecReference | undefined {
  if (value === PROMPT_REFERENCE) return { kind: 'prompt' };
  const env = ENV_REFERENCE.exec(value);
  return env ? { kind: 'env', name: env[1] } : undefined;
}

/** The environment variable a NoEcho parameter's reference reads by default: its key in capitals (DbPassword → DBPASSWORD). */
export function envNameFor(key: string): string {
  const name = key.replace(/\W/g, '_').toUpperCase();
  return /^[A-Z_]/.test(name) ? name : `_${name}`;
}

/** How a reference is written in the file. */
export function referenceText(reference: SpecReference): string {
  return reference.kind === 'prompt' ? PROMPT_REFERENCE : `\${env:${reference.name}}`;
}
