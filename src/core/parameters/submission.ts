// What the form sends back (JSON from the webview), and its validation against the form model.
import { TAGS_NOT_UPDATABLE, type ProvisioningForm } from './formModel';
import { validateParameterValue } from './parameterValidation';
import { NO_ECHO_MASK } from './stackValues';
import { type StackSetSubmission, validateStackSetPreferences } from './stackSet';
import {
  MAX_NOTIFICATION_ARNS, MAX_TAGS, validateNotificationArn, validateProvisionedProductName, validateTagKey,
  validateTagValue,
} from './validators';

export interface TagEntry {
  readonly key: string;
  readonly value: string;
}

export interface ProvisioningSubmission {
  /** Required when provisioning; ignored by updates. */
  readonly provisionedProductName?: string;
  /** Values typed or chosen, by parameter key. Empty strings mean "not given". */
  readonly parameters: Readonly<Record<string, string>>;
  /** Update only: keys whose previous value is kept (UsePreviousValue). */
  readonly keepPrevious?: readonly string[];
  /** The chosen TagOption values first (one per key), then the free tags. */
  readonly tags?: readonly TagEntry[];
  readonly stackSet?: StackSetSubmission;
  readonly notificationArns?: readonly string[];
}

/** Error messages by field path: "name", "parameters.<Key>", "tags.<i>.key", "tagOptions.<Key>", "stackSet.<name>", … */
export type ValidationErrors = Record<string, string>;

export interface ValidationResult {
  readonly valid: boolean;
  readonly errors: ValidationErrors;
}

/**
 * The value given for a parameter key: the object's own property only, so a key like `constructor` or
 * `toString` that was not given is absent rather than Object.prototype's member.
 */
export function givenValue(values: Readonly<Record<string, string>> | undefined, key: string): string | undefined {
  return values && Object.hasOwn(values, key) ? values[key] : undefined;
}

const MASK_NOT_A_VALUE = `${NO_ECHO_MASK} is how CloudFormation masks the value in use: keep the current value, or type a new one.`;

function validateParameters(form: ProvisioningForm, submission: ProvisioningSubmission, errors: ValidationErrors): void {
  const kept = new Set(submission.keepPrevious ?? []);
  const known = new Set(form.fields.map((f) => f.key));
  for (const field of form.fields) {
    if (kept.has(field.key)) {
      if (!field.canKeepPrevious) errors[`parameters.${field.key}`] = `${field.label} has no previous value to keep.`;
      continue;
    }
    const given = givenValue(submission.parameters, field.key);
    // The mask is not a value: sent, it would replace the value in use with four asterisks.
    const error = field.previousMasked && given === NO_ECHO_MASK ? MASK_NOT_A_VALUE : validateParameterValue(field, given);
    if (error) errors[`parameters.${field.key}`] = error;
  }
  for (const key of [...Object.keys(submission.parameters), ...kept]) {
    if (!known.has(key)) errors[`parameters.${key}`] = `${key} is not a parameter of this version.`;
  }
}

/**
 * A key given before: the form sends the TagOption choices first, so a later tag with a TagOption key is
 * a free tag repeating it (the value must come from the TagOption's own list).
 */
function repeatedKeyError(key: string, seen: ReadonlySet<string>, tagOptionKeys: ReadonlySet<string>): string | undefined {
  if (!seen.has(key)) return undefined;
  return tagOptionKeys.has(key)
    ? `${key} is a TagOption: choose its value in the ${key} field above instead of adding it as a tag.`
    : `Tag key "${key}" is used twice.`;
}

function validateFreeTags(form: ProvisioningForm, tags: readonly TagEntry[], errors: ValidationErrors): void {
  const tagOptionKeys = new Set(form.tagOptions.map((group) => group.key));
  const seen = new Set<string>();
  tags.forEach((tag, index) => {
    const keyError = validateTagKey(tag.key) ?? repeatedKeyError(tag.key, seen, tagOptionKeys);
    const valueError = validateTagValue(tag.value);
    if (keyError) errors[`tags.${index}.key`] = keyError;
    if (valueError) errors[`tags.${index}.value`] = valueError;
    seen.add(tag.key);
  });
  if (tags.length > MAX_TAGS) errors.tags = `At most ${MAX_TAGS} tags are allowed.`;
}

/**
 * TagOption keys must have one of their allowed values; required keys must be present. An update that
 * sends no tags leaves them as they are, so required keys are checked only when tags are sent.
 */
function validateTagOptions(form: ProvisioningForm, submission: ProvisioningSubmission, errors: ValidationErrors): void {
  const tags = submission.tags ?? [];
  const requireKeys = form.mode === 'provision' || submission.tags !== undefined;
  for (const group of form.tagOptions) {
    const tag = tags.find((t) => t.key === group.key);
    if (!tag) {
      if (group.required && requireKeys) errors[`tagOptions.${group.key}`] = `Choose a value for the tag ${group.key}.`;
      continue;
    }
    if (!group.values.includes(tag.value)) {
      errors[`tagOptions.${group.key}`] = `The tag ${group.key} must be one of: ${group.values.join(', ')}.`;
    }
  }
}

function validateNotificationArns(arns: readonly string[], errors: ValidationErrors): void {
  arns.forEach((arn, index) => {
    const error = validateNotificationArn(arn);
    if (error) errors[`notificationArns.${index}`] = error;
  });
  if (arns.length > MAX_NOTIFICATION_ARNS) errors.notificationArns = `At most ${MAX_NOTIFICATION_ARNS} notification ARNs are allowed.`;
}

export function validateProvisioningSubmission(form: ProvisioningForm, submission: ProvisioningSubmission): ValidationResult {
  const errors: ValidationErrors = {};
  if (form.mode === 'provision') {
    const nameError = validateProvisionedProductName(submission.provisionedProductName ?? '');
    if (nameError) errors.name = nameError;
  }
  validateParameters(form, submission, errors);
  if (form.mode === 'update' && form.tagUpdate === 'NOT_ALLOWED' && submission.tags !== undefined) {
    errors.tags = TAGS_NOT_UPDATABLE;
  }
  validateFreeTags(form, submission.tags ?? [], errors);
  validateTagOptions(form, submission, errors);
  if (submission.stackSet) {
    if (form.stackSet) Object.assign(errors, validateStackSetPreferences(form.stackSet, submission.stackSet, form.mode));
    else errors.stackSet = 'This product version takes no stack set preferences.';
  }
  if (submission.notificationArns) {
    if (form.mode === 'update') errors.notificationArns = 'Notification ARNs can only be set when provisioning.';
    else validateNotificationArns(submission.notificationArns, errors);
  }
  return { valid: Object.keys(errors).length === 0, errors };
}
