// Every operation the sandbox serves, by its model name.
import type { Operation } from '../env';
import { executeProvisionedProductPlan, createProvisionedProductPlan, deleteProvisionedProductPlan, describeProvisionedProductPlan, listProvisionedProductPlans } from './plans';
import { describeProduct, describeProductView, describeProvisioningArtifact, describeProvisioningParameters, listLaunchPaths, listProvisioningArtifacts, searchProducts } from './products';
import { describeProvisionedProduct, getProvisionedProductOutputs, scanProvisionedProducts, searchProvisionedProducts } from './provisionedProducts';
import { provisionProduct, terminateProvisionedProduct, updateProvisionedProduct, updateProvisionedProductProperties } from './provisioning';
import { describeRecord, listRecordHistory } from './records';
import { listStackInstancesForProvisionedProduct } from './stackInstances';
import { describeServiceActionExecutionParameters, executeProvisionedProductServiceAction, listServiceActionsForProvisioningArtifact } from './serviceActions';

export const OPERATIONS: Record<string, Operation> = {
  SearchProducts: searchProducts,
  DescribeProduct: describeProduct,
  DescribeProductView: describeProductView,
  ListLaunchPaths: listLaunchPaths,
  ListProvisioningArtifacts: listProvisioningArtifacts,
  DescribeProvisioningArtifact: describeProvisioningArtifact,
  DescribeProvisioningParameters: describeProvisioningParameters,
  ProvisionProduct: provisionProduct,
  SearchProvisionedProducts: searchProvisionedProducts,
  ScanProvisionedProducts: scanProvisionedProducts,
  DescribeProvisionedProduct: describeProvisionedProduct,
  GetProvisionedProductOutputs: getProvisionedProductOutputs,
  UpdateProvisionedProduct: updateProvisionedProduct,
  TerminateProvisionedProduct: terminateProvisionedProduct,
  DescribeRecord: describeRecord,
  ListRecordHistory: listRecordHistory,
  ListServiceActionsForProvisioningArtifact: listServiceActionsForProvisioningArtifact,
  DescribeServiceActionExecutionParameters: describeServiceActionExecutionParameters,
  ExecuteProvisionedProductServiceAction: executeProvisionedProductServiceAction,
  CreateProvisionedProductPlan: createProvisionedProductPlan,
  DescribeProvisionedProductPlan: describeProvisionedProductPlan,
  ListProvisionedProductPlans: listProvisionedProductPlans,
  ExecuteProvisionedProductPlan: executeProvisionedProductPlan,
  DeleteProvisionedProductPlan: deleteProvisionedProductPlan,
  UpdateProvisionedProductProperties: updateProvisionedProductProperties,
  ListStackInstancesForProvisionedProduct: listStackInstancesForProvisionedProduct,
};

/** Operations that change state (the wire layer may drop the connection after applying one). */
export const WRITE_OPERATIONS: ReadonlySet<string> = new Set([
  'ProvisionProduct', 'UpdateProvisionedProduct', 'TerminateProvisionedProduct', 'ExecuteProvisionedProductServiceAction',
  'CreateProvisionedProductPlan', 'ExecuteProvisionedProductPlan', 'DeleteProvisionedProductPlan', 'UpdateProvisionedProductProperties',
]);
