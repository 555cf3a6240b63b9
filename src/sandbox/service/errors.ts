// Each operation may only answer with the exceptions the model lists for it. A rule that would
// raise an unlisted exception falls back to the closest listed one, in the order given here.
import { ServiceError } from '../contract';

const LISTED: Record<string, readonly string[]> = {
  SearchProducts: ['InvalidParametersException'],
  DescribeProduct: ['ResourceNotFoundException', 'InvalidParametersException'],
  DescribeProductView: ['ResourceNotFoundException', 'InvalidParametersException'],
  ListLaunchPaths: ['InvalidParametersException', 'ResourceNotFoundException'],
  ListProvisioningArtifacts: ['ResourceNotFoundException', 'InvalidParametersException'],
  DescribeProvisioningArtifact: ['ResourceNotFoundException', 'InvalidParametersException'],
  DescribeProvisioningParameters: ['InvalidParametersException', 'ResourceNotFoundException'],
  ProvisionProduct: ['InvalidParametersException', 'ResourceNotFoundException', 'DuplicateResourceException'],
  SearchProvisionedProducts: ['InvalidParametersException'],
  ScanProvisionedProducts: ['InvalidParametersException'],
  DescribeProvisionedProduct: ['ResourceNotFoundException', 'InvalidParametersException'],
  GetProvisionedProductOutputs: ['InvalidParametersException', 'ResourceNotFoundException'],
  UpdateProvisionedProduct: ['InvalidParametersException', 'ResourceNotFoundException'],
  TerminateProvisionedProduct: ['ResourceNotFoundException'],
  DescribeRecord: ['ResourceNotFoundException'],
  ListRecordHistory: ['InvalidParametersException'],
  ListServiceActionsForProvisioningArtifact: ['ResourceNotFoundException', 'InvalidParametersException'],
  DescribeServiceActionExecutionParameters: ['InvalidParametersException', 'ResourceNotFoundException'],
  ExecuteProvisionedProductServiceAction: ['InvalidParametersException', 'ResourceNotFoundException', 'InvalidStateException'],
  CreateProvisionedProductPlan: ['InvalidParametersException', 'ResourceNotFoundException', 'InvalidStateException'],
  DescribeProvisionedProductPlan: ['ResourceNotFoundException', 'InvalidParametersException'],
  ListProvisionedProductPlans: ['ResourceNotFoundException', 'InvalidParametersException'],
  ExecuteProvisionedProductPlan: ['InvalidParametersException', 'ResourceNotFoundException', 'InvalidStateException'],
  DeleteProvisionedProductPlan: ['InvalidParametersException', 'ResourceNotFoundException'],
  UpdateProvisionedProductProperties: ['InvalidParametersException', 'ResourceNotFoundException', 'InvalidStateException'],
};

export type ErrorKind = 'notFound' | 'invalidParameters' | 'invalidState' | 'duplicate';

const PREFERENCE: Record<ErrorKind, readonly string[]> = {
  notFound: ['ResourceNotFoundException', 'InvalidParametersException'],
  invalidParameters: ['InvalidParametersException', 'ResourceNotFoundException'],
  invalidState: ['InvalidStateException', 'InvalidParametersException', 'ResourceNotFoundException'],
  duplicate: ['DuplicateResourceException', 'InvalidParametersException', 'ResourceNotFoundException'],
};

export function listedErrors(operation: string): readonly string[] {
  return LISTED[operation] ?? [];
}

/** The exception `operation` answers with for this kind of problem. */
export function errorType(operation: string, kind: ErrorKind): string {
  const listed = listedErrors(operation);
  return PREFERENCE[kind].find((type) => listed.includes(type)) ?? PREFERENCE[kind][0];
}

export function fail(operation: string, kind: ErrorKind, message: string): never {
  throw new ServiceError(errorType(operation, kind), message);
}
