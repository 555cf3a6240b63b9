// The record tracker with stack events: a running CloudFormation record's stack events are written
// under it, the first failure is marked and named in the failure notification (inert), a Terraform
// product has none, a refusal is quiet, and a reload resumes where the events stopped.
import { shownNotifications } from '../../support/fakeVscode'; // first: the code below requires 'vscode'
import * as assert from 'node:assert/strict';
import type { RecordDetail, RecordOutput } from '@aws-sdk/client-service-catalog';
import type { CatalogApi } from '../../../src/aws/catalogApi';
import { StackAccessDeniedError } from '../../../src/core/stacks/stackAccess';
import type { StackEvent, StackEventsSince } from '../../../src/core/stacks/types';
import { ProductCache } from '../../../src/products/productCache';
import { RecordTracker } from '../../../src/records/recordTracker';
import { Emitter, Item, trackerDeps, until, useTrackerFakes, type LoggedLine } from '../../support/recordTrackerFakes';

const STACK_ID = 'arn:aws:cloudformation:us-east-1:123456789012:stack/SC-123456789012-pp-abcdefghijklm/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const HOSTILE_REASON = 'Resource handler returned message: "[open](command:workbench.action.terminal.new) $(alert) Cluster quota exceeded"';

/** A stack that shows `batches` of events, one batch per read, then nothing new. */
class FakeStack {
  readonly reads: (string | undefined)[] = [];
  private served = 0;
  denied = false;
  constructor(private readonly batches: StackEvent[][]) {}
  readonly readable = true;
  get ended(): boolean {
    return this.served >= this.batches.length;
  }
  eventsSince = async (stackId: string, afterEventId?: string): Promise<StackEventsSince> => {
    this.reads.push(afterEventId);
    if (this.denied) throw new StackAccessDeniedError('User is not authorized to perform: cloudformation:DescribeStackEvents');
    assert.equal(stackId, STACK_ID);
    const all = this.batches.slice(0, this.served + 1).flat();
    this.served = Math.min(this.batches.length, this.served + 1);
    const after = afterEventId ? all.findIndex((e) => e.eventId === afterEventId) + 1 : 0;
    return { events: all.slice(after), truncated: false };
  };
}

function event(id: string, logicalId: string, resourceType: string, status: string, reason?: string): StackEvent {
  const stack = resourceType === 'AWS::CloudFormation::Stack';
  return { eventId: id, stackId: STACK_ID, timestamp: new Date(), logicalId, resourceType, status, physicalId: stack ? STACK_ID : undefined, ...(reason ? { reason } : {}) };
}

const STACK_OUTPUT: RecordOutput[] = [{ OutputKey: 'CloudformationStackARN', OutputValue: STACK_ID }];
const started: RecordDetail = { RecordId: 'rec-1', ProvisionedProductId: 'pp-1', RecordType: 'PROVISION_PRODUCT', Status: 'IN_PROGRESS' };
const failed: RecordDetail = { ...started, Status: 'FAILED', RecordErrors: [{ Code: 'CREATE_FAILED', Description: 'The following resource(s) failed to create: [Cluster].' }] };

/** DescribeRecord: IN_PROGRESS with the stack output until `ended()` holds, then `end`. */
function recordApi(end: RecordDetail, ended: () => boolean, describes: string[] = []): CatalogApi {
  return {
    connection: { kind: 'sandbox' },
    describeRecord: async (id: string) => (describes.push(id), ended() ? { detail: end, outputs: STACK_OUTPUT } : { detail: started, outputs: STACK_OUTPUT }),
    describeProvisionedProduct: async () => ({ Id: 'pp-1', Name: 'orders', Status: 'AVAILABLE', Type: 'CFN_STACK' }),
    listRecordsOfProvisionedProduct: async () => [],
  } as unknown as CatalogApi;
}

interface Harness {
  readonly tracker: RecordTracker;
  readonly lines: LoggedLine[];
  readonly finished: RecordDetail[];
}

function harness(api: CatalogApi, stacks: unknown, type: string, stored = new Map<string, unknown>()): Harness {
  const products = new ProductCache((row) => new Item(row));
  products.replace([{ Id: 'pp-1', Name: 'orders', Status: 'UNDER_CHANGE', Type: type }]);
  const lines: LoggedLine[] = [];
  const tracker = new RecordTracker(trackerDeps({ api, stacks, onDidChange: new Emitter<void>().event }, products, lines, stored));
  const finished: RecordDetail[] = [];
  tracker.onDidFinish((detail) => finished.push(detail));
  return { tracker, lines, finished };
}

const failingBatches = () => [
  [event('e1', 'SC-pp', 'AWS::CloudFormation::Stack', 'CREATE_IN_PROGRESS', 'User Initiated'), event('e2', 'Cluster', 'AWS::ECS::Cluster', 'CREATE_IN_PROGRESS')],
  [event('e3', 'Cluster', 'AWS::ECS::Cluster', 'CREATE_FAILED', HOSTILE_REASON), event('e4', 'Queue', 'AWS::SQS::Queue', 'CREATE_FAILED', 'Resource creation cancelled')],
  [event('e5', 'SC-pp', 'AWS::CloudFormation::Stack', 'ROLLBACK_IN_PROGRESS'), event('e6', 'SC-pp', 'AWS::CloudFormation::Stack', 'ROLLBACK_COMPLETE')],
];

describe('record tracker: stack events of a running record', function () {
  this.timeout(20_000);
  useTrackerFakes();
  beforeEach(() => (shownNotifications.length = 0));

  it('writes the stack events under the record, marks the first failure, and names it (inert) in the failure notification', async () => {
    const stack = new FakeStack(failingBatches());
    const describes: string[] = [];
    const { tracker, lines, finished } = harness(recordApi(failed, () => stack.ended, describes), stack, 'CFN_STACK');
    await tracker.track(started, { productName: 'orders', expectedDurationMs: 60_000 });
    await until(() => finished.length > 0);

    const texts = lines.map((l) => l.text);
    const eventLines = texts.filter((t) => t.startsWith('  rec-1 stack event '));
    assert.equal(eventLines.length, 6);
    const clusterFailed = eventLines.find((t) => t.includes('Cluster · AWS::ECS::Cluster · CREATE_FAILED'));
    assert.ok(clusterFailed?.endsWith('✗ first failure'), clusterFailed);
    assert.equal(texts.filter((t) => t.includes('✗ first failure')).length, 1, 'only the first failure is marked');
    assert.equal(lines.find((l) => l.text === clusterFailed)?.level, 'error');
    const finalIndex = texts.findIndex((t) => /^rec-1 .*FAILED/.test(t) && !t.includes('stack event'));
    assert.ok(finalIndex > texts.indexOf(eventLines[5]), 'the final lines come after every event');
    assert.ok(describes.length <= 4, `DescribeRecord slowed while events are followed, poked at the stack's end (${describes.length} calls)`);

    assert.equal(shownNotifications.length, 1);
    const message = shownNotifications[0].message;
    assert.match(message, /failed .*First failed resource: Cluster \(AWS::ECS::Cluster\) CREATE_FAILED: Resource handler returned message/);
    assert.doesNotMatch(message, /\]\(command:/, `no link from the service: ${message}`);
    assert.ok(message.includes('$(alert) Cluster quota exceeded'), `the service's words as written (a notification renders no icon): ${message}`);
    assert.doesNotMatch(message, /Queue/);
    tracker.dispose();
  });

  it('names the first failed resource with its whole reason in the notification, though the record\'s error is long', async () => {
    const reason = 'Resource handler returned message: "Cluster e2e-analytics-adhoc-cluster could not start: service role EMR_DefaultRole has insufficient EC2 permissions."';
    const stack = new FakeStack([
      [event('e1', 'SC-pp', 'AWS::CloudFormation::Stack', 'CREATE_IN_PROGRESS', 'User Initiated'), event('e2', 'Cluster', 'AWS::EMR::Cluster', 'CREATE_IN_PROGRESS')],
      [event('e3', 'Cluster', 'AWS::EMR::Cluster', 'CREATE_FAILED', reason)],
      [event('e4', 'SC-pp', 'AWS::CloudFormation::Stack', 'ROLLBACK_COMPLETE')],
    ]);
    // Service Catalog's RecordError lists the failed resources, then repeats each one's reason.
    const end: RecordDetail = { ...started, Status: 'FAILED', RecordErrors: [{ Code: 'CREATE_FAILED', Description: `The following resource(s) failed to create: [Cluster]. Cluster: ${reason}` }] };
    const { tracker, finished } = harness(recordApi(end, () => stack.ended), stack, 'CFN_STACK');
    await tracker.track(started, { productName: 'analytics-e2e-provisioned-product', expectedDurationMs: 60_000 });
    await until(() => finished.length > 0);
    assert.equal(shownNotifications.length, 1);
    const message = shownNotifications[0].message;
    assert.ok(message.includes(`First failed resource: Cluster (AWS::EMR::Cluster) CREATE_FAILED: ${reason}`), `the whole first failure, not cut: ${message}`);
    assert.match(message, /^Provisioning analytics-e2e-provisioned-product failed in \d+ s \(record rec-1\)/);
    tracker.dispose();
  });

  it('follows nothing for a Terraform product', async () => {
    const stack = new FakeStack(failingBatches());
    let calls = 0;
    const end: RecordDetail = { ...started, Status: 'SUCCEEDED' };
    const { tracker, lines, finished } = harness(recordApi(end, () => ++calls > 1), stack, 'TERRAFORM_OPEN_SOURCE');
    await tracker.track(started, { productName: 'orders', expectedDurationMs: 1 });
    await until(() => finished.length > 0);
    assert.deepEqual(stack.reads, []);
    assert.equal(lines.filter((l) => l.text.includes('stack event')).length, 0);
    tracker.dispose();
  });

  it('stays quiet when CloudFormation refuses: no event lines, no warning, the record ends at the normal pace', async () => {
    const stack = new FakeStack(failingBatches());
    stack.denied = true;
    let calls = 0;
    const end: RecordDetail = { ...started, Status: 'SUCCEEDED' };
    const { tracker, lines, finished } = harness(recordApi(end, () => ++calls > 2), stack, 'CFN_STACK');
    await tracker.track(started, { productName: 'orders', expectedDurationMs: 1 });
    await until(() => finished.length > 0);
    assert.equal(stack.reads.length, 1, 'asked once');
    assert.equal(lines.filter((l) => l.text.includes('stack event') || l.level === 'warn').length, 0);
    assert.equal(shownNotifications.length, 1);
    assert.doesNotMatch(shownNotifications[0].message, /First failed/);
    tracker.dispose();
  });

  it('resumes after a reload where the events stopped: earlier lines replayed, none printed twice or skipped', async () => {
    const stored = new Map<string, unknown>();
    const batches = failingBatches();
    const firstStack = new FakeStack(batches.slice(0, 1));
    const first = harness(recordApi(failed, () => false), firstStack, 'CFN_STACK', stored);
    await first.tracker.track(started, { productName: 'orders', expectedDurationMs: 60_000 });
    await until(() => first.lines.filter((l) => l.text.includes('stack event')).length === 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    first.tracker.dispose(); // the window reloads

    const secondStack = new FakeStack(batches);
    const second = harness(recordApi(failed, () => secondStack.ended), secondStack, 'CFN_STACK', stored);
    await until(() => second.finished.length > 0);
    assert.equal(secondStack.reads[0], 'e2', 'the first read goes on from the last event written');
    const texts = second.lines.map((l) => l.text);
    assert.equal(texts.filter((t) => /^earlier, .* · {3}rec-1 stack event /.test(t)).length, 2);
    for (const id of ['CREATE_IN_PROGRESS · User Initiated', 'Cluster · AWS::ECS::Cluster · CREATE_IN_PROGRESS']) {
      assert.equal(texts.filter((t) => t.includes(id)).length, 1, id);
    }
    for (const id of ['Cluster · AWS::ECS::Cluster · CREATE_FAILED', 'Queue · AWS::SQS::Queue · CREATE_FAILED', 'ROLLBACK_COMPLETE']) {
      assert.equal(texts.filter((t) => t.startsWith('  rec-1 stack event') && t.includes(id)).length, 1, id);
    }
    assert.match(shownNotifications[0]?.message ?? '', /First failed resource: Cluster/);
    second.tracker.dispose();
  });
});
