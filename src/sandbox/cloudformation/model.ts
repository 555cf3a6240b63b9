// The trimmed official CloudFormation model (scripts/trimModel.mjs cloudformation): inputs are checked
// against it as the service does, outputs with the validateResponses knob (one validator, ../model.ts).
import { validateModelInput, validateModelOutput, type Model } from '../model';
import { toWire } from '../wire';
import modelJson from '../model/cloudformation.json';

const model = modelJson as unknown as Model;

export const CLOUDFORMATION_SIGNING_NAME = model.metadata.signingName ?? model.metadata.endpointPrefix;

export function isCloudFormationOperation(action: string): boolean {
  return Object.hasOwn(model.operations, action);
}

/** CloudFormation answers a broken input with ValidationError. */
export function validateCloudFormationInput(action: string, input: Record<string, string>): void {
  validateModelInput(model, action, input, 'ValidationError');
}

const STACK_STATUSES = new Set(model.shapes.StackStatus?.enum ?? []);

/**
 * How an output (Dates as they leave the handler) departs from the model. A stack's own events carry
 * stack statuses such as UPDATE_COMPLETE_CLEANUP_IN_PROGRESS in ResourceStatus, which the model's
 * ResourceStatus enum leaves out (the SDK reads enums as strings): those are not violations.
 */
export function validateCloudFormationOutput(action: string, output: unknown): string[] {
  return validateModelOutput(model, action, toWire(output))
    .filter((v) => !(/\.resourceStatus' failed to satisfy constraint: Member must satisfy enum/.test(v) && STACK_STATUSES.has(/^Value '([A-Z_]+)'/.exec(v)?.[1] ?? '')));
}
