// A record's stack as CloudFormation runs it: named only once it exists.
import * as assert from 'node:assert/strict';
import type { RequestContext, SandboxService } from '../../../../src/sandbox/contract';
import { SANDBOX_USER } from '../../../../src/sandbox/identities';
import { createService, SEED } from '../../../../src/sandbox/service/index';

const P = SEED.products;
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
});
