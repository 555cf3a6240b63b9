// The sandbox's CloudFormation through the real SDK: the seeded products' stacks, their events,
// resources and parameters, and IAM's refusals.
import * as assert from 'node:assert/strict';
import {
  CloudFormationClient, DescribeStackEventsCommand, DescribeStacksCommand, ListStackResourcesCommand, type StackEvent,
} from '@aws-sdk/client-cloudformation';
import type { Sandbox, SandboxPersona } from '../../../../src/sandbox/index';
import { SEED } from '../../../../src/sandbox/service/index';
import { caught, personaKeys, startTestSandbox } from '../../../support/sandbox';

const ACCOUNT = '123456789012';
const PP = SEED.provisionedProducts;
const stackName = (ppId: string) => `SC-${ACCOUNT}-${ppId}`;

export function cfnClient(sandbox: Sandbox, persona: SandboxPersona = 'endUser'): CloudFormationClient {
  return new CloudFormationClient({ endpoint: sandbox.endpoint, region: 'us-east-1', credentials: personaKeys(sandbox, persona), maxAttempts: 1 });
}

export async function allEvents(client: CloudFormationClient, name: string): Promise<StackEvent[]> {
  const events: StackEvent[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new DescribeStackEventsCommand({ StackName: name, NextToken }));
    events.push(...(page.StackEvents ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return events;
}

describe('sandbox CloudFormation: seeded stacks', () => {
  let sandbox: Sandbox;
  let cfn: CloudFormationClient;
  before(async () => {
    sandbox = await startTestSandbox();
    cfn = cfnClient(sandbox);
  });
  after(() => sandbox.stop());

  it('describes a seeded stack by name with its status, parameters, tags and outputs', async () => {
    const { Stacks = [] } = await cfn.send(new DescribeStacksCommand({ StackName: stackName(PP.webMarketingSite.id) }));
    assert.equal(Stacks.length, 1);
    const stack = Stacks[0];
    assert.match(stack.StackId!, new RegExp(`^arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/${stackName(PP.webMarketingSite.id)}/[0-9a-f-]{36}$`));
    assert.ok(stack.StackStatus === 'CREATE_COMPLETE' || stack.StackStatus === 'UPDATE_COMPLETE', stack.StackStatus);
    assert.ok(stack.CreationTime instanceof Date);
    assert.ok((stack.Parameters ?? []).length > 0);
    assert.ok(stack.Tags?.some((t) => t.Key === 'aws:servicecatalog:provisionedProductArn'));
    assert.ok((stack.Outputs ?? []).length > 0);
    assert.equal(stack.DriftInformation?.StackDriftStatus, 'NOT_CHECKED');
    assert.equal(stack.DisableRollback, false);
  });

  it('lists events newest first, the stack event first created by "User Initiated"', async () => {
    const events = await allEvents(cfn, stackName(PP.webMarketingSite.id));
    const times = events.map((e) => e.Timestamp!.getTime());
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    const first = events.at(-1)!;
    assert.equal(first.ResourceStatus, 'CREATE_IN_PROGRESS');
    assert.equal(first.ResourceStatusReason, 'User Initiated');
    assert.equal(first.ResourceType, 'AWS::CloudFormation::Stack');
    assert.ok(events.some((e) => e.LogicalResourceId === 'SiteBucket' && e.ResourceStatus === 'CREATE_COMPLETE'));
    assert.ok(events.some((e) => e.ResourceStatusReason === 'Resource creation Initiated'));
  });

  it('lists resources with physical ids that look like their type', async () => {
    const { StackResourceSummaries = [] } = await cfn.send(new ListStackResourcesCommand({ StackName: stackName(PP.devBoxAlice.id) }));
    const byId = new Map(StackResourceSummaries.map((r) => [r.LogicalResourceId, r]));
    assert.match(byId.get('SecurityGroup')!.PhysicalResourceId!, /^sg-0[0-9a-f]{16}$/);
    assert.match(byId.get('Instance')!.PhysicalResourceId!, /^i-0[0-9a-f]{16}$/);
    assert.ok([...byId.values()].every((r) => r.DriftInformation?.StackResourceDriftStatus === 'NOT_CHECKED'));
  });

  it('shows NoEcho parameters as ****', async () => {
    const { Stacks = [] } = await cfn.send(new DescribeStacksCommand({ StackName: stackName(PP.ordersService.id) }));
    const password = Stacks[0].Parameters?.find((p) => p.ParameterKey === 'DbPassword');
    assert.equal(password?.ParameterValue, '****');
  });

  it('the failed analytics cluster failed on Cluster with its reason and rolled back', async () => {
    const events = await allEvents(cfn, stackName(PP.analyticsCluster.id));
    const failed = events.find((e) => e.ResourceStatus === 'CREATE_FAILED' && e.LogicalResourceId === 'Cluster');
    assert.ok(failed, JSON.stringify(events.map((e) => `${e.LogicalResourceId} ${e.ResourceStatus}`)));
    assert.match(failed.ResourceStatusReason!, /^Resource handler returned message:/);
    const stack = events.filter((e) => e.ResourceType === 'AWS::CloudFormation::Stack').map((e) => String(e.ResourceStatus));
    assert.ok(stack.includes('ROLLBACK_IN_PROGRESS'));
  });

  it('the rolled-back billing database shows UPDATE_ROLLBACK_* and its old parameters', async () => {
    const events = await allEvents(cfn, stackName(PP.billingDb.id));
    const stack = events.filter((e) => e.ResourceType === 'AWS::CloudFormation::Stack').map((e) => String(e.ResourceStatus));
    assert.equal(stack[0], 'UPDATE_ROLLBACK_COMPLETE');
    assert.ok(stack.includes('UPDATE_ROLLBACK_IN_PROGRESS'));
    assert.ok(stack.includes('UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS'));
    assert.ok(events.some((e) => e.LogicalResourceId === 'Database' && e.ResourceStatus === 'UPDATE_FAILED'));
  });

  it('a Terraform product has no stack', async () => {
    const err = await caught(() => cfn.send(new DescribeStacksCommand({ StackName: stackName(PP.logsBucket.id) })));
    assert.equal(err.name, 'ValidationError');
    assert.equal(err.message, `Stack with id ${stackName(PP.logsBucket.id)} does not exist`);
  });

  it('refuses an end user a stack outside SC-* and DescribeStacks without a name, in IAM words', async () => {
    const other = await caught(() => cfn.send(new DescribeStacksCommand({ StackName: 'prod-network' })));
    assert.equal(other.name, 'AccessDenied');
    assert.equal(other.$metadata.httpStatusCode, 403);
    const arn = sandbox.credentialsOf('endUser').arn;
    assert.equal(other.message, `User: ${arn} is not authorized to perform: cloudformation:DescribeStacks on resource: arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/prod-network/* because no identity-based policy allows the cloudformation:DescribeStacks action`);
    const all = await caught(() => cfn.send(new DescribeStacksCommand({})));
    assert.equal(all.name, 'AccessDenied');
    assert.match(all.message, /on resource: \* because/);
  });

  it('refuses every read of an SC-* stack to an end user whose policy has no CloudFormation statement, in the same IAM words', async () => {
    const noStacks = cfnClient(sandbox, 'noCloudFormation');
    const name = stackName(PP.webMarketingSite.id);
    const arn = sandbox.credentialsOf('noCloudFormation').arn;
    const resource = `arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/${name}/*`;
    const reads = [
      ['DescribeStacks', () => noStacks.send(new DescribeStacksCommand({ StackName: name }))],
      ['DescribeStackEvents', () => noStacks.send(new DescribeStackEventsCommand({ StackName: name }))],
      ['ListStackResources', () => noStacks.send(new ListStackResourcesCommand({ StackName: name }))],
    ] as const;
    for (const [operation, read] of reads) {
      const err = await caught(read);
      assert.deepEqual([err.name, err.$metadata.httpStatusCode], ['AccessDenied', 403], operation);
      assert.equal(err.message, `User: ${arn} is not authorized to perform: cloudformation:${operation} on resource: ${resource} because no identity-based policy allows the cloudformation:${operation} action`);
    }
    // Refused before the stack is looked for: a stack that does not exist is refused the same way.
    const missing = await caught(() => noStacks.send(new DescribeStacksCommand({ StackName: `SC-${ACCOUNT}-pp-doesnotexist01` })));
    assert.equal(missing.name, 'AccessDenied');
  });
});
