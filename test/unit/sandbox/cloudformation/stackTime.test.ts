// Stack events are a pure function of the records and the clock: a running update seen at two
// moments, the earlier events unchanged, the later ones added.
import * as assert from 'node:assert/strict';
import { createService, SEED } from '../../../../src/sandbox/service/index';
import { SANDBOX_USER } from '../../../../src/sandbox/identities';

const HOUR = 3_600_000;
const caller = { accessKeyId: SANDBOX_USER.accessKeyId, callerArn: SANDBOX_USER.arn, accountId: '123456789012', region: 'us-east-1', policy: SANDBOX_USER.policy };
const StackName = `SC-123456789012-${SEED.provisionedProducts.inventoryService.id}`;

describe('sandbox CloudFormation over time', () => {
  it('a running update shows UPDATE_IN_PROGRESS with its new resource, then completes with the same earlier events', () => {
    let now = Date.UTC(2026, 11, 2, 10, 0);
    const service = createService({ timeScale: 1, generatedProducts: 0, clock: { now: () => now } });
    const cfn = service.cloudFormation!;
    const running = cfn.DescribeStacks({ StackName }, caller) as { Stacks: { StackStatus: string }[] };
    assert.equal(running.Stacks[0].StackStatus, 'UPDATE_IN_PROGRESS');
    const early = (cfn.DescribeStackEvents({ StackName }, caller) as { StackEvents: { EventId: string }[] }).StackEvents;
    now += 3 * HOUR;
    const done = cfn.DescribeStacks({ StackName }, caller) as { Stacks: { StackStatus: string }[] };
    assert.equal(done.Stacks[0].StackStatus, 'UPDATE_COMPLETE');
    const late = (cfn.DescribeStackEvents({ StackName }, caller) as { StackEvents: { EventId: string; LogicalResourceId: string; ResourceStatus: string }[] }).StackEvents;
    assert.ok(late.length > early.length);
    assert.deepEqual(late.slice(late.length - early.length).map((e) => e.EventId), early.map((e) => e.EventId));
    assert.ok(late.some((e) => e.LogicalResourceId === 'ScalingPolicy' && e.ResourceStatus === 'CREATE_COMPLETE'));
    assert.equal(late[0].ResourceStatus, 'UPDATE_COMPLETE');
    assert.equal(late[1].ResourceStatus, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS');
  });
});
