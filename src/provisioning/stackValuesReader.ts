// The parameter values a provisioned product's stack runs with (DescribeStacks through the stacks
// seam), or why they cannot be read: the update form preselects them, the plan view compares with them.
import { currentValuesOfStack, noStackCause, type UnreadableCause } from '../core/parameters/stackValues';
import { StackAccessDeniedError } from '../core/stacks/stackAccess';
import type { StackLocation } from '../core/stacks/types';
import type { ControllerDeps } from './controllerDeps';

/** The values in use as the stack reports them, or why they could not be read. */
export type StackValues = { readonly values: ReturnType<typeof currentValuesOfStack> } | { readonly cause: UnreadableCause };

/** Never rejects; the values themselves are never logged. */
export async function readStackValues(
  deps: Pick<ControllerDeps, 'stacks' | 'logger'>, stack: StackLocation, type: string | undefined, productName: string,
): Promise<StackValues> {
  if (stack.kind === 'none') return { cause: noStackCause(type) };
  if (stack.kind === 'stackSet') return { cause: 'stackSet' };
  try {
    const reader = deps.stacks?.();
    if (!reader) return { cause: 'failed' };
    return { values: currentValuesOfStack((await reader.describeStack(stack.stackId)).parameters) };
  } catch (error) {
    if (error instanceof StackAccessDeniedError) return { cause: 'denied' };
    const message = (error as Error).message ?? String(error);
    deps.logger.warn(`Could not read the parameter values in use of ${productName} from its stack: ${message}`);
    return { cause: isStackMissing(error) ? 'notFound' : 'failed' };
  }
}

/** CloudFormation's answer for a stack it does not have: ValidationError "Stack with id … does not exist". */
function isStackMissing(error: unknown): boolean {
  const e = error as { name?: string; message?: string };
  return e?.name === 'ValidationError' && /does not exist/i.test(e.message ?? '');
}
