// What a plan's page shows of what CloudFormation will do: each resource change with its scope and
// details, whether it replaces the resource (in words, not colour alone), and the plan's parameters
// against the values the stack runs with. Service text is made inert here, once; the page renders it
// as text. Pure: SDK types only.
import type { ResourceChange, ResourceChangeDetail, UpdateProvisioningParameter } from '@aws-sdk/client-service-catalog';
import { inert } from '../untrustedText';
import { NO_ECHO_MASK, whyUnreadable, type UnreadableCause } from '../parameters/stackValues';
import type { ChangeDetailRow, PlanParameterRow, Replaces, ResourceChangeRow } from '../webview/protocol';

/** CloudFormation's longest parameter value: a value is shown whole or not at all. */
const PARAMETER_VALUE_MAX = 4096;

const line = (text: unknown) => inert(text, 'line');

/** Replacement TRUE replaces the resource, CONDITIONAL may (it depends on values known only when it runs). */
export function replacesOf(replacement: string | undefined): Replaces {
  if (replacement === 'True' || replacement === 'TRUE') return 'yes';
  if (replacement === 'Conditional' || replacement === 'CONDITIONAL') return 'maybe';
  return 'no';
}

/** The words the page shows next to the replacement mark. */
export const REPLACES_WORDS: Record<Replaces, string> = { yes: 'replaces', maybe: 'may replace', no: '' };

function changeDetailRow(d: ResourceChangeDetail): ChangeDetailRow {
  return {
    attribute: line(d.Target?.Attribute ?? '?'),
    ...(d.Target?.Name ? { name: line(d.Target.Name) } : {}),
    ...(d.Target?.RequiresRecreation ? { requiresRecreation: line(d.Target.RequiresRecreation) } : {}),
    ...(d.Evaluation ? { evaluation: line(d.Evaluation) } : {}),
    ...(d.CausingEntity ? { causingEntity: line(d.CausingEntity) } : {}),
  };
}

export function resourceChangeRow(c: ResourceChange): ResourceChangeRow {
  const replacement = line(c.Replacement ?? 'FALSE');
  return {
    action: line(c.Action ?? '?'),
    logicalId: line(c.LogicalResourceId ?? '?'),
    ...(c.PhysicalResourceId ? { physicalId: line(c.PhysicalResourceId) } : {}),
    resourceType: line(c.ResourceType ?? '?'),
    replacement,
    replaces: replacesOf(c.Replacement),
    scope: (c.Scope ?? []).map(line),
    details: (c.Details ?? []).map(changeDetailRow),
  };
}

/** The values the stack runs with (shown ones, and the keys of those not shown), or why they are not known. */
export type StackValuesForPlan =
  | { readonly values: Readonly<Record<string, string>>; readonly masked?: readonly string[] }
  | { readonly cause: UnreadableCause };

/** A value shown only when it is shown exactly as it is: not NoEcho's mask, nothing inert would change. */
function showable(value: string | undefined): value is string {
  return value !== undefined && value !== NO_ECHO_MASK && inert(value, 'line', { maxLength: PARAMETER_VALUE_MAX }) === value;
}

/**
 * The plan's parameters, each with the resource changes the service attributes to it (a detail's
 * CausingEntity) and, where the stack was read, the value in use and whether the plan changes it.
 * A masked value on either side cannot be compared: its change is unknown.
 */
export function planParameterRows(
  parameters: readonly UpdateProvisioningParameter[], changes: readonly ResourceChange[], current?: StackValuesForPlan,
): PlanParameterRow[] {
  const known = current && 'values' in current ? current : undefined;
  return parameters.filter((p) => p.Key).map((p) => {
    const key = p.Key!;
    const causes = changes.filter((c) => (c.Details ?? []).some((d) => d.CausingEntity === key)).map((c) => line(c.LogicalResourceId ?? '?'));
    const keeps = p.UsePreviousValue === true;
    const planValue = keeps ? undefined : p.Value;
    const planMasked = planValue !== undefined && !showable(planValue);
    const currentValue = known?.values[key];
    const currentMasked = !!known && ((known.masked ?? []).includes(key) || (currentValue !== undefined && !showable(currentValue)));
    const changesValue: PlanParameterRow['changes'] = keeps ? 'no'
      : !known || planValue === undefined || planMasked || currentMasked ? 'unknown'
        : currentValue === undefined || currentValue !== planValue ? 'yes' : 'no';
    return {
      key: line(key),
      ...(planValue !== undefined && !planMasked ? { value: planValue } : {}),
      ...(planMasked ? { valueMasked: true } : {}),
      usePreviousValue: keeps,
      causes,
      ...(known && currentValue !== undefined && !currentMasked ? { currentValue } : {}),
      ...(currentMasked ? { currentMasked: true } : {}),
      changes: changesValue,
    };
  });
}

/** The one sentence the plan shows when the values in use could not be read. */
export function planCurrentValuesNote(cause: UnreadableCause): string {
  return `Values in use are not shown because ${whyUnreadable(cause)}, so only the plan's values are listed.`;
}
