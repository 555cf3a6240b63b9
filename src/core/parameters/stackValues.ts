// The parameter values a provisioned product runs with, as its CloudFormation stack reports them
// (DescribeStacks): what the update form shows as current, whoever changed them. A NoEcho value comes
// back as `****`, and a value that would not show as it is (line breaks, control characters) is not
// shown either: both exist and are kept (UsePreviousValue), never shown, never sent back.
import { inert } from '../untrustedText';
import type { StackParameter } from '../stacks/types';
import type { CurrentValues } from './formModel';

/** What DescribeStacks returns for a NoEcho parameter's value. */
export const NO_ECHO_MASK = '****';

/** CloudFormation's longest parameter value: a value is shown whole or not at all. */
const PARAMETER_VALUE_MAX = 4096;

/** The stack's parameters as current values: shown only when the page can show them exactly as they are. */
export function currentValuesOfStack(parameters: readonly StackParameter[]): Extract<CurrentValues, { known: true }> {
  const values: Record<string, string> = {};
  const masked: string[] = [];
  for (const { key, value } of parameters) {
    if (!key) continue;
    if (value === NO_ECHO_MASK || inert(value, 'line', { maxLength: PARAMETER_VALUE_MAX }) !== value) masked.push(key);
    else values[key] = value;
  }
  return { known: true, values, masked };
}

/** Why the values in use could not be read. */
export type UnreadableCause = 'terraform' | 'external' | 'noStack' | 'stackSet' | 'denied' | 'notFound' | 'failed';

const WHY: Record<UnreadableCause, string> = {
  terraform: 'a Terraform product has no CloudFormation stack to read them from',
  external: 'an External product has no CloudFormation stack to read them from',
  noStack: 'Service Catalog names no CloudFormation stack for this provisioned product',
  stackSet: 'the stack instances of a stack set are not read here',
  denied: 'your permissions do not allow cloudformation:DescribeStacks on its stack',
  notFound: 'CloudFormation does not find its stack',
  failed: 'its stack could not be read just now',
};

/** Why the values in use could not be read, as a clause ("…because <this>"). */
export function whyUnreadable(cause: UnreadableCause): string {
  return WHY[cause];
}

/** The one sentence an update form shows when it cannot show the values in use. */
export function unreadableValuesNote(cause: UnreadableCause): string {
  return `Current values are not shown because ${whyUnreadable(cause)}, so every parameter keeps its current value unless you change it.`;
}

/** The cause for a provisioned product of `type` that has no stack (locateStack said none). */
export function noStackCause(type: string | undefined): UnreadableCause {
  if (type?.startsWith('TERRAFORM')) return 'terraform';
  if (type === 'EXTERNAL') return 'external';
  return 'noStack';
}
