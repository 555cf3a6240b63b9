// A spec product as the forms' submission, so the file is checked by the forms' own validation
// (validateProvisioningSubmission) and applied through the same SDK inputs (toProvisionInput,
// toUpdateInput). And the way back: each error path of that validation to the range it concerns.
import type { ProvisioningForm } from '../parameters/formModel';
import type { StackSetSubmission } from '../parameters/stackSet';
import type { ProvisioningSubmission, TagEntry } from '../parameters/submission';
import type { ExistingProvisionedProduct } from './catalogSnapshot';
import { STACK_SET_NUMBER_KEYS, type SpecEntry, type SpecProduct, type SpecRange } from './specModel';

export interface SpecSubmission {
  readonly submission: ProvisioningSubmission;
  /** The spec's tag entry behind each tag of the submission, by index (TagOption keys come first, as the form sends them). */
  readonly tagEntries: readonly SpecEntry[];
  /** Parameters whose value is a reference not resolved (validation leaves their values to apply time). */
  readonly unresolved: ReadonlySet<string>;
}

export interface SubmissionOptions {
  /** The values of references, by parameter key, once resolved at apply time. */
  readonly resolved?: Readonly<Record<string, string>>;
  /** Parameter keys left out: their value may not be checked as written (a NoEcho literal, a misplaced reference). */
  readonly excluded?: ReadonlySet<string>;
  /** The provisioned product being updated; its tags decide whether an update sends tags. */
  readonly existing?: ExistingProvisionedProduct;
}

function parameterValues(spec: SpecProduct, form: ProvisioningForm, options: SubmissionOptions) {
  const fieldKeys = new Set(form.fields.map((f) => f.key));
  const parameters: Record<string, string> = {};
  const unresolved = new Set<string>();
  for (const entry of spec.parameters?.items ?? []) {
    if (options.excluded?.has(entry.key)) continue;
    if (!entry.reference) parameters[entry.key] = entry.value;
    else if (options.resolved && Object.hasOwn(options.resolved, entry.key)) parameters[entry.key] = options.resolved[entry.key];
    // A reference for a key the version lacks is still "not a parameter of this version": give the key, no value.
    else if (!fieldKeys.has(entry.key)) parameters[entry.key] = '';
    else unresolved.add(entry.key);
  }
  return { parameters, unresolved };
}

/** Update: what the file does not list keeps its value in use, as the update form does. */
function keptKeys(form: ProvisioningForm, parameters: Readonly<Record<string, string>>, unresolved: ReadonlySet<string>, excluded: ReadonlySet<string> | undefined): string[] {
  if (form.mode !== 'update') return [];
  return form.fields
    .filter((f) => f.canKeepPrevious && !Object.hasOwn(parameters, f.key) && !unresolved.has(f.key) && !excluded?.has(f.key))
    .map((f) => f.key);
}

function orderedTags(spec: SpecProduct, form: ProvisioningForm): SpecEntry[] {
  const entries = spec.tags?.items ?? [];
  const optionKeys = new Set(form.tagOptions.map((group) => group.key));
  const options = form.tagOptions.flatMap((group) => entries.filter((e) => e.key === group.key));
  return [...options, ...entries.filter((e) => !optionKeys.has(e.key))];
}

function sameTags(entries: readonly SpecEntry[], current: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(current);
  return keys.length === entries.length && entries.every((e) => Object.hasOwn(current, e.key) && current[e.key] === e.value);
}

/** Tags to send: all of them when provisioning; on update, none when the file lists none or the same as in use. */
function tagsToSend(spec: SpecProduct, form: ProvisioningForm, tagEntries: readonly SpecEntry[], existing: ExistingProvisionedProduct | undefined): TagEntry[] | undefined {
  const tags = tagEntries.map((e) => ({ key: e.key, value: e.value }));
  if (form.mode === 'provision') return tags;
  if (!spec.tags || (existing?.tags && sameTags(tagEntries, existing.tags))) return undefined;
  return tags;
}

function stackSetOf(spec: SpecProduct): StackSetSubmission | undefined {
  const section = spec.stackSetPreferences;
  if (!section) return undefined;
  const numbers = STACK_SET_NUMBER_KEYS.flatMap((key) => (section[key] ? [[key, section[key].value] as const] : []));
  return {
    ...(section.accounts ? { accounts: section.accounts.items.map((i) => i.value) } : {}),
    ...(section.regions ? { regions: section.regions.items.map((i) => i.value) } : {}),
    ...Object.fromEntries(numbers),
  };
}

export function submissionOfSpec(spec: SpecProduct, form: ProvisioningForm, options: SubmissionOptions = {}): SpecSubmission {
  const { parameters, unresolved } = parameterValues(spec, form, options);
  const keepPrevious = keptKeys(form, parameters, unresolved, options.excluded);
  const tagEntries = orderedTags(spec, form);
  const tags = tagsToSend(spec, form, tagEntries, options.existing);
  const stackSet = stackSetOf(spec);
  // Notification ARNs are set when provisioning; an update cannot change them, so it leaves them out.
  const notificationArns = form.mode === 'provision' && spec.notificationArns ? spec.notificationArns.items.map((i) => i.value) : undefined;
  const submission: ProvisioningSubmission = {
    ...(form.mode === 'provision' ? { provisionedProductName: spec.name?.value ?? '' } : {}),
    parameters,
    ...(keepPrevious.length ? { keepPrevious } : {}),
    ...(tags ? { tags } : {}),
    ...(stackSet ? { stackSet } : {}),
    ...(notificationArns ? { notificationArns } : {}),
  };
  return { submission, tagEntries, unresolved };
}

/** Where an error of the forms' validation belongs in the file, and whether the path names something the file lacks. */
export function rangeOfFormPath(path: string, spec: SpecProduct, built: SpecSubmission, form: ProvisioningForm): { range: SpecRange; missing: boolean } {
  const [section, key, detail] = path.split('.');
  const at = (range: SpecRange | undefined, fallback?: SpecRange) => (range ? { range, missing: false } : { range: fallback ?? spec.anchor, missing: true });
  switch (section) {
    case 'name':
      return at(spec.name?.range);
    case 'parameters': {
      const entry = spec.parameters?.items.find((e) => e.key === path.slice('parameters.'.length));
      if (!entry) return at(undefined, spec.parameters?.keyRange);
      // A key the version does not know is wrong as a key; otherwise the value is.
      return at(form.fields.some((f) => f.key === entry.key) ? entry.range : entry.keyRange);
    }
    case 'tags': {
      const entry = key === undefined ? undefined : built.tagEntries[Number(key)];
      if (!entry) return at(undefined, spec.tags?.keyRange);
      return at(detail === 'key' ? entry.keyRange : entry.range);
    }
    case 'tagOptions': {
      const entry = spec.tags?.items.find((e) => e.key === path.slice('tagOptions.'.length));
      return at(entry?.range, spec.tags?.keyRange);
    }
    case 'stackSet':
      return at(stackSetRange(spec, key, detail), spec.stackSetPreferences?.keyRange);
    case 'notificationArns': {
      const list = spec.notificationArns;
      return at(key === undefined ? list?.keyRange : list?.items[Number(key)]?.range, list?.keyRange);
    }
    default:
      return at(undefined);
  }
}

function stackSetRange(spec: SpecProduct, key: string | undefined, index: string | undefined): SpecRange | undefined {
  const section = spec.stackSetPreferences;
  if (!section || key === undefined) return section?.keyRange;
  if (key === 'accounts' || key === 'regions') {
    const list = section[key];
    return index === undefined ? list?.keyRange : list?.items[Number(index)]?.range;
  }
  return (STACK_SET_NUMBER_KEYS as readonly string[]).includes(key) ? section[key as typeof STACK_SET_NUMBER_KEYS[number]]?.range : undefined;
}
