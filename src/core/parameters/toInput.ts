// Turns a validated submission into SDK command inputs. Optional values left empty are omitted, so
// the service applies its defaults (template defaults, all stack-set accounts/Regions, …).
import type {
  ProvisioningParameter, ProvisioningPreferences, ProvisionProductCommandInput, Tag, UpdateProvisionedProductCommandInput,
  UpdateProvisioningParameter, UpdateProvisioningPreferences,
} from '@aws-sdk/client-service-catalog';
import type { ProvisioningForm } from './formModel';
import { isGiven, parseWholeNumber, type StackSetSubmission } from './stackSet';
import { givenValue, type ProvisioningSubmission } from './submission';

/** Which product, version and launch path to provision (or update to). */
export interface ProductTarget {
  readonly productId: string;
  readonly provisioningArtifactId: string;
  readonly pathId?: string;
}

/** Which provisioned product to update (by id, the unambiguous choice). */
export interface UpdateTarget extends Partial<ProductTarget> {
  readonly provisionedProductId: string;
}

function givenValues(form: ProvisioningForm, submission: ProvisioningSubmission): ProvisioningParameter[] {
  const kept = new Set(submission.keepPrevious ?? []);
  return form.fields
    .filter((field) => !kept.has(field.key))
    .map((field) => ({ Key: field.key, Value: givenValue(submission.parameters, field.key) ?? '' }))
    .filter((parameter) => parameter.Value !== '');
}

function toTags(submission: ProvisioningSubmission): Tag[] {
  return (submission.tags ?? []).map((t) => ({ Key: t.key, Value: t.value }));
}

function toPreferences(stackSet: StackSetSubmission): ProvisioningPreferences {
  const numbers = {
    StackSetFailureToleranceCount: stackSet.failureToleranceCount,
    StackSetFailureTolerancePercentage: stackSet.failureTolerancePercentage,
    StackSetMaxConcurrencyCount: stackSet.maxConcurrencyCount,
    StackSetMaxConcurrencyPercentage: stackSet.maxConcurrencyPercentage,
  };
  const given = Object.entries(numbers)
    .filter(([, input]) => isGiven(input))
    .map(([name, input]) => [name, parseWholeNumber(input!)] as const);
  return {
    ...(stackSet.accounts?.length ? { StackSetAccounts: [...stackSet.accounts] } : {}),
    ...(stackSet.regions?.length ? { StackSetRegions: [...stackSet.regions] } : {}),
    ...Object.fromEntries(given),
  };
}

function nonEmpty<T extends object>(value: T): T | undefined {
  return Object.keys(value).length ? value : undefined;
}

/** Adds `key: value` only when the value is present and not an empty list/object. */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return {};
  return { [key]: value } as Record<K, V>;
}

export function toProvisionInput(
  form: ProvisioningForm, submission: ProvisioningSubmission, token: string, target: ProductTarget,
): ProvisionProductCommandInput {
  const preferences = submission.stackSet && form.stackSet ? nonEmpty(toPreferences(submission.stackSet)) : undefined;
  return {
    ProductId: target.productId,
    ProvisioningArtifactId: target.provisioningArtifactId,
    ...optional('PathId', target.pathId),
    ProvisionedProductName: submission.provisionedProductName ?? '',
    ...optional('ProvisioningParameters', givenValues(form, submission)),
    ...optional('ProvisioningPreferences', preferences),
    ...optional('Tags', toTags(submission)),
    ...optional('NotificationArns', submission.notificationArns ? [...submission.notificationArns] : undefined),
    ProvisionToken: token,
  };
}

function updateParameters(form: ProvisioningForm, submission: ProvisioningSubmission): UpdateProvisioningParameter[] {
  const kept = new Set(submission.keepPrevious ?? []);
  const keptParameters = form.fields
    .filter((field) => kept.has(field.key))
    .map((field) => ({ Key: field.key, UsePreviousValue: true }));
  return [...givenValues(form, submission), ...keptParameters];
}

function toUpdatePreferences(stackSet: StackSetSubmission): UpdateProvisioningPreferences | undefined {
  return nonEmpty({
    ...toPreferences(stackSet),
    ...optional('StackSetOperationType', stackSet.operationType),
  });
}

export function toUpdateInput(
  form: ProvisioningForm, submission: ProvisioningSubmission, token: string, target: UpdateTarget,
): UpdateProvisionedProductCommandInput {
  const preferences = submission.stackSet && form.stackSet ? toUpdatePreferences(submission.stackSet) : undefined;
  return {
    ProvisionedProductId: target.provisionedProductId,
    ...optional('ProductId', target.productId),
    ...optional('ProvisioningArtifactId', target.provisioningArtifactId),
    ...optional('PathId', target.pathId),
    ...optional('ProvisioningParameters', updateParameters(form, submission)),
    ...optional('ProvisioningPreferences', preferences),
    // Tags only when given and not refused by the path: an update that sends Tags needs a RESOURCE_UPDATE constraint allowing it.
    ...optional('Tags', submission.tags && form.tagUpdate !== 'NOT_ALLOWED' ? toTags(submission) : undefined),
    UpdateToken: token,
  };
}
