// Starting and finishing records: the one place that changes a provisioned product's status,
// so operations, plans and the seed all move products through the same life cycle.
import type { OpEnv } from './env';
import { hash32 } from './state';
import type { CatalogState } from './state';
import { fillTemplate } from './templates';
import { planTimeline, type TimelinePlan } from './timeline';
import type { Product, ProvisionedProduct, RecordData, RecordEffect, RecordOutput, RecordType } from './types';

const PROVISIONING_TYPES: ReadonlySet<RecordType> = new Set(['PROVISION_PRODUCT', 'UPDATE_PROVISIONED_PRODUCT', 'TERMINATE_PROVISIONED_PRODUCT']);

export interface RecordRequest {
  type: RecordType;
  artifactId: string;
  pathId: string;
  work: TimelinePlan;
  errors?: { Code: string; Description: string }[];
  effect?: RecordEffect;
  launchRoleArn?: string;
}

/** Creates a record for `pp` and puts the product UNDER_CHANGE (property updates leave the status alone). */
export function startRecord(env: OpEnv, pp: ProvisionedProduct, request: RecordRequest): RecordData {
  const id = env.state.newId('rec');
  const timeline = planTimeline(env.now, { ...request.work, workSeconds: env.workSeconds ?? request.work.workSeconds }, env.timeScale, id);
  const record: RecordData = {
    id,
    type: request.type,
    provisionedProductId: pp.id,
    provisionedProductName: pp.name,
    provisionedProductType: pp.type,
    productId: pp.productId,
    artifactId: request.artifactId,
    pathId: request.pathId,
    createdTime: env.now,
    updatedTime: env.now,
    status: 'CREATED',
    timeline,
    errors: request.errors ?? [],
    tags: request.effect?.tags ?? pp.tags,
    launchRoleArn: request.launchRoleArn ?? pp.launchRoleArn,
    ownerArn: pp.userArn,
    outputs: [],
    effect: request.effect ?? {},
    settled: false,
  };
  env.state.addRecord(record);
  pp.lastRecordId = id;
  if (PROVISIONING_TYPES.has(request.type)) pp.lastProvisioningRecordId = id;
  if (request.type !== 'UPDATE_PROVISIONED_PRODUCT_PROPERTIES') {
    if (pp.status !== 'UNDER_CHANGE' && pp.status !== 'PLAN_IN_PROGRESS') pp.statusBeforeChange = pp.status;
    pp.status = 'UNDER_CHANGE';
    pp.statusMessage = undefined;
  }
  return record;
}

/** Applies a finished record to its provisioned product (once). */
export function settleRecord(state: CatalogState, record: RecordData): void {
  record.settled = true;
  state.pendingRecords.delete(record.id);
  const pp = state.provisionedProduct(record.provisionedProductId);
  const succeeded = record.status === 'SUCCEEDED';
  if (record.effect.planId) {
    const plan = state.plan(record.effect.planId);
    if (plan) { plan.status = succeeded ? 'EXECUTE_SUCCESS' : 'EXECUTE_FAILED'; plan.updatedTime = record.updatedTime; }
  }
  if (!pp) return;
  if (succeeded && PROVISIONING_TYPES.has(record.type)) pp.lastSuccessfulProvisioningRecordId = record.id;
  switch (record.type) {
    case 'PROVISION_PRODUCT':
    case 'UPDATE_PROVISIONED_PRODUCT':
      return succeeded ? applyChange(state, pp, record) : applyFailure(state, pp, record);
    case 'TERMINATE_PROVISIONED_PRODUCT':
      if (succeeded) state.markTerminated(pp);
      else applyFailure(state, pp, record);
      return;
    case 'EXECUTE_PROVISIONED_PRODUCT_SERVICE_ACTION':
      // An action's failure is the record's business; the product goes back to how it was.
      pp.status = pp.statusBeforeChange ?? 'AVAILABLE';
      return;
    case 'UPDATE_PROVISIONED_PRODUCT_PROPERTIES':
      return;
  }
}

function applyChange(state: CatalogState, pp: ProvisionedProduct, record: RecordData): void {
  const { effect } = record;
  if (effect.artifactId) pp.artifactId = effect.artifactId;
  if (effect.pathId) pp.pathId = effect.pathId;
  if (effect.parameters) pp.parameters = effect.parameters;
  if (effect.tags) pp.tags = effect.tags;
  if (effect.stackSet) pp.stackSet = effect.stackSet;
  pp.status = 'AVAILABLE';
  pp.statusMessage = undefined;
  const product = state.product(pp.productId);
  if (product) {
    pp.physicalId ??= physicalIdFor(product, pp);
    pp.outputs = renderOutputs(state, product, pp);
  }
  record.outputs = pp.outputs;
}

function applyFailure(state: CatalogState, pp: ProvisionedProduct, record: RecordData): void {
  const reason = record.errors[0]?.Description ?? 'The operation failed.';
  if (record.type === 'UPDATE_PROVISIONED_PRODUCT' && state.product(pp.productId)?.behavior.rollsBackUpdates) {
    pp.status = 'TAINTED';
    pp.statusMessage = `Update failed and was rolled back to the previous version: ${reason}`;
  } else {
    pp.status = 'ERROR';
    pp.statusMessage = reason;
  }
}

export function physicalIdFor(product: Product, pp: ProvisionedProduct): string {
  const [, , , region, account] = pp.arn.split(':');
  const suffix = hash32(pp.id).toString(16).padStart(8, '0');
  switch (pp.type) {
    case 'CFN_STACKSET':
      return `arn:aws:cloudformation:${region}:${account}:stackset/SC-${account}-${pp.id}:${suffix}-0000-4000-8000-${suffix}0000`;
    case 'CFN_STACK':
      return `arn:aws:cloudformation:${region}:${account}:stack/SC-${account}-${pp.id}/${suffix}-0000-4000-8000-${suffix}0000`;
    default:
      return `${product.type.toLowerCase()}/SC-${account}-${pp.id}`;
  }
}

/** Fills the version's output templates for this provisioned product. */
export function renderOutputs(state: CatalogState, product: Product, pp: ProvisionedProduct): RecordOutput[] {
  const artifact = state.artifact(product, pp.artifactId);
  if (!artifact) return [];
  const [, , , region, account] = pp.arn.split(':');
  const params = new Map(pp.parameters.map((p) => [p.Key, p.Value]));
  return artifact.outputs.map((output) => ({
    OutputKey: output.key,
    Description: output.description,
    OutputValue: fillTemplate(output.template, (name, arg) => {
      switch (name) {
        case 'name': return pp.name;
        case 'id': return pp.id;
        case 'region': return region;
        case 'account': return account;
        case 'param': return params.get(arg ?? '') ?? '';
        case 'hash': return hash32(`${pp.id}/${output.key}`).toString(16).padStart(8, '0') + hash32(pp.id, 7).toString(16).padStart(8, '0').slice(0, 9);
        default: return undefined;
      }
    }),
  }));
}
