// A stack's events, derived from its provisioned product's provisioning records: each record's
// timeline (planned at creation, ../service/timeline.ts) is laid out as CloudFormation would run it,
// and the events up to `now` are the ones that have happened. Nothing is stored: the same state and
// clock always give the same events, with the same ids.
//
// Timing within a record's work time W (startedAt → endsAt): the stack's own event at startedAt;
// resources after 3% of W, in two dependency waves (quick types such as buckets, security groups and
// subnet groups first, slow ones such as databases, clusters and distributions after them), each
// lasting by its type's weight (±20%); "Resource creation Initiated" ~0.5% of W after a resource's first
// event (about 1.5 s of a 5-minute provision); the stack's final event at endsAt.
import { hash32 } from '../service/state';
import type { RecordData, ResourceSpec } from '../service/types';
import { physicalIdOf, uuidShape, type StackOrigin } from './resourceIds';

export const STACK_TYPE = 'AWS::CloudFormation::Stack';

export interface StackEventData {
  readonly eventId: string;
  readonly logicalId: string;
  readonly physicalId: string;
  readonly resourceType: string;
  readonly time: number;
  readonly status: string;
  readonly reason?: string;
  /** Which record's operation made the event. */
  readonly recordId: string;
}

/** What the history needs to know about one provisioning record. */
export interface RecordRun {
  readonly record: RecordData;
  /** Resources of the version the record moves to (for a terminate: of the version it deletes). */
  readonly resources: readonly ResourceSpec[];
  /** The failing product's resource and reason, when the record fails. */
  readonly failure?: { readonly logicalId: string; readonly reason: string };
}

export interface StackIdentity extends StackOrigin { readonly stackId: string }

const SLOW_TYPES: Readonly<Record<string, number>> = {
  'AWS::RDS::DBInstance': 9, 'AWS::EMR::Cluster': 8, 'AWS::CloudFront::Distribution': 9, 'AWS::Organizations::Account': 9,
  'AWS::ECS::Service': 5, 'AWS::ElasticLoadBalancingV2::LoadBalancer': 5, 'AWS::EC2::Instance': 4, 'AWS::CloudTrail::Trail': 2,
};

interface Step { readonly resource: ResourceSpec; readonly start: number; readonly end: number }

/** Resources in dependency waves, in abstract units: quick ones first, slow ones once those are done. */
function schedule(resources: readonly ResourceSpec[], key: string): { steps: Step[]; total: number } {
  const weight = (r: ResourceSpec) => SLOW_TYPES[r.type] ?? 1;
  const jitter = (r: ResourceSpec, seed: number) => (hash32(`${key}/${r.logicalId}`, seed) % 1000) / 1000;
  let waves = [resources.filter((r) => weight(r) < 4), resources.filter((r) => weight(r) >= 4)].filter((w) => w.length > 0);
  if (waves.length === 1 && resources.length > 2) waves = [resources.slice(0, Math.ceil(resources.length / 2)), resources.slice(Math.ceil(resources.length / 2))];
  const steps: Step[] = [];
  let waveStart = 0;
  for (const wave of waves) {
    let waveEnd = waveStart;
    for (const r of wave) {
      const start = waveStart + jitter(r, 1) * 0.3;
      const end = start + weight(r) * (0.8 + jitter(r, 2) * 0.4);
      steps.push({ resource: r, start, end });
      waveEnd = Math.max(waveEnd, end);
    }
    waveStart = waveEnd + 0.1;
  }
  return { steps, total: waveStart + 0.05 };
}

class EventLog {
  readonly events: StackEventData[] = [];
  constructor(private readonly stack: StackIdentity, private readonly recordId: string) {}

  stackEvent(time: number, status: string, reason?: string): void {
    const eventId = uuidShape(`${this.stack.stackId}/${this.recordId}/${status}/${time}`);
    this.events.push({ eventId, logicalId: this.stack.stackName, physicalId: this.stack.stackId, resourceType: STACK_TYPE, time, status, reason, recordId: this.recordId });
  }

  resourceEvent(resource: ResourceSpec, time: number, status: string, reason?: string, withoutPhysicalId = false): void {
    const at = Math.round(time);
    this.events.push({
      eventId: `${resource.logicalId}-${status}-${new Date(at).toISOString()}`,
      logicalId: resource.logicalId,
      physicalId: withoutPhysicalId ? '' : physicalIdOf(resource.type, resource.logicalId, this.stack),
      resourceType: resource.type,
      time: at,
      status,
      reason,
      recordId: this.recordId,
    });
  }
}

/** All events a record's operation makes, past and future (the caller keeps those up to now). */
export function recordEvents(stack: StackIdentity, run: RecordRun, previous: readonly ResourceSpec[]): StackEventData[] {
  const log = new EventLog(stack, run.record.id);
  switch (run.record.type) {
    case 'PROVISION_PRODUCT': create(log, run); break;
    case 'UPDATE_PROVISIONED_PRODUCT': update(log, run, previous); break;
    case 'TERMINATE_PROVISIONED_PRODUCT': terminate(log, run, previous); break;
    default: break;
  }
  return log.events;
}

/** Resources a stack holds after a record has finished. */
export function resourcesAfter(run: RecordRun, previous: readonly ResourceSpec[]): readonly ResourceSpec[] {
  const { record } = run;
  if (record.type === 'TERMINATE_PROVISIONED_PRODUCT') return record.timeline.outcome === 'SUCCEEDED' ? [] : previous;
  if (record.type === 'PROVISION_PRODUCT') return record.timeline.outcome === 'SUCCEEDED' ? run.resources : [];
  if (record.type === 'UPDATE_PROVISIONED_PRODUCT') return record.timeline.outcome === 'SUCCEEDED' ? run.resources : previous;
  return previous;
}

function window(record: RecordData): { t0: number; end: number; work: number; lead: number; tick: number } {
  const t0 = record.timeline.startedAt;
  const end = record.timeline.endsAt;
  const work = Math.max(1, end - t0);
  return { t0, end, work, lead: work * 0.03, tick: Math.max(1, work * 0.005) };
}

function create(log: EventLog, run: RecordRun): void {
  const { record } = run;
  const { t0, end, work, lead, tick } = window(record);
  log.stackEvent(t0, 'CREATE_IN_PROGRESS', 'User Initiated');
  const { steps, total } = schedule(run.resources, record.id);
  const failing = run.failure && record.timeline.outcome === 'FAILED' ? steps.find((s) => s.resource.logicalId === run.failure!.logicalId) ?? steps[steps.length - 1] : undefined;
  const failAt = record.timeline.errorAt ?? t0 + work * 0.6;
  const scale = failing ? (failAt - t0 - lead) / failing.end : (work - lead) / total;
  const at = (u: number) => t0 + lead + u * scale;
  const touched: Step[] = [];
  for (const step of steps) {
    if (failing && step.start > failing.end) continue;
    touched.push(step);
    log.resourceEvent(step.resource, at(step.start), 'CREATE_IN_PROGRESS', undefined, true);
    log.resourceEvent(step.resource, at(step.start) + tick, 'CREATE_IN_PROGRESS', 'Resource creation Initiated');
    if (step === failing) log.resourceEvent(step.resource, failAt, 'CREATE_FAILED', run.failure!.reason);
    else if (failing && step.end >= failing.end) log.resourceEvent(step.resource, failAt + tick, 'CREATE_FAILED', 'Resource creation cancelled');
    else log.resourceEvent(step.resource, at(step.end), 'CREATE_COMPLETE');
  }
  if (!failing) {
    log.stackEvent(end, 'CREATE_COMPLETE');
    return;
  }
  const rollbackAt = failAt + 2 * tick;
  log.stackEvent(rollbackAt, 'ROLLBACK_IN_PROGRESS', `The following resource(s) failed to create: [${failing.resource.logicalId}]. Rollback requested by user.`);
  deleteInReverse(log, touched.map((s) => s.resource), rollbackAt + tick, end - tick, record.id);
  log.stackEvent(end, 'ROLLBACK_COMPLETE');
}

/** DELETE_IN_PROGRESS … DELETE_COMPLETE for each resource, last created first, within [from, to]. */
function deleteInReverse(log: EventLog, resources: readonly ResourceSpec[], from: number, to: number, key: string): void {
  const { steps, total } = schedule([...resources].reverse(), `${key}/delete`);
  const scale = Math.max(0, to - from) / total;
  for (const step of steps) {
    log.resourceEvent(step.resource, from + step.start * scale, 'DELETE_IN_PROGRESS');
    log.resourceEvent(step.resource, from + step.end * scale, 'DELETE_COMPLETE');
  }
}

function update(log: EventLog, run: RecordRun, previous: readonly ResourceSpec[]): void {
  const { record } = run;
  const { t0, end, work, lead, tick } = window(record);
  const before = new Set(previous.map((r) => r.logicalId));
  const after = new Set(run.resources.map((r) => r.logicalId));
  const added = run.resources.filter((r) => !before.has(r.logicalId));
  const removed = previous.filter((r) => !after.has(r.logicalId));
  // Which resources a parameter change reaches is not known here: a stable, plausible subset.
  const kept = run.resources.filter((r) => before.has(r.logicalId));
  let changed = kept.filter((r) => hash32(`${record.id}/${r.logicalId}`) % 2 === 0 || r.logicalId === run.failure?.logicalId);
  if (changed.length === 0 && kept.length > 0) changed = [kept[0]];
  log.stackEvent(t0, 'UPDATE_IN_PROGRESS', 'User Initiated');
  const { steps, total } = schedule([...added, ...changed], record.id);
  const failing = record.timeline.outcome === 'FAILED' ? steps.find((s) => s.resource.logicalId === run.failure?.logicalId) ?? steps[steps.length - 1] : undefined;
  // A record planned without a rollback share (older state files) still rolls back, from 60% of its work.
  const failAt = record.timeline.errorAt ?? t0 + work * 0.6;
  const scale = failing ? (failAt - t0 - lead) / failing.end : (work * 0.85 - lead) / total;
  const at = (u: number) => t0 + lead + u * scale;
  const isNew = (r: ResourceSpec) => !before.has(r.logicalId);
  const touched: Step[] = [];
  for (const step of steps) {
    if (failing && step.start > failing.end) continue;
    touched.push(step);
    const verb = isNew(step.resource) ? 'CREATE' : 'UPDATE';
    log.resourceEvent(step.resource, at(step.start), `${verb}_IN_PROGRESS`, undefined, isNew(step.resource));
    if (isNew(step.resource)) log.resourceEvent(step.resource, at(step.start) + tick, 'CREATE_IN_PROGRESS', 'Resource creation Initiated');
    if (step === failing) log.resourceEvent(step.resource, failAt, `${verb}_FAILED`, run.failure?.reason ?? record.errors[0]?.Description);
    else if (failing && step.end >= failing.end) log.resourceEvent(step.resource, failAt + tick, `${verb}_FAILED`, `Resource ${verb === 'CREATE' ? 'creation' : 'update'} cancelled`);
    else log.resourceEvent(step.resource, at(step.end), `${verb}_COMPLETE`);
  }
  if (!failing) {
    const cleanupAt = t0 + work * 0.88;
    log.stackEvent(cleanupAt, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS');
    deleteInReverse(log, removed, cleanupAt + tick, end - tick, record.id);
    log.stackEvent(end, 'UPDATE_COMPLETE');
    return;
  }
  // CloudFormation rolls every failed update back (Service Catalog never disables rollback).
  const failed = `The following resource(s) failed to update: [${failing.resource.logicalId}]. `;
  const rollbackAt = failAt + 2 * tick;
  log.stackEvent(rollbackAt, 'UPDATE_ROLLBACK_IN_PROGRESS', failed);
  const cleanupAt = end - (end - rollbackAt) * 0.15;
  const reverted = touched.filter((s) => !isNew(s.resource));
  const { steps: back, total: backTotal } = schedule(reverted.map((s) => s.resource), `${record.id}/rollback`);
  const backScale = (cleanupAt - rollbackAt - 2 * tick) / backTotal;
  for (const step of back) {
    log.resourceEvent(step.resource, rollbackAt + tick + step.start * backScale, 'UPDATE_IN_PROGRESS');
    log.resourceEvent(step.resource, rollbackAt + tick + step.end * backScale, 'UPDATE_COMPLETE');
  }
  log.stackEvent(cleanupAt, 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS');
  deleteInReverse(log, touched.filter((s) => isNew(s.resource)).map((s) => s.resource), cleanupAt + tick, end - tick, record.id);
  log.stackEvent(end, 'UPDATE_ROLLBACK_COMPLETE');
}

function terminate(log: EventLog, run: RecordRun, previous: readonly ResourceSpec[]): void {
  const { record } = run;
  const { t0, end, lead, tick } = window(record);
  log.stackEvent(t0, 'DELETE_IN_PROGRESS', 'User Initiated');
  deleteInReverse(log, previous, t0 + lead, end - tick, record.id);
  if (record.timeline.outcome === 'SUCCEEDED') log.stackEvent(end, 'DELETE_COMPLETE');
  else log.stackEvent(end, 'DELETE_FAILED', record.errors[0]?.Description ?? 'The following resource(s) failed to delete.');
}
