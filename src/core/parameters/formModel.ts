// A plain, JSON-serializable description of the provisioning form, built from DescribeProvisioningParameters.
// The webview renders it; the extension host validates submissions against the same model.
import type {
  DescribeProvisioningParametersOutput, ProvisioningArtifactParameter, TagOptionSummary,
} from '@aws-sdk/client-service-catalog';

export type FieldKind = 'select' | 'password' | 'number' | 'list' | 'text';

export interface FieldConstraints {
  readonly allowedValues?: readonly string[];
  readonly allowedPattern?: string;
  readonly constraintDescription?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
}

export interface ParameterField {
  readonly key: string;
  readonly label: string;
  readonly description?: string;
  readonly defaultValue?: string;
  readonly kind: FieldKind;
  /** CloudFormation parameter type as given (String, Number, CommaDelimitedList, List<…>, AWS::…). */
  readonly parameterType: string;
  /** A list type: the value is comma-separated and constraints apply to each item. */
  readonly isList: boolean;
  readonly isNumeric: boolean;
  readonly noEcho: boolean;
  readonly required: boolean;
  readonly constraints: FieldConstraints;
  /** Update forms: the value in use as the service reported it, shown prefilled (never set for NoEcho fields). */
  readonly previousValue?: string;
  /** Update forms: the service reported the value in use masked (a NoEcho parameter's `****`): shown masked, kept unless replaced. */
  readonly previousMasked?: boolean;
  /** Update forms: the value this editor last sent for the parameter, and when; offered, never shown as current (never NoEcho). */
  readonly lastSent?: SentValue;
  /** Update forms: the parameter existed before, so UsePreviousValue is possible. */
  readonly canKeepPrevious?: boolean;
  /** Update forms: whether the form starts with "keep the previous value" ticked. */
  readonly keepPreviousByDefault?: boolean;
}

/** A value this editor sent for a parameter, with when (ISO 8601). */
export interface SentValue {
  readonly value: string;
  readonly sentAt: string;
}

/**
 * What the service says of the parameter values in use: `known: false` until something reads them
 * (CloudFormation's DescribeStacks does; Service Catalog returns none), with the keys of the version in use.
 * Known values may name `masked` keys: parameters in use whose value the service masks (NoEcho), or
 * that cannot be shown as they are; they exist (and can be kept) but have no value to show or send.
 */
export type CurrentValues =
  | { readonly known: false; readonly keys: readonly string[] }
  | { readonly known: true; readonly values: Readonly<Record<string, string>>; readonly masked?: readonly string[] };

export interface TagOptionGroup {
  readonly key: string;
  readonly values: readonly string[];
  readonly required: boolean;
  /** Preselected when the key has a single allowed value. */
  readonly defaultValue?: string;
}

export interface StackSetSection {
  /** Accounts and Regions from the STACKSET constraint: the choices, all used when none are picked. */
  readonly accounts: readonly string[];
  readonly regions: readonly string[];
}

export interface DisplayItem {
  readonly type: string;
  readonly value: string;
}

export interface ProvisioningForm {
  readonly mode: 'provision' | 'update';
  readonly fields: readonly ParameterField[];
  readonly tagOptions: readonly TagOptionGroup[];
  readonly stackSet?: StackSetSection;
  readonly usageInstructions: readonly DisplayItem[];
  readonly constraintSummaries: readonly DisplayItem[];
  /** A launch role named in the usage instructions, for display. */
  readonly launchRoleArn?: string;
  /**
   * Whether an update may change the provisioned product's tags, as the usage instruction
   * `tagUpdateOnProvisionedProduct` says (NOT_ALLOWED where the path has no RESOURCE_UPDATE constraint
   * allowing it; AWS::ServiceCatalog::ResourceUpdateConstraint's TagUpdateOnProvisionedProduct in the
   * CloudFormation template reference); absent when the service did not say, and then the service decides.
   */
  readonly tagUpdate?: 'ALLOWED' | 'NOT_ALLOWED';
}

export interface BuildFormOptions {
  /** Whether every TagOption key must be given a value (Service Catalog's behaviour; default true). */
  readonly tagOptionKeysRequired?: boolean;
}

const NUMERIC_TYPES = new Set(['Number', 'List<Number>']);

export function isListType(parameterType: string): boolean {
  return parameterType === 'CommaDelimitedList' || parameterType.startsWith('List<');
}

/**
 * The words of a key, first match wins: mixed-case units kept whole (GiB, MBps), IPv4/IPv6, runs of
 * capitals (DB, URL, EC2), words; digits stay with the word they follow ("Ec2", "Of2xx"). Other
 * characters but separators (_ - space) stay as they are.
 */
const KEY_WORDS = /[KMGTPE](?:iB|Bps)(?!\p{Ll})|IPv[46]|\p{Lu}+(?!\p{Ll})(?:\d+\p{Ll}*)*|\p{Lu}?\p{Ll}+(?:\d+\p{Ll}*)*|\d+\p{Ll}*|[^\p{Lu}\p{Ll}\d\s_-]+/gu;

/** "InstanceType" → "Instance Type", "DBName" → "DB Name", "VolumeSizeGiB" → "Volume Size GiB", "vpc_id" → "vpc id". */
export function labelFromKey(key: string): string {
  return key.match(KEY_WORDS)?.join(' ') ?? key;
}

function optionalNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function fieldConstraints(parameter: ProvisioningArtifactParameter): FieldConstraints {
  const c = parameter.ParameterConstraints ?? {};
  const entries: [keyof FieldConstraints, unknown][] = [
    ['allowedValues', c.AllowedValues?.length ? [...c.AllowedValues] : undefined],
    ['allowedPattern', c.AllowedPattern || undefined],
    ['constraintDescription', c.ConstraintDescription || undefined],
    ['minLength', optionalNumber(c.MinLength)],
    ['maxLength', optionalNumber(c.MaxLength)],
    ['minValue', optionalNumber(c.MinValue)],
    ['maxValue', optionalNumber(c.MaxValue)],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

function fieldKind(parameterType: string, constraints: FieldConstraints, noEcho: boolean): FieldKind {
  if (constraints.allowedValues) return 'select';
  if (noEcho) return 'password';
  if (parameterType === 'Number') return 'number';
  if (isListType(parameterType)) return 'list';
  return 'text';
}

export function buildField(parameter: ProvisioningArtifactParameter): ParameterField {
  const key = parameter.ParameterKey ?? '';
  const parameterType = parameter.ParameterType ?? 'String';
  const noEcho = parameter.IsNoEcho === true;
  const constraints = fieldConstraints(parameter);
  return {
    key,
    label: labelFromKey(key),
    ...(parameter.Description ? { description: parameter.Description } : {}),
    ...(parameter.DefaultValue !== undefined ? { defaultValue: parameter.DefaultValue } : {}),
    kind: fieldKind(parameterType, constraints, noEcho),
    parameterType,
    isList: isListType(parameterType),
    isNumeric: NUMERIC_TYPES.has(parameterType),
    noEcho,
    required: parameter.DefaultValue === undefined,
    constraints,
  };
}

/** One group per TagOption key (the API may repeat a key); values deduplicated, in order. */
export function groupTagOptions(tagOptions: readonly TagOptionSummary[], keysRequired: boolean): TagOptionGroup[] {
  const valuesByKey = new Map<string, string[]>();
  for (const option of tagOptions) {
    if (!option.Key) continue;
    const values = valuesByKey.get(option.Key) ?? [];
    for (const value of option.Values ?? []) if (!values.includes(value)) values.push(value);
    valuesByKey.set(option.Key, values);
  }
  return [...valuesByKey].map(([key, values]) => ({
    key,
    values,
    required: keysRequired,
    ...(values.length === 1 ? { defaultValue: values[0] } : {}),
  }));
}

const ROLE_ARN_IN_TEXT = /arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+/;

/** Services may return an empty preferences object for plain stacks: only a stack set gets the section. */
function isStackSet(preferences: NonNullable<DescribeProvisioningParametersOutput['ProvisioningArtifactPreferences']>, summaries: readonly { type: string }[]): boolean {
  return !!(preferences.StackSetAccounts?.length || preferences.StackSetRegions?.length) || summaries.some((c) => c.type === 'STACKSET');
}

/** A launch role from instructions like {Type: "launchRole", Value: "arn:…:role/…"} or a LAUNCH summary. */
function findLaunchRoleArn(items: readonly DisplayItem[]): string | undefined {
  for (const item of items) {
    const match = ROLE_ARN_IN_TEXT.exec(item.value);
    if (match && (/role/i.test(item.type) || item.type === 'LAUNCH')) return match[0];
  }
  return undefined;
}

/**
 * Usage instruction types that restate a constraint or the template itself: template rules, template
 * format version, the LAUNCH role, the RESOURCE_UPDATE tag permission. The constraints list says these.
 */
const CONSTRAINT_USAGE_TYPES = new Set(['rules', 'version', 'launchAsRole', 'tagUpdateOnProvisionedProduct']);

/** The usage instructions worth showing next to the constraints list: the ones that add to it. */
export function additionalUsageInstructions(form: Pick<ProvisioningForm, 'usageInstructions' | 'constraintSummaries'>): DisplayItem[] {
  const restated = (item: DisplayItem) => form.constraintSummaries.some((c) => c.value.includes(item.value));
  return form.usageInstructions.filter((item) => item.value.trim() && !CONSTRAINT_USAGE_TYPES.has(item.type) && !restated(item));
}

export function buildProvisioningForm(
  output: DescribeProvisioningParametersOutput,
  options: BuildFormOptions = {},
): ProvisioningForm {
  const usageInstructions = (output.UsageInstructions ?? []).map((u) => ({ type: u.Type ?? '', value: u.Value ?? '' }));
  const constraintSummaries = (output.ConstraintSummaries ?? []).map((c) => ({ type: c.Type ?? '', value: c.Description ?? '' }));
  const preferences = output.ProvisioningArtifactPreferences;
  const launchRoleArn = findLaunchRoleArn([...usageInstructions, ...constraintSummaries]);
  const tagUpdate = tagUpdateRule(usageInstructions);
  return {
    mode: 'provision',
    fields: (output.ProvisioningArtifactParameters ?? []).map(buildField),
    tagOptions: groupTagOptions(output.TagOptions ?? [], options.tagOptionKeysRequired ?? true),
    ...(preferences && isStackSet(preferences, constraintSummaries)
      ? { stackSet: { accounts: [...(preferences.StackSetAccounts ?? [])], regions: [...(preferences.StackSetRegions ?? [])] } }
      : {}),
    usageInstructions,
    constraintSummaries,
    ...(launchRoleArn ? { launchRoleArn } : {}),
    ...(tagUpdate ? { tagUpdate } : {}),
  };
}

/** The usage instruction on tag updates, when it says ALLOWED or NOT_ALLOWED (any other word is not read as either). */
function tagUpdateRule(usageInstructions: readonly DisplayItem[]): ProvisioningForm['tagUpdate'] {
  const value = usageInstructions.find((u) => u.type === 'tagUpdateOnProvisionedProduct')?.value.trim().toUpperCase();
  return value === 'ALLOWED' || value === 'NOT_ALLOWED' ? value : undefined;
}

/** What an update form says when its tags cannot be changed. */
export const TAGS_NOT_UPDATABLE =
  'The tags of this provisioned product cannot be changed here: the product\'s constraints do not allow tag updates (no RESOURCE_UPDATE constraint allows them). An update keeps the tags as they are.';

/**
 * The form for updating a provisioned product to the (possibly new) version described by `output`.
 * `currentValues` are the parameter values in use (NoEcho ones are unknown or masked and are ignored).
 * Fields that existed before can keep their previous value; NoEcho fields keep it unless replaced.
 */
export function buildUpdateForm(
  output: DescribeProvisioningParametersOutput,
  currentValues: Readonly<Record<string, string>>,
  options: BuildFormOptions = {},
): ProvisioningForm {
  return buildUpdateFormFromCurrent(output, { known: true, values: currentValues }, {}, options);
}

/**
 * The update form from what the service says is in use. Values it does not report are never shown
 * or preselected: every parameter that existed keeps its value (UsePreviousValue) unless the user
 * changes it; a value this editor sent earlier (`lastSent`, NoEcho ones left out) is only offered.
 */
export function buildUpdateFormFromCurrent(
  output: DescribeProvisioningParametersOutput,
  current: CurrentValues,
  lastSent: Readonly<Record<string, SentValue>> = {},
  options: BuildFormOptions = {},
): ProvisioningForm {
  const base = buildProvisioningForm(output, options);
  const masked = new Set(current.known ? current.masked ?? [] : []);
  const existing = new Set(current.known ? [...Object.keys(current.values), ...masked] : current.keys);
  const fields = base.fields.map((field): ParameterField => {
    if (!existing.has(field.key)) return { ...field, canKeepPrevious: false, keepPreviousByDefault: false };
    const value = current.known && !field.noEcho && !masked.has(field.key) && Object.hasOwn(current.values, field.key) ? current.values[field.key] : undefined;
    // Offered only where it would change something: a last sent value that is the one in use repeats it.
    const sent = field.noEcho || !Object.hasOwn(lastSent, field.key) || lastSent[field.key].value === value ? undefined : lastSent[field.key];
    return {
      ...field,
      // A previous value satisfies "required": the user need not type it again.
      required: false,
      ...(value !== undefined ? { previousValue: value } : {}),
      ...(masked.has(field.key) ? { previousMasked: true } : {}),
      ...(sent ? { lastSent: sent } : {}),
      canKeepPrevious: true,
      // Only a value the service reported may start unticked: sending anything else could revert a change made elsewhere.
      keepPreviousByDefault: field.noEcho || value === undefined,
    };
  });
  return { ...base, mode: 'update', fields };
}
