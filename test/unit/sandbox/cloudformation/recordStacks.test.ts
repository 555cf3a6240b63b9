// A record's stack as CloudFormation runs it: named only once it exists, refused an update from
// ROLLBACK_COMPLETE, and rolled back (events and parameters) when an update fails.
import * as assert from 'node:assert/strict';
import type { RequestContext, SandboxService } from '../../../../src/sandbox/contract';
import { SANDBOX_USER } from '../../../../src/sandbox/identities';
import { createService, SEED } from '../../../../src/sandbox/service/index';
import type { CatalogData } from '../../../../src/sandbox/service/types';

const MINUTE = 60_000;
const P = SEED.products;
const PP = SEED.provisionedProducts;
const caller: RequestContext = { accessKeyId: SANDBOX_USER.accessKeyId, callerArn: SANDBOX_USER.arn, accountId: SEED.accountId, region: 'us-east-1', policy: SANDBOX_USER.policy };

interface Output { OutputKey: string; OutputValue: string }
interface Described { RecordDetail: { RecordId: string; Status: string; RecordErrors: { Code: string; Description: string }[] }; RecordOutputs: Output[] }
interface Event { LogicalResourceId: string; ResourceType: string; ResourceStatus: string; ResourceStatusReason?: string }
interface Stack { StackId: string; StackStatus: string; Parameters: { ParameterKey: string; ParameterValue: string }[] }

class Account {
  constructor(readonly service: SandboxService, readonly clock: { now: number }) {}
  sc<T>(operation: string, input: Record<string, unknown>): T { return this.service.handlers[operation](input, caller) as T; }
  cfn<T>(action: string, input: Record<string, string>): T { return this.service.cloudFormation![action](input, caller) as T; }
  /** SearchProvisionedProducts is where PhysicalId shows. */
  search(query: string): { PhysicalId?: string }[] {
    const input = { AccessLevelFilter: { Key: 'User', Value: 'self' }, Filters: { SearchQuery: [query] } };
    return this.sc<{ ProvisionedProducts: { PhysicalId?: string }[] }>('SearchProvisionedProducts', input).ProvisionedProducts;
  }
  record(id: string): Described { return this.sc('DescribeRecord', { Id: id }); }
  stackArn(id: string): string | undefined { return this.record(id).RecordOutputs.find((o) => o.OutputKey === 'CloudformationStackARN')?.OutputValue; }
  /** Oldest first. */
  events(stackName: string): Event[] { return [...this.cfn<{ StackEvents: Event[] }>('DescribeStackEvents', { StackName: stackName }).StackEvents].reverse(); }
  stack(stackName: string): Stack { return this.cfn<{ Stacks: Stack[] }>('DescribeStacks', { StackName: stackName }).Stacks[0]; }
  status(ppId: string): string { return this.sc<{ ProvisionedProductDetail: { Status: string } }>('DescribeProvisionedProduct', { Id: ppId }).ProvisionedProductDetail.Status; }
}

function account(restoreFrom?: unknown, start = Date.UTC(2026, 11, 2, 10)): Account {
  const clock = { now: start };
  return new Account(createService({ timeScale: 1, generatedProducts: 0, clock: { now: () => clock.now }, restoreFrom }), clock);
}

let serial = 0;
function launchDatabase(a: Account, name: string): string {
  const { RecordDetail } = a.sc<Described>('ProvisionProduct', {
    ProductId: P.legacyDatabase.id, ProvisioningArtifactId: P.legacyDatabase.versions.v2, PathId: SEED.portfolios.data.pathId,
    ProvisionedProductName: name, ProvisionToken: `launch-${++serial}`,
    ProvisioningParameters: [{ Key: 'MasterPassword', Value: 'Launch2026secret' }, { Key: 'AllocatedStorage', Value: '20' }],
  });
  return RecordDetail.RecordId;
}

function updateStorage(a: Account, ppId: string, storage: string): string {
  return a.sc<Described>('UpdateProvisionedProduct', {
    ProvisionedProductId: ppId, UpdateToken: `update-${++serial}`,
    ProvisioningParameters: [{ Key: 'AllocatedStorage', Value: storage }, { Key: 'MasterPassword', UsePreviousValue: true }],
  }).RecordDetail.RecordId;
}

const stackStatuses = (events: readonly Event[]) => events.filter((e) => e.ResourceType === 'AWS::CloudFormation::Stack').map((e) => e.ResourceStatus);
const storageOf = (stack: Stack) => stack.Parameters.find((p) => p.ParameterKey === 'AllocatedStorage')?.ParameterValue;

describe('sandbox CloudFormation: the stacks of records', () => {
  it('a new product\'s record names its stack once CloudFormation has created it, and the stack answers from then on', () => {
    const a = account();
    const recordId = launchDatabase(a, 'db-named-late');
    const queued = a.record(recordId);
    assert.equal(queued.RecordDetail.Status, 'CREATED');
    assert.equal(queued.RecordOutputs.find((o) => o.OutputKey === 'CloudformationStackARN'), undefined, 'no stack while the record waits in its queue');
    const ppId = a.sc<{ RecordDetail: { ProvisionedProductId: string } }>('DescribeRecord', { Id: recordId }).RecordDetail.ProvisionedProductId;
    const found = a.search('name:db-named-late');
    assert.equal(found.length, 1);
    assert.equal(found[0].PhysicalId, undefined, 'no PhysicalId either');
    a.clock.now += 4_000; // past the 3-second queue
    assert.equal(a.record(recordId).RecordDetail.Status, 'IN_PROGRESS');
    const arn = a.stackArn(recordId);
    assert.equal(a.search('name:db-named-late')[0].PhysicalId, arn);
    assert.match(arn ?? '', new RegExp(`^arn:aws:cloudformation:us-east-1:${SEED.accountId}:stack/SC-${SEED.accountId}-${ppId}/`));
    const events = a.events(arn!);
    assert.deepEqual(events.map((e) => e.ResourceStatus).slice(0, 1), ['CREATE_IN_PROGRESS']);
    assert.equal(a.stack(arn!).StackStatus, 'CREATE_IN_PROGRESS');
  });

  it('refuses an update of a stack left ROLLBACK_COMPLETE by its failed creation, in CloudFormation\'s words, and fails the record', () => {
    const a = account();
    const stackName = `SC-${SEED.accountId}-${PP.analyticsCluster.id}`;
    const arn = a.stack(stackName).StackId;
    const before = a.events(stackName);
    assert.equal(a.stack(stackName).StackStatus, 'ROLLBACK_COMPLETE');
    const refusal = `Stack:${arn} is in ROLLBACK_COMPLETE state and can not be updated.`;
    // The seeded update of analytics-cluster was refused so too.
    const history = a.sc<{ RecordDetails: { RecordId: string; RecordType: string; Status: string }[] }>('ListRecordHistory', { SearchFilter: { Key: 'provisionedproduct', Value: PP.analyticsCluster.id } }).RecordDetails;
    const seeded = history.find((r) => r.RecordType === 'UPDATE_PROVISIONED_PRODUCT')!;
    assert.equal(seeded.Status, 'FAILED');
    assert.deepEqual(a.record(seeded.RecordId).RecordDetail.RecordErrors, [{ Code: 'ValidationError', Description: refusal }]);

    const recordId = a.sc<Described>('UpdateProvisionedProduct', {
      ProvisionedProductId: PP.analyticsCluster.id, UpdateToken: 'retry-analytics', ProvisioningParameters: [{ Key: 'CoreNodeCount', Value: '4' }],
    }).RecordDetail.RecordId;
    a.clock.now += MINUTE;
    const { RecordDetail } = a.record(recordId);
    assert.equal(RecordDetail.Status, 'FAILED');
    assert.deepEqual(RecordDetail.RecordErrors, [{ Code: 'ValidationError', Description: refusal }]);
    assert.equal(a.status(PP.analyticsCluster.id), 'ERROR');
    assert.equal(a.stack(stackName).StackStatus, 'ROLLBACK_COMPLETE');
    assert.deepEqual(a.events(stackName), before, 'the stack never ran the update');
    assert.equal(storageOf(a.stack(stackName)), undefined);
  });

  it('a failed update rolls the stack back: UPDATE_ROLLBACK_* events, the old parameters, the record FAILED and the product TAINTED', () => {
    const a = account();
    const launched = launchDatabase(a, 'db-rolls-back');
    a.clock.now += 10 * MINUTE;
    assert.equal(a.record(launched).RecordDetail.Status, 'SUCCEEDED');
    const arn = a.stackArn(launched)!;
    const ppId = a.sc<{ RecordDetail: { ProvisionedProductId: string } }>('DescribeRecord', { Id: launched }).RecordDetail.ProvisionedProductId;
    const created = a.events(arn).length;
    const recordId = updateStorage(a, ppId, '50');
    a.clock.now += 2 * MINUTE;
    assert.equal(a.stack(arn).StackStatus, 'UPDATE_IN_PROGRESS');
    assert.equal(storageOf(a.stack(arn)), '50', 'a running update shows its new values');
    a.clock.now += 20 * MINUTE;
    assertRolledBack(a, arn, created);
    assert.equal(a.record(recordId).RecordDetail.Status, 'FAILED');
    assert.equal(a.status(ppId), 'TAINTED');
  });

  it('rolls back a failed update planned without a rollback share too (a state file of an earlier sandbox)', () => {
    const a = account();
    const launched = launchDatabase(a, 'db-old-record');
    a.clock.now += 10 * MINUTE;
    const arn = a.stackArn(launched)!;
    const ppId = arn.split('/')[1].split('-').slice(2).join('-');
    const created = a.events(arn).length;
    const recordId = updateStorage(a, ppId, '50');
    a.clock.now += 30 * MINUTE;
    const snapshot = a.service.snapshot() as CatalogData;
    delete snapshot.records[recordId].timeline.errorAt;
    const restored = account(snapshot, a.clock.now);
    assertRolledBack(restored, arn, created);
  });
});

/** The update's events after the `created` ones: it failed on Database and rolled back, with the old parameters. */
function assertRolledBack(a: Account, arn: string, created: number): void {
  const events = a.events(arn).slice(created);
  assert.deepEqual(stackStatuses(events), ['UPDATE_IN_PROGRESS', 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE']);
  const database = events.filter((e) => e.LogicalResourceId === 'Database').map((e) => e.ResourceStatus);
  assert.deepEqual(database, ['UPDATE_IN_PROGRESS', 'UPDATE_FAILED', 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE']);
  const failed = events.find((e) => e.ResourceStatus === 'UPDATE_FAILED')!;
  assert.match(failed.ResourceStatusReason ?? '', /^Resource handler returned message: "Cannot upgrade postgres/);
  const rollback = events.find((e) => e.ResourceStatus === 'UPDATE_ROLLBACK_IN_PROGRESS')!;
  assert.match(rollback.ResourceStatusReason ?? '', /^The following resource\(s\) failed to update: \[Database\]/);
  const stack = a.stack(arn);
  assert.equal(stack.StackStatus, 'UPDATE_ROLLBACK_COMPLETE');
  assert.equal(storageOf(stack), '20', 'the parameters the stack had before the update');
}
