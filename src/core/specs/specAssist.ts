// What the language features offer at a cursor: completion candidates (keys of the section, product
// names, versions, launch paths, parameter keys, allowed values, TagOption values) and the hover of a
// parameter (description, constraints, default), from the validated spec and the catalog facts.
// Every text here may come from the service: the VS Code layer shows it as plain text, never as markup.
import type { ParameterField, ProvisioningForm } from '../parameters/formModel';
import { catalogIndex, isActive, isDeprecated, type CatalogSnapshot, type SnapshotProduct } from './catalogSnapshot';
import { cursorAt, type KeySection, type SpecCursor } from './specCursor';
import { envNameFor, PRODUCT_KEYS, referenceText, STACK_SET_KEYS, TOP_LEVEL_KEYS, type SpecRange } from './specModel';
import type { SpecValidation, ValidatedProduct } from './validateSpec';
import { closestMatch } from './suggest';

export type CompletionKind = 'key' | 'product' | 'version' | 'launchPath' | 'parameter' | 'value' | 'reference';

export interface SpecCompletion {
  readonly label: string;
  readonly kind: CompletionKind;
  /** What is inserted at the cursor's range (keys get their `: `). */
  readonly insertText: string;
  readonly detail?: string;
  readonly documentation?: string;
  readonly deprecated?: boolean;
}

export interface SpecCompletions {
  /** The text the chosen candidate replaces. */
  readonly range: SpecRange;
  readonly items: readonly SpecCompletion[];
}

const PRODUCT_KEY_DETAILS: Readonly<Record<string, string>> = {
  name: 'The provisioned product\'s name', product: 'Product name or id (prod-…)', version: 'Version name or id (pa-…)',
  launchPath: 'Launch path name or id (lpv2-…), when the product has several', parameters: 'Parameter values by key',
  tags: 'Tags by key (TagOptions included)', stackSetPreferences: 'Accounts, Regions, failure tolerance and concurrency (stack-set products)',
  notificationArns: 'SNS topic ARNs for stack events (set when provisioning)',
};

function keyItem(label: string, detail?: string, documentation?: string): SpecCompletion {
  return { label, kind: 'key', insertText: `${label}: `, ...(detail ? { detail } : {}), ...(documentation ? { documentation } : {}) };
}

function validatedAt(validation: SpecValidation, productStart: number | undefined): ValidatedProduct | undefined {
  return productStart === undefined ? undefined : validation.products.find((p) => p.spec.range.start === productStart);
}

/** The catalog product a spec names, even when its version does not resolve (version completions need it). */
function namedProduct(validated: ValidatedProduct | undefined, facts: CatalogSnapshot): SnapshotProduct | undefined {
  if (validated?.target) return validated.target.product;
  const name = validated?.spec.product?.value;
  return name ? catalogIndex(facts).products.lookup(name, closestMatch).found : undefined;
}

function sectionKeys(section: KeySection, form: ProvisioningForm | undefined): SpecCompletion[] {
  switch (section) {
    case 'top': return TOP_LEVEL_KEYS.filter((k) => k !== '$schema').map((k) => keyItem(k, 'The provisioned products of this file'));
    case 'product': return PRODUCT_KEYS.map((k) => keyItem(k, PRODUCT_KEY_DETAILS[k]));
    case 'stackSetPreferences': return form?.stackSet ? STACK_SET_KEYS.map((k) => keyItem(k)) : [];
    case 'parameters': return (form?.fields ?? []).map((f) => keyItem(f.key, parameterDetail(f), f.description));
    case 'tags': return (form?.tagOptions ?? []).map((g) => keyItem(g.key, `TagOption: ${g.values.join(', ')}`));
  }
}

function parameterDetail(field: ParameterField): string {
  const parts = [field.parameterType, field.noEcho ? 'NoEcho' : undefined, field.required ? 'required' : undefined];
  return parts.filter(Boolean).join(', ');
}

function parameterValues(field: ParameterField | undefined): SpecCompletion[] {
  if (!field) return [];
  if (field.noEcho) {
    const envReference = referenceText({ kind: 'env', name: envNameFor(field.key) });
    return [
      { label: envReference, kind: 'reference', insertText: envReference, detail: 'From an environment variable of the editor' },
      { label: referenceText({ kind: 'prompt' }), kind: 'reference', insertText: referenceText({ kind: 'prompt' }), detail: 'Asked when applying' },
    ];
  }
  const allowed = field.constraints.allowedValues ?? (field.defaultValue ? [field.defaultValue] : []);
  return allowed.map((value) => ({ label: value, kind: 'value', insertText: value, ...(value === field.defaultValue ? { detail: 'default' } : {}) }));
}

function valueItems(cursor: Extract<SpecCursor, { kind: 'value' }>, validated: ValidatedProduct | undefined, facts: CatalogSnapshot): SpecCompletion[] {
  const index = catalogIndex(facts);
  const product = namedProduct(validated, facts);
  const form = validated?.form;
  switch (cursor.field) {
    case 'product':
      return facts.products.map((p) => ({ label: index.products.nameOf(p), kind: 'product', insertText: index.products.nameOf(p), detail: p.id }));
    case 'version': {
      if (!product) return [];
      const versions = index.versions(product);
      return product.versions.filter(isActive).map((v) => ({
        label: versions.nameOf(v), kind: 'version', insertText: versions.nameOf(v), detail: isDeprecated(v) ? `${v.id} (deprecated)` : v.id,
        ...(v.description ? { documentation: v.description } : {}), ...(isDeprecated(v) ? { deprecated: true } : {}),
      }));
    }
    case 'launchPath': {
      if (!product) return [];
      const paths = index.launchPaths(product);
      return product.launchPaths.map((p) => ({ label: paths.nameOf(p), kind: 'launchPath', insertText: paths.nameOf(p), detail: p.id }));
    }
    case 'parameter':
      return parameterValues(form?.fields.find((f) => f.key === cursor.key));
    case 'tag':
      return (form?.tagOptions.find((g) => g.key === cursor.key)?.values ?? []).map((v) => ({ label: v, kind: 'value', insertText: v, detail: 'TagOption value' }));
    case 'accounts': case 'regions':
      return (form?.stackSet?.[cursor.field] ?? []).map((v) => ({ label: v, kind: 'value', insertText: v, detail: 'Allowed by the stack set constraint' }));
  }
}

/** The candidates at `offset` of `text`; `validation` is validateSpec's answer for the same text. */
export function specCompletions(text: string, offset: number, validation: SpecValidation, facts: CatalogSnapshot): SpecCompletions | undefined {
  const cursor = cursorAt(text, offset);
  if (!cursor) return undefined;
  const validated = validatedAt(validation, cursor.productStart);
  if (cursor.kind === 'value') return { range: cursor.range, items: valueItems(cursor, validated, facts) };
  const present = new Set(cursor.present);
  const items = sectionKeys(cursor.section, validated?.form).filter((item) => !present.has(item.label));
  return { range: cursor.range, items };
}

// ---- Hovers ---------------------------------------------------------------------------------------

export interface ParameterHover {
  readonly key: string;
  readonly label: string;
  readonly type: string;
  readonly description?: string;
  readonly defaultValue?: string;
  readonly required: boolean;
  readonly noEcho: boolean;
  /** One line per constraint, the template's ConstraintDescription last. */
  readonly constraints: readonly string[];
}

export function parameterHover(field: ParameterField): ParameterHover {
  const c = field.constraints;
  const range = (what: string, min?: number, max?: number) =>
    (min === undefined && max === undefined ? [] : [`${what} ${min !== undefined && max !== undefined ? `${min}–${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`}`]);
  const constraints = [
    ...(c.allowedValues ? [`Allowed values: ${c.allowedValues.join(', ')}`] : []),
    ...(c.allowedPattern ? [`Pattern: ${c.allowedPattern}`] : []),
    ...range('Length', c.minLength, c.maxLength),
    ...range('Value', c.minValue, c.maxValue),
    ...(c.constraintDescription ? [`Constraint: ${c.constraintDescription}`] : []),
  ];
  return {
    key: field.key, label: field.label, type: field.parameterType, required: field.required, noEcho: field.noEcho, constraints,
    ...(field.description ? { description: field.description } : {}),
    ...(field.defaultValue !== undefined ? { defaultValue: field.defaultValue } : {}),
  };
}

const within = (range: SpecRange, offset: number) => range.start <= offset && offset <= range.end;

/** The hover of the parameter whose key or value is at `offset`, once its version's parameters are known. */
export function specHoverAt(validation: SpecValidation, offset: number): { range: SpecRange; hover: ParameterHover } | undefined {
  const validated = validation.products.find((p) => within(p.spec.range, offset));
  const entry = validated?.spec.parameters?.items.find((e) => within(e.keyRange, offset) || within(e.range, offset));
  const field = entry && validated?.form?.fields.find((f) => f.key === entry.key);
  return entry && field ? { range: within(entry.keyRange, offset) ? entry.keyRange : entry.range, hover: parameterHover(field) } : undefined;
}
