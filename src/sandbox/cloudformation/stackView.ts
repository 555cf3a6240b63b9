// A provisioned product's stack as CloudFormation shows it at `now`: found by name or ARN, with its
// events (stackEvents.ts), resources, parameters and status, all derived from the catalog state.
import { isSealed } from '../service/secrets';
import type { CatalogState } from '../service/state';
import type { ParameterValue, Product, ProvisionedProduct, RecordData, ResourceSpec } from '../service/types';
import { recordEvents, resourcesAfter, STACK_TYPE, type RecordRun, type StackEventData, type StackIdentity } from './stackEvents';

const STACK_RECORD_TYPES = new Set(['PROVISION_PRODUCT', 'UPDATE_PROVISIONED_PRODUCT', 'TERMINATE_PROVISIONED_PRODUCT']);
const STACK_ARN = /^arn:aws:cloudformation:([^:]+):(\d{12}):stack\/([^/]+)\/[^/]+$/;

export interface ResourceState {
  readonly resource: ResourceSpec;
  readonly physicalId: string;
  readonly status: string;
  readonly reason?: string;
  readonly updatedAt: number;
}

export interface StackView extends StackIdentity {
  readonly pp: ProvisionedProduct;
  readonly product: Product;
  /** Oldest first, up to now. */
  readonly events: readonly StackEventData[];
  readonly status: string;
  readonly reason?: string;
  readonly creationTime: number;
  readonly lastUpdatedTime?: number;
  readonly deletionTime?: number;
  /** As the stack runs with them now; NoEcho values masked. */
  readonly parameters: readonly ParameterValue[];
  readonly resources: readonly ResourceState[];
}

/** The stack a StackName (name or stack ARN) names, for a caller in `region`/`account`; undefined when none is there. */
export function findStack(state: CatalogState, stackName: string, region: string, account: string, now: number): StackView | undefined {
  const arn = STACK_ARN.exec(stackName);
  const name = arn ? arn[3] : stackName;
  if (arn && (arn[1] !== region || arn[2] !== account)) return undefined;
  const prefix = `SC-${account}-`;
  if (!name.startsWith(prefix)) return undefined;
  const pp = state.provisionedProduct(name.slice(prefix.length));
  if (!pp?.physicalId || (arn && pp.physicalId !== stackName) || !pp.arn.includes(`:${region}:`)) return undefined;
  const view = stackOf(state, pp, now);
  // A deleted stack is found by its ARN only, as CloudFormation finds it.
  if (!view || (!arn && view.status === 'DELETE_COMPLETE')) return undefined;
  return view;
}

/** Every stack that exists now (DescribeStacks without a name): deleted ones left out. */
export function liveStacks(state: CatalogState, now: number): StackView[] {
  const out: StackView[] = [];
  for (const pp of state.liveProvisionedProducts()) {
    const view = pp.physicalId?.includes(':stack/') ? stackOf(state, pp, now) : undefined;
    if (view && view.status !== 'DELETE_COMPLETE') out.push(view);
  }
  return out;
}

export function stackOf(state: CatalogState, pp: ProvisionedProduct, now: number): StackView | undefined {
  const product = state.product(pp.productId);
  if (!product || !pp.physicalId?.includes(':stack/')) return undefined;
  const [, , , region, account] = pp.physicalId.split(':');
  const stack: StackIdentity = { stackId: pp.physicalId, stackName: `SC-${account}-${pp.id}`, region, account };
  const records = stackRecords(state, pp).filter((r) => r.timeline.startedAt <= now);
  if (records.length === 0) return undefined;
  const events: StackEventData[] = [];
  let resources: readonly ResourceSpec[] = [];
  let parameters: ParameterValue[] = [];
  let lastUpdatedTime: number | undefined;
  for (const record of records) {
    const run = runOf(state, product, record, resources);
    events.push(...recordEvents(stack, run, resources).filter((e) => e.time <= now));
    parameters = parametersAfter(record, now, parameters, pp);
    if (record.type === 'UPDATE_PROVISIONED_PRODUCT') lastUpdatedTime = record.timeline.startedAt;
    if (record.timeline.endsAt <= now) resources = resourcesAfter(run, resources);
  }
  events.sort((a, b) => a.time - b.time);
  const last = [...events].reverse().find((e) => e.resourceType === STACK_TYPE)!;
  const masked = new Set(state.artifact(product, pp.artifactId)?.parameters.filter((p) => p.IsNoEcho).map((p) => p.ParameterKey));
  return {
    ...stack,
    pp,
    product,
    events,
    status: last.status,
    reason: /FAILED|ROLLBACK_IN_PROGRESS/.test(last.status) ? last.reason : undefined,
    creationTime: records[0].timeline.startedAt,
    lastUpdatedTime,
    deletionTime: last.status === 'DELETE_COMPLETE' ? last.time : undefined,
    parameters: parameters.map((p) => (masked.has(p.Key) || isSealed(p.Value) ? { Key: p.Key, Value: '****' } : p)),
    resources: resourceStates(events, last.status),
  };
}

/** The product's records that ran on its stack, oldest first (from the state's per-product index); those CloudFormation refused left no trace. */
function stackRecords(state: CatalogState, pp: ProvisionedProduct): RecordData[] {
  return [...state.recordsOf(pp.id)].filter((record) => STACK_RECORD_TYPES.has(record.type) && !record.refusedByStack);
}

function runOf(state: CatalogState, product: Product, record: RecordData, previous: readonly ResourceSpec[]): RecordRun {
  const artifact = state.artifact(product, record.effect.artifactId ?? record.artifactId);
  const resources = record.type === 'TERMINATE_PROVISIONED_PRODUCT' ? previous : artifact?.resources ?? [];
  const description = record.timeline.outcome === 'FAILED' ? record.errors[0]?.Description : undefined;
  return { record, resources, failure: description ? failureOf(description, resources) : undefined };
}

/** The resource a failure description names ("… failed to create: [Cluster]. Cluster: <reason>") and its reason. */
function failureOf(description: string, resources: readonly ResourceSpec[]): RecordRun['failure'] {
  const named = /\[([^\],]+)/.exec(description)?.[1]?.trim();
  const logicalId = named ?? resources.find((r) => description.includes(r.logicalId))?.logicalId ?? resources[resources.length - 1]?.logicalId;
  if (!logicalId) return undefined;
  const own = description.indexOf(`${logicalId}: `);
  const handler = /Resource handler returned message: .*?\)/.exec(description)?.[0];
  const reason = own >= 0 ? description.slice(own + logicalId.length + 2) : handler ?? description;
  return { logicalId, reason };
}

/**
 * Parameters as CloudFormation shows them: a running change already shows its new values, a
 * rolled-back update the old ones again.
 */
function parametersAfter(record: RecordData, now: number, current: ParameterValue[], pp: ProvisionedProduct): ParameterValue[] {
  if (record.type === 'TERMINATE_PROVISIONED_PRODUCT') return current;
  const next = record.effect.parameters ?? pp.parameters;
  const rolledBack = record.type === 'UPDATE_PROVISIONED_PRODUCT' && record.timeline.outcome === 'FAILED' && now >= record.timeline.endsAt;
  return rolledBack ? current : next;
}

/** Each resource's latest event; those deleted leave the list unless the whole stack is gone or rolled back. */
function resourceStates(events: readonly StackEventData[], stackStatus: string): ResourceState[] {
  const latest = new Map<string, StackEventData>();
  const physical = new Map<string, string>();
  const types = new Map<string, string>();
  for (const e of events) {
    if (e.resourceType === STACK_TYPE) continue;
    latest.set(e.logicalId, e);
    types.set(e.logicalId, e.resourceType);
    if (e.physicalId) physical.set(e.logicalId, e.physicalId);
  }
  const keepDeleted = stackStatus === 'DELETE_COMPLETE' || stackStatus === 'ROLLBACK_COMPLETE';
  return [...latest.values()]
    .filter((e) => keepDeleted || e.status !== 'DELETE_COMPLETE')
    .map((e) => ({ resource: { logicalId: e.logicalId, type: types.get(e.logicalId)! }, physicalId: physical.get(e.logicalId) ?? '', status: e.status, reason: e.reason, updatedAt: e.time }));
}
