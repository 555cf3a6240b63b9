// Finding a provisioned product's stack from what Service Catalog says, and nothing else: the record's
// CloudformationStackARN output, or the product's PhysicalId when the product is one stack. A stack
// set is read through ListStackInstancesForProvisionedProduct; Terraform and External products have
// no stack at all.
import type { StackLocation } from './types';

/** The record output naming the stack (provision, update and terminate records of CloudFormation products). */
export const STACK_ARN_OUTPUT = 'CloudformationStackARN';

/** arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>: the one shape a stack id has. */
const STACK_ARN = /^arn:aws[a-z-]*:cloudformation:[a-z0-9-]{1,30}:\d{12}:stack\/[A-Za-z][A-Za-z0-9-]{0,127}\/[A-Za-z0-9-]{1,64}$/;

export function isStackArn(value: string | undefined): value is string {
  return !!value && STACK_ARN.test(value);
}

/** Provisioned product types that are one CloudFormation stack (a Control Tower account is launched as one). */
const STACK_TYPES: ReadonlySet<string> = new Set(['CFN_STACK', 'CONTROL_TOWER_ACCOUNT']);

/** Whether a provisioned product of this type is (or will be) one stack; an unknown type may be. */
export function mayBeOneStack(type: string | undefined): boolean {
  return !type || STACK_TYPES.has(type);
}

export interface LocatableProduct {
  readonly Id?: string;
  readonly Type?: string;
  readonly PhysicalId?: string;
}

export interface RecordOutputLike {
  readonly OutputKey?: string;
  readonly OutputValue?: string;
}

/** The stack a record names in its outputs, if it names one. */
export function stackOfRecord(outputs: readonly RecordOutputLike[] | undefined): string | undefined {
  const value = outputs?.find((o) => o.OutputKey === STACK_ARN_OUTPUT)?.OutputValue?.trim();
  return isStackArn(value) ? value : undefined;
}

/** Where the product's CloudFormation is; a record's outputs (when at hand) win over the PhysicalId. */
export function locateStack(product: LocatableProduct, recordOutputs?: readonly RecordOutputLike[]): StackLocation {
  const type = product.Type;
  if (type === 'CFN_STACKSET') {
    return product.Id ? { kind: 'stackSet', provisionedProductId: product.Id } : { kind: 'none', reason: 'The provisioned product has no id.' };
  }
  if (type && !STACK_TYPES.has(type)) return { kind: 'none', reason: noStackReason(type) };
  const fromRecord = stackOfRecord(recordOutputs);
  if (fromRecord) return { kind: 'stack', stackId: fromRecord };
  if (isStackArn(product.PhysicalId)) return { kind: 'stack', stackId: product.PhysicalId };
  return { kind: 'none', reason: 'Service Catalog names no CloudFormation stack for this provisioned product (yet).' };
}

function noStackReason(type: string): string {
  if (type.startsWith('TERRAFORM')) return 'A Terraform provisioned product has no CloudFormation stack.';
  if (type === 'EXTERNAL') return 'An External provisioned product has no CloudFormation stack.';
  return `A provisioned product of type ${type.slice(0, 40)} has no CloudFormation stack.`;
}
