// The parameters part of the provision/update page, built from the host's ProvisioningForm: name,
// parameters, tags (TagOptions and free tags), stack-set preferences and notification ARNs.
// `collect()` gives the submission; `savedValues()` the same without NoEcho values (for setState).
import type { ListedTags } from '../../src/core/webview/protocol';
import {
  labelFromKey, TAGS_NOT_UPDATABLE, validateProvisionedProductName, type ParameterDiff, type ProvisioningForm, type ProvisioningSubmission,
  type StackSetSubmission, type TagEntry,
} from '../../src/core/parameters';
import { givenValue } from '../../src/core/parameters/submission';
import { banner, domId, FieldErrors, fieldGroup, h, option, section, type FieldControl } from '../shared/dom';
import { renderParameter, type RenderedParameter } from '../shared/parameterFields';

export interface SavedValues {
  name?: string;
  parameters?: Record<string, string>;
  keepPrevious?: string[];
  replaceTags?: boolean;
  tagOptions?: Record<string, string>;
  tags?: TagEntry[];
  stackSet?: Record<string, string>;
  notificationArns?: string;
}

export interface FormView {
  readonly element: HTMLElement;
  readonly errors: FieldErrors;
  collect(): ProvisioningSubmission;
  savedValues(): SavedValues;
}

type Value = { value: string | string[] };
const valueOf = (el: Element) => (el as unknown as Value).value;
const textOf = (el: Element) => String(valueOf(el) ?? '');
const listOf = (text: string) => text.split(/[\s,]+/).map((v) => v.trim()).filter(Boolean);

function textfield(props: Record<string, unknown> = {}): FieldControl {
  return h('vscode-textfield', { autocomplete: 'off', ...props });
}

function errorSlot(errors: FieldErrors, path: string, group: HTMLElement, control?: FieldControl): void {
  errors.register(path, group.querySelector('.field-error') as HTMLElement, control);
}

function nameSection(errors: FieldErrors, saved: SavedValues, onChange: () => void) {
  const control = textfield({ value: saved.name ?? '', placeholder: 'e.g. orders-db-dev', maxLength: 128 });
  const { group } = fieldGroup({
    id: 'pp-name', label: 'Provisioned product name', required: true, control,
    description: '1–128 characters: letters, digits, ".", "_" and "-", starting with a letter or digit. Must be unique in the account.',
  });
  errorSlot(errors, 'name', group, control);
  const check = () => errors.set('name', validateProvisionedProductName(textOf(control)));
  control.addEventListener('change', () => (check(), onChange()));
  control.addEventListener('input', onChange);
  return { element: section('Name', group), value: () => textOf(control) };
}

/** Removed parameters are not in the new version's fields: their labels come from their keys. */
function parameterLabel(form: ProvisioningForm, key: string): string {
  return form.fields.find((f) => f.key === key)?.label ?? labelFromKey(key);
}

function diffBanner(form: ProvisioningForm, diff: ParameterDiff | undefined): HTMLElement | undefined {
  if (!diff || (!diff.added.length && !diff.removed.length && !diff.changed.length)) return undefined;
  const labels = (keys: readonly string[]) => keys.map((key) => parameterLabel(form, key)).join(', ');
  const dropped = diff.removed.length === 1 ? 'its value is dropped' : 'their values are dropped';
  return banner(
    'info',
    h('strong', {}, 'This version changes the parameters. '),
    diff.added.length ? `Adds ${labels(diff.added)}. ` : '',
    diff.removed.length ? `Removes ${labels(diff.removed)} (${dropped}). ` : '',
    diff.changed.length ? `Changes ${diff.changed.map((c) => `${parameterLabel(form, c.key)} (${c.aspects.join(', ')})`).join(', ')}.` : '',
  );
}

function parametersSection(form: ProvisioningForm, errors: FieldErrors, saved: SavedValues, diff: ParameterDiff | undefined, onChange: () => void) {
  const added = new Set(diff?.added ?? []);
  const keep = saved.keepPrevious ? new Set(saved.keepPrevious) : undefined;
  const rendered = form.fields.map((field) => {
    const restored = field.noEcho ? undefined : givenValue(saved.parameters, field.key);
    return renderParameter(field, {
      errors, onChange, isNew: form.mode === 'update' && added.has(field.key),
      ...(restored !== undefined ? { initial: restored } : {}),
      ...(keep && field.canKeepPrevious ? { keepPrevious: keep.has(field.key) } : {}),
    });
  });
  const body = rendered.length ? rendered.map((r) => r.group) : [h('p', { class: 'subtle' }, 'This version has no parameters.')];
  return { element: section('Parameters', diffBanner(form, diff), ...body), rendered };
}

function tagOptionsPart(form: ProvisioningForm, errors: FieldErrors, saved: SavedValues, onChange: () => void) {
  const selects = form.tagOptions.map((group) => {
    const initial = givenValue(saved.tagOptions, group.key) ?? group.defaultValue ?? '';
    const control = h('vscode-single-select', {});
    control.append(option('', group.required ? 'Choose a value…' : 'No tag', !initial));
    for (const value of group.values) control.append(option(value, value, value === initial));
    // A value chosen (by mouse or keyboard) answers "Choose a value for the tag": its error goes at once.
    const chosen = () => {
      if (textOf(control)) errors.set(`tagOptions.${group.key}`, undefined);
    };
    control.addEventListener('change', () => (chosen(), onChange()));
    control.addEventListener('input', chosen);
    const { group: el } = fieldGroup({ id: domId('tagoption', group.key), label: group.key, required: group.required, description: 'TagOption from the portfolio or product: choose one of the allowed values.', control });
    errorSlot(errors, `tagOptions.${group.key}`, el, control);
    return { key: group.key, control, element: el };
  });
  return { elements: selects.map((s) => s.element), values: () => Object.fromEntries(selects.map((s) => [s.key, textOf(s.control)])) };
}

interface TagRow {
  readonly key: FieldControl;
  readonly value: FieldControl;
  readonly row: HTMLElement;
}

/** A new web component renders its input on its first update: focus it once that is done. */
async function focusWhenRendered(control: FieldControl & { updateComplete?: Promise<unknown> }): Promise<void> {
  await control.updateComplete;
  control.focus();
}

function freeTagsPart(errors: FieldErrors, saved: SavedValues, heading: string | undefined, onChange: () => void) {
  const list = h('div', { class: 'tag-rows' });
  const rows: TagRow[] = [];
  let errorPaths: string[] = [];
  const filled = () =>
    rows.map((entry) => ({ entry, tag: { key: textOf(entry.key).trim(), value: textOf(entry.value) } })).filter(({ tag }) => tag.key || tag.value);
  /** Error paths name the tag's index in the submission: after the TagOption choices, empty rows left out. */
  const numberFrom = (first: number) => {
    errorPaths.forEach((path) => errors.unregister(path));
    errorPaths = filled().flatMap(({ entry }, i) => {
      const [key, value] = [`tags.${first + i}.key`, `tags.${first + i}.value`];
      errors.register(key, entry.row.querySelector('.key-error') as HTMLElement, entry.key);
      errors.register(value, entry.row.querySelector('.value-error') as HTMLElement, entry.value);
      return [key, value];
    });
  };
  const addRow = (tag: TagEntry = { key: '', value: '' }) => {
    const index = rows.length;
    const key = textfield({ value: tag.key, label: `Tag ${index + 1} key`, placeholder: 'Key' });
    const value = textfield({ value: tag.value, label: `Tag ${index + 1} value`, placeholder: 'Value' });
    const remove = h('vscode-button', { secondary: true, icon: 'trash', 'aria-label': `Remove tag ${index + 1}`, onclick: () => {
      rows.splice(rows.indexOf(entry), 1);
      row.remove();
      onChange();
    } });
    const row = h('div', { class: 'tag-row' }, key, value, remove, h('p', { class: 'field-error key-error', role: 'alert', hidden: true }), h('p', { class: 'field-error value-error', role: 'alert', hidden: true }));
    const entry = { key, value, row };
    key.addEventListener('input', onChange);
    value.addEventListener('input', onChange);
    rows.push(entry);
    list.append(row);
    return key;
  };
  for (const tag of saved.tags ?? []) addRow(tag);
  const add = h('vscode-button', { secondary: true, icon: 'add', onclick: () => void focusWhenRendered(addRow()) }, 'Add tag');
  const overall = h('p', { class: 'field-error', role: 'alert', hidden: true });
  errors.register('tags', overall);
  return {
    element: h('div', {}, heading ? h('h3', {}, heading) : undefined, list, add, overall),
    values: (): TagEntry[] => filled().map(({ tag }) => tag),
    numberFrom,
  };
}

/** The tags as last listed, read-only: the ones people set, then the service's own (`aws:`) apart. */
function listedTagsPart(listed: ListedTags | undefined): HTMLElement[] {
  if (!listed) return [];
  const list = (tags: ListedTags['user']) => h('ul', { class: 'listed-tags' }, ...tags.map((t) => h('li', {}, h('code', {}, t.key), ' = ', h('code', {}, t.value))));
  return [
    h('h3', {}, 'Tags now (as the tree last listed them)'),
    listed.user.length ? list(listed.user) : h('p', { class: 'subtle' }, 'No tags.'),
    ...(listed.system.length
      ? [h('h3', {}, 'AWS tags'), h('p', { class: 'subtle' }, 'Added by Service Catalog (keys starting with aws:); they are never sent back.'), list(listed.system)]
      : []),
  ];
}

/** Saved input first; else, in an update that replaces the tags, the listed tags people set (TagOption keys go to their fields). */
function initialTags(form: ProvisioningForm, saved: SavedValues, listed: ListedTags | undefined): SavedValues {
  if (form.mode !== 'update' || !listed || saved.tags || saved.tagOptions) return saved;
  const optionKeys = new Set(form.tagOptions.map((g) => g.key));
  const tagOptions = Object.fromEntries(listed.user.filter((t) => form.tagOptions.some((g) => g.key === t.key && g.values.includes(t.value))).map((t) => [t.key, t.value]));
  return { ...saved, tagOptions, tags: listed.user.filter((t) => !optionKeys.has(t.key)).map((t) => ({ key: t.key, value: t.value })) };
}

function tagsSection(form: ProvisioningForm, errors: FieldErrors, savedInput: SavedValues, listed: ListedTags | undefined, onChange: () => void) {
  const listedPart = listedTagsPart(listed);
  if (form.mode === 'update' && form.tagUpdate === 'NOT_ALLOWED') {
    // The path's constraints refuse tag updates: the tags are shown, nothing to edit, none sent.
    const element = section('Tags', h('p', { class: 'tag-update-refused' }, TAGS_NOT_UPDATABLE), ...listedPart);
    return { element, tags: (): TagEntry[] | undefined => undefined, replacing: () => false, optionValues: () => ({}), freeTags: (): TagEntry[] => [] };
  }
  const saved = initialTags(form, savedInput, listed);
  const options = tagOptionsPart(form, errors, saved, onChange);
  // The section is already headed "Tags": a subheading only sets the free tags apart from the TagOptions.
  const free = freeTagsPart(errors, saved, form.tagOptions.length ? 'Additional tags' : undefined, onChange);
  const body = h('div', {}, ...options.elements, free.element);
  const replace =
    form.mode === 'update'
      ? h('vscode-checkbox', { checked: !!saved.replaceTags }, 'Replace the tags (needs a RESOURCE_UPDATE constraint that allows tag updates)')
      : undefined;
  const sync = () => (body.hidden = !!replace && !(replace as unknown as { checked: boolean }).checked);
  replace?.addEventListener('change', () => (sync(), onChange()));
  sync();
  const replacing = () => !replace || (replace as unknown as { checked: boolean }).checked;
  const tags = (): TagEntry[] | undefined => {
    if (!replacing()) return undefined;
    const fromOptions = Object.entries(options.values()).filter(([, v]) => v).map(([key, value]) => ({ key, value }));
    free.numberFrom(fromOptions.length); // errors about this list name these indexes
    return [...fromOptions, ...free.values()];
  };
  return { element: section('Tags', ...listedPart, replace, body), tags, replacing, optionValues: options.values, freeTags: free.values };
}

function choiceList(id: string, label: string, choices: readonly string[], saved: string, description: string) {
  if (!choices.length) {
    const control = textfield({ value: saved, placeholder: 'comma-separated; empty: all' });
    return { ...fieldGroup({ id, label, control, description }), control, values: () => listOf(textOf(control)) };
  }
  const control = h('vscode-multi-select', {});
  const chosen = new Set(listOf(saved));
  for (const c of choices) control.append(option(c, c, chosen.has(c)));
  return { ...fieldGroup({ id, label, control, description: `${description} None chosen: all of them.` }), control, values: () => [...((valueOf(control) as string[]) ?? [])] };
}

/** Failure tolerance / max concurrency: one number with its unit, so count and percentage never both go. */
function boundField(id: string, label: string, countKey: string, percentageKey: string, saved: Record<string, string>, description: string) {
  const unit = h('vscode-single-select', { class: 'unit', label: `${label} unit` });
  const usePercentage = !!saved[percentageKey];
  unit.append(option('count', 'Count', !usePercentage), option('percentage', 'Percentage', usePercentage));
  const control = textfield({ type: 'number', min: 0, value: saved[percentageKey] ?? saved[countKey] ?? '' });
  const { group } = fieldGroup({ id, label, control, description, extra: [unit] });
  const values = (): Record<string, string> => {
    const amount = textOf(control).trim();
    if (!amount) return {};
    return { [textOf(unit) === 'percentage' ? percentageKey : countKey]: amount };
  };
  return { group, control, values };
}

function stackSetSection(form: ProvisioningForm, errors: FieldErrors, saved: SavedValues) {
  const set = form.stackSet!;
  const s = saved.stackSet ?? {};
  const accounts = choiceList('ss-accounts', 'Accounts', set.accounts, s.accounts ?? '', 'AWS accounts to deploy stack instances to.');
  const regions = choiceList('ss-regions', 'Regions', set.regions, s.regions ?? '', 'Regions to deploy stack instances to.');
  const tolerance = boundField('ss-tolerance', 'Failure tolerance', 'failureToleranceCount', 'failureTolerancePercentage', s, 'How many stack instance failures (or what percentage) stop the operation in a Region.');
  const concurrency = boundField('ss-concurrency', 'Maximum concurrency', 'maxConcurrencyCount', 'maxConcurrencyPercentage', s, 'How many accounts (or what percentage) are deployed at once.');
  errorSlot(errors, 'stackSet.accounts', accounts.group, accounts.control);
  errorSlot(errors, 'stackSet.regions', regions.group, regions.control);
  for (const key of ['failureToleranceCount', 'failureTolerancePercentage']) errorSlot(errors, `stackSet.${key}`, tolerance.group, tolerance.control);
  for (const key of ['maxConcurrencyCount', 'maxConcurrencyPercentage']) errorSlot(errors, `stackSet.${key}`, concurrency.group, concurrency.control);
  const operation = form.mode === 'update' ? h('vscode-single-select', {}) : undefined;
  if (operation) operation.append(option('', 'Default (UPDATE)', !s.operationType), ...['CREATE', 'UPDATE', 'DELETE'].map((o) => option(o, o, s.operationType === o)));
  const operationGroup = operation ? fieldGroup({ id: 'ss-operation', label: 'Stack set operation', control: operation, description: 'CREATE adds stack instances, DELETE removes them, UPDATE updates them.' }).group : undefined;
  const values = (): StackSetSubmission => ({
    ...(accounts.values().length ? { accounts: accounts.values() } : {}),
    ...(regions.values().length ? { regions: regions.values() } : {}),
    ...tolerance.values(),
    ...concurrency.values(),
    ...(operation && textOf(operation) ? { operationType: textOf(operation) as StackSetSubmission['operationType'] } : {}),
  });
  return { element: section('Stack set preferences', accounts.group, regions.group, tolerance.group, concurrency.group, operationGroup), values };
}

function notificationsSection(errors: FieldErrors, saved: SavedValues) {
  const control = h('vscode-textarea', { value: saved.notificationArns ?? '', rows: 2, placeholder: 'arn:aws:sns:<region>:<account>:<topic>, one per line' });
  const { group } = fieldGroup({ id: 'notification-arns', label: 'Notification ARNs', control, description: 'SNS topics for stack events, one per line (at most 5).' });
  errorSlot(errors, 'notificationArns', group, control);
  return { element: section('Notifications', group), text: () => textOf(control), values: () => listOf(textOf(control)) };
}

/** `listed`: update forms, the provisioned product's tags as last listed (shown read-only, never as what the service says now). */
export function renderFormView(form: ProvisioningForm, saved: SavedValues, diff: ParameterDiff | undefined, onChange: () => void, listed?: ListedTags): FormView {
  const errors = new FieldErrors();
  const name = form.mode === 'provision' ? nameSection(errors, saved, onChange) : undefined;
  const parameters = parametersSection(form, errors, saved, diff, onChange);
  const tags = tagsSection(form, errors, saved, listed, onChange);
  // Only STACKSET-constrained (CFN_STACKSET) versions name accounts or Regions; an empty preferences object means none.
  const stackSet = form.stackSet && (form.stackSet.accounts.length || form.stackSet.regions.length) ? stackSetSection(form, errors, saved) : undefined;
  const notifications = form.mode === 'provision' ? notificationsSection(errors, saved) : undefined;
  const element = h('div', { class: 'form-view' }, name?.element, parameters.element, tags.element, stackSet?.element, notifications?.element);

  const parameterValues = (rendered: readonly RenderedParameter[], includeSecrets: boolean) =>
    Object.fromEntries(rendered.filter((r) => !r.keepsPrevious() && (includeSecrets || !r.field.noEcho)).map((r) => [r.field.key, r.value()]));
  const keepPrevious = () => parameters.rendered.filter((r) => r.keepsPrevious()).map((r) => r.field.key);

  const collect = (): ProvisioningSubmission => {
    const tagList = tags.tags();
    const notificationArns = notifications?.values() ?? [];
    const stackSetValues = stackSet?.values();
    return {
      ...(name ? { provisionedProductName: name.value().trim() } : {}),
      parameters: parameterValues(parameters.rendered, true),
      ...(form.mode === 'update' ? { keepPrevious: keepPrevious() } : {}),
      ...(tagList !== undefined ? { tags: tagList } : {}),
      ...(stackSetValues && Object.keys(stackSetValues).length ? { stackSet: stackSetValues } : {}),
      ...(notificationArns.length ? { notificationArns } : {}),
    };
  };

  const savedValues = (): SavedValues => {
    const ss = stackSet?.values();
    return {
      ...(name ? { name: name.value() } : {}),
      parameters: parameterValues(parameters.rendered, false),
      keepPrevious: keepPrevious(),
      replaceTags: tags.replacing(),
      tagOptions: tags.optionValues(),
      tags: tags.freeTags(),
      ...(ss ? { stackSet: { ...ss, accounts: (ss.accounts ?? []).join(','), regions: (ss.regions ?? []).join(',') } as Record<string, string> } : {}),
      ...(notifications ? { notificationArns: notifications.text() } : {}),
    };
  };
  return { element, errors, collect, savedValues };
}
