// One form field per template parameter: a select for AllowedValues, a password box for NoEcho, a
// number box for Number, text otherwise; validated as the user types with the same rules the host uses.
import { allowedPatternHint, validateParameterValue, type ParameterField } from '../../src/core/parameters';
import { formatTime } from '../../src/core/localTime';
import { domId, FieldErrors, fieldGroup, h, option, type FieldControl } from './dom';

export interface RenderedParameter {
  readonly field: ParameterField;
  readonly group: HTMLElement;
  value(): string;
  /** Update forms: UsePreviousValue is ticked. */
  keepsPrevious(): boolean;
  validate(): string | undefined;
}

export interface ParameterFieldOptions {
  readonly errors: FieldErrors;
  /** A value to start with (restored state or the previous value); defaults to the field's default. */
  readonly initial?: string;
  readonly keepPrevious?: boolean;
  /** The parameter is new in the chosen version (update forms). */
  readonly isNew?: boolean;
  readonly onChange: () => void;
}

/** "one of …", "8–64 characters", "1 to 10": the constraints in a few words, shown under the field. */
export function constraintHint(field: ParameterField): string {
  const c = field.constraints;
  const hints: string[] = [];
  if (c.minLength !== undefined || c.maxLength !== undefined) hints.push(`${c.minLength ?? 0}–${c.maxLength ?? '∞'} characters`);
  if (c.minValue !== undefined || c.maxValue !== undefined) hints.push(`${c.minValue ?? '−∞'} to ${c.maxValue ?? '∞'}`);
  if (c.allowedPattern) hints.push(allowedPatternHint(c.allowedPattern));
  if (field.isList) hints.push('comma-separated');
  return hints.join(' · ');
}

/** What an update form shows in a kept field whose current value the service does not return. */
const CURRENT_UNCHANGED = 'Current value (unchanged)';
/** What it shows in a kept field whose current value the service returned masked (NoEcho: `****`). */
const CURRENT_MASKED = '•••• (current value, masked)';

function blankLabel(field: ParameterField): string {
  return field.required ? 'Choose a value…' : field.defaultValue ? `Default (${field.defaultValue})` : 'None';
}

function selectControl(field: ParameterField, initial: string, unknownCurrent: boolean): FieldControl {
  const select = h('vscode-single-select', {});
  const hasChoice = field.constraints.allowedValues!.includes(initial);
  if (!field.required || !hasChoice || unknownCurrent) {
    select.append(h('vscode-option', { value: '', selected: !hasChoice, description: '', class: 'blank-option' }, blankLabel(field)));
  }
  for (const value of field.constraints.allowedValues!) select.append(option(value, value, value === initial));
  return select;
}

function textControl(field: ParameterField, initial: string): FieldControl {
  const type = field.kind === 'password' ? 'password' : field.kind === 'number' ? 'number' : 'text';
  return h('vscode-textfield', {
    type,
    value: initial,
    autocomplete: 'off',
    placeholder: field.kind === 'password' ? '' : field.defaultValue ? `Default: ${field.defaultValue}` : field.isList ? 'value1,value2' : '',
    ...(field.kind === 'number' && field.constraints.minValue !== undefined ? { min: field.constraints.minValue } : {}),
    ...(field.kind === 'number' && field.constraints.maxValue !== undefined ? { max: field.constraints.maxValue } : {}),
  });
}

function describe(field: ParameterField, isNew: boolean): string {
  const facts = [field.key, field.parameterType, field.noEcho ? 'secret' : '', isNew ? 'new in this version' : '', constraintHint(field)];
  return [field.description, facts.filter(Boolean).join(' · ')].filter(Boolean).join(' — ');
}

export function renderParameter(field: ParameterField, o: ParameterFieldOptions): RenderedParameter {
  const path = `parameters.${field.key}`;
  // The service does not return current values: a kept field must not show the default as if it were one.
  const unknownCurrent = !!field.canKeepPrevious && field.previousValue === undefined && !field.noEcho;
  const maskedCurrent = !!field.canKeepPrevious && !!field.previousMasked;
  const keptAtStart = o.keepPrevious ?? field.keepPreviousByDefault ?? false;
  const startBlank = unknownCurrent && keptAtStart && o.initial === undefined;
  const initial = o.initial ?? field.previousValue ?? (field.kind === 'select' && !startBlank ? field.defaultValue ?? '' : '');
  const control = field.kind === 'select' ? selectControl(field, initial, unknownCurrent) : textControl(field, initial);
  const placeholder = (control as unknown as { placeholder?: string }).placeholder;
  const keep = field.canKeepPrevious
    ? h('vscode-checkbox', { checked: keptAtStart, class: 'keep-previous' }, field.noEcho ? 'Keep the current (secret) value' : maskedCurrent ? 'Keep the current value (masked)' : unknownCurrent ? 'Keep the current value (not readable here)' : 'Keep the current value')
    : undefined;
  const useLastSent = field.lastSent && !field.noEcho ? lastSentButton(field.lastSent) : undefined;
  const { group } = fieldGroup({ id: domId('param', field.key), label: field.label, required: field.required, description: describe(field, !!o.isNew), control, extra: [keep, useLastSent] });
  if (o.isNew) group.classList.add('is-new');
  o.errors.register(path, group.querySelector('.field-error') as HTMLElement, control);

  const value = () => String((control as unknown as { value?: string }).value ?? '');
  const keepsPrevious = () => !!keep && (keep as unknown as { checked: boolean }).checked;
  const validate = () => {
    const error = keepsPrevious() ? undefined : validateParameterValue(field, value());
    o.errors.set(path, error);
    return error;
  };
  const syncKeep = () => {
    control.disabled = keepsPrevious();
    if (keepsPrevious()) o.errors.set(path, undefined);
    if (unknownCurrent || maskedCurrent) showCurrentUnchanged(control, field, keepsPrevious(), placeholder, maskedCurrent ? CURRENT_MASKED : CURRENT_UNCHANGED);
  };
  let touched = false;
  control.addEventListener('change', () => {
    touched = true;
    validate();
    o.onChange();
  });
  control.addEventListener('input', () => {
    if (touched) validate();
    o.onChange();
  });
  control.addEventListener('blur', () => {
    touched = true;
    if (value() !== '' || field.required) validate();
  });
  keep?.addEventListener('change', () => {
    syncKeep();
    o.onChange();
  });
  useLastSent?.addEventListener('click', () => {
    (control as unknown as { value: string }).value = field.lastSent!.value;
    if (keep) (keep as unknown as { checked: boolean }).checked = false;
    syncKeep();
    touched = true;
    validate();
    o.onChange();
  });
  syncKeep();
  return { field, group, value, keepsPrevious, validate };
}

/**
 * What this editor sent last for a parameter, offered as such and never as the value in use (a plan,
 * another window or the console may have changed it since). Using it fills the field and unticks keep.
 */
function lastSentButton(sent: { value: string; sentAt: string }): HTMLElement {
  const shown = sent.value.length > 40 ? `${sent.value.slice(0, 39)}…` : sent.value;
  const when = formatTime(new Date(sent.sentAt));
  return h('vscode-button', { secondary: true, class: 'use-last-sent', title: 'Sent from this editor; the value in use may differ.' }, `Use last sent value (${shown}) from ${when}`);
}

/** While a field of unknown (or masked) current value is kept, its empty control says "current value (unchanged)". */
function showCurrentUnchanged(control: FieldControl, field: ParameterField, kept: boolean, placeholder: string | undefined, shown: string): void {
  const blank = control.querySelector('.blank-option');
  if (blank) blank.textContent = kept ? shown : blankLabel(field);
  else (control as unknown as { placeholder?: string }).placeholder = kept ? shown : placeholder ?? '';
}
