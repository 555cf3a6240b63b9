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
  refusedByStack?: boolean;
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
    ...(request.refusedByStack ? { refusedByStack: true } : {}),
  };
  env.state.addRecord(record);
  env.state.searchIndex.change(pp, env.now, () => {
    pp.lastRecordId = id;
    if (PROVISIONING_TYPES.has(request.type)) pp.lastProvisioningRecordId = id;
    if (request.type !== 'UPDATE_PROVISIONED_PRODUCT_PROPERTIES') {
      if (pp.status !== 'UNDER_CHANGE' && pp.status !== 'PLAN_IN_PROGRESS') pp.statusBeforeChange = pp.status;
      pp.status = 'UNDER_CHANGE';
      pp.statusMessage = undefined;
    }
  });
  // A stack the product already has is named at once; a new one once CloudFormation creates it (stackCreated).
  record.outputs = stackOutputs(record, pp);
  return record;
}

/**
 * CloudFormation has picked up a provisioning record (it left CREATED): a new product's stack exists
 * from now on, so its PhysicalId and the record's CloudformationStackARN output appear. Before that,
 * DescribeStackEvents on the ARN would answer that the stack does not exist.
 */
export function stackCreated(state: CatalogState, record: RecordData): void {
  const pp = state.provisionedProduct(record.provisionedProductId);
  if (!pp || record.type !== 'PROVISION_PRODUCT' || !isCloudFormationStack(pp) || record.outputs.length > 0) return;
  if (!pp.physicalId) state.searchIndex.change(pp, record.timeline.startedAt, () => { pp.physicalId = physicalIdFor(pp); });
  record.outputs = stackOutputs(record, pp);
}

/**
 * CloudFormation's refusal of an update to the product's stack, or undefined when it may be updated: a
 * stack whose creation failed stays ROLLBACK_COMPLETE, which UpdateStack refuses (a failed update's
 * UPDATE_ROLLBACK_COMPLETE it accepts). Records the stack refused changed nothing.
 */
export function stackUpdateRefusal(state: CatalogState, pp: ProvisionedProduct): string | undefined {
  if (!isCloudFormationStack(pp) || !pp.physicalId) return undefined;
  const ran = [...state.recordsOf(pp.id)].filter((r) => PROVISIONING_TYPES.has(r.type) && !r.refusedByStack);
  const last = ran.at(-1);
  if (last?.type !== 'PROVISION_PRODUCT' || last.timeline.outcome !== 'FAILED') return undefined;
  return `Stack:${pp.physicalId} is in ROLLBACK_COMPLETE state and can not be updated.`;
}

/** Provisioned products that are one CloudFormation stack (Control Tower accounts are launched as one too). */
function isCloudFormationStack(pp: { type: ProvisionedProduct['type'] }): boolean {
  return pp.type === 'CFN_STACK' || pp.type === 'CONTROL_TOWER_ACCOUNT';
}

/**
 * A CloudFormation provisioning record (provision, update, terminate) names its stack in the output
 * CloudformationStackARN, before the template's outputs (a recorded DescribeRecord of a real account,
 * kept in ManageIQ's Amazon provider specs). Terminate records carry it too.
 */
function stackOutputs(record: RecordData, pp: ProvisionedProduct): RecordOutput[] {
  if (!PROVISIONING_TYPES.has(record.type) || !isCloudFormationStack(pp) || !pp.physicalId) return [];
  return [{ OutputKey: 'CloudformationStackARN', OutputValue: pp.physicalId, Description: 'The ARN of the launched Cloudformation Stack' }];
}

/** Applies a finished record to its provisioned product (once). */
export function settleRecord(state: CatalogState, record: RecordData): void {
  record.settled = true;
  state.pendingRecords.delete(record.id);
  const pp = state.provisionedProduct(record.provisionedProductId);
  if (pp) state.searchIndex.change(pp, record.timeline.endsAt, () => applyRecord(state, record, pp));
  else applyRecord(state, record, pp);
}

function applyRecord(state: CatalogState, record: RecordData, pp: ProvisionedProduct | undefined): void {
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
      return succeeded ? applyChange(state, pp, record) : applyFailure(pp, record);
    case 'TERMINATE_PROVISIONED_PRODUCT':
      if (succeeded) state.markTerminated(pp);
      else applyFailure(pp, record);
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
    pp.physicalId ??= physicalIdFor(pp);
    pp.outputs = renderOutputs(state, product, pp);
  }
  record.outputs = [...stackOutputs(record, pp), ...pp.outputs];
}

/** A failed update that ran was rolled back to the version before (TAINTED); a refused one left the product as it was. */
function applyFailure(pp: ProvisionedProduct, record: RecordData): void {
  const reason = record.errors[0]?.Description ?? 'The operation failed.';
  if (record.type === 'UPDATE_PROVISIONED_PRODUCT' && !record.refusedByStack) {
    pp.status = 'TAINTED';
    pp.statusMessage = `Update failed and was rolled back to the previous version: ${reason}`;
  } else {
    pp.status = 'ERROR';
    pp.statusMessage = reason;
  }
}

/**
 * The stack (set) Service Catalog names SC-<account>-<pp-id>, with CloudFormation's UUID, e.g.
 * arn:aws:cloudformation:us-east-1:200278856672:stack/SC-200278856672-pp-5pyltbgyzheqm/d51dd9b0-b047-11e8-a5af-500c28709a35
 * (the recorded record output cited above).
 */
export function physicalIdFor(pp: ProvisionedProduct): string {
  const [, , , region, account] = pp.arn.split(':');
  const uuid = stackUuid(pp.id);
  if (pp.type === 'CFN_STACKSET') return `arn:aws:cloudformation:${region}:${account}:stackset/SC-${account}-${pp.id}:${uuid}`;
  if (isCloudFormationStack(pp)) return `arn:aws:cloudformation:${region}:${account}:stack/SC-${account}-${pp.id}/${uuid}`;
  return `${pp.type.toLowerCase()}/SC-${account}-${pp.id}`;
}

/** A time-based (version 1) UUID's shape, deterministic from the id. */
function stackUuid(id: string): string {
  const hex = [1, 2, 3, 4].map((seed) => hash32(id, seed * 0x9e3779b9).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-1${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
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
