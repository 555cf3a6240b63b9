// The CloudFormation folders under a provisioned product, against a fake StackReader: what each
// folder reads (only when opened), the rows it shows, and the one hint once CloudFormation refused.
import { fakeVscode } from '../../support/fakeVscode'; // first: the code below requires 'vscode'
import { strict as assert } from 'node:assert';
import type { CatalogApi } from '../../../src/aws/catalogApi';
import { StackAccessGate, STACK_ACCESS_HINT } from '../../../src/core/stacks/stackAccess';
import type { StackEvent, StackResource } from '../../../src/core/stacks/types';
import { ProductNode, type TreeNode, type TreeStacks } from '../../../src/products/nodes';
import { stackFolders } from '../../../src/products/stackNodes';
import * as stackRowNodes from '../../../src/products/stackRowNodes';
import { StackEventNode, StackResourceNode } from '../../../src/products/stackRowNodes';
import { serveBundle } from '../../support/lazyBundles';

serveBundle('stacks.js', stackRowNodes);

const STACK = 'arn:aws:cloudformation:us-east-1:123456789012:stack/SC-123456789012-pp-abc/3f1c2a40-cf11-11f0-9d9b-0a1b2c3d4e5f';

interface Item { label: string; description?: string; tooltip?: { value: string }; iconPath?: { id: string; color?: { id: string } }; contextValue?: string; collapsibleState?: number }

/** TreeItem, MarkdownString and ThemeColor that keep what they are given. */
function keepingItems(): () => void {
  const saved = { TreeItem: fakeVscode.TreeItem, MarkdownString: fakeVscode.MarkdownString, ThemeColor: fakeVscode.ThemeColor };
  fakeVscode.TreeItem = class { constructor(readonly label: string, readonly collapsibleState?: number) {} };
  fakeVscode.MarkdownString = class { constructor(readonly value: string) {} };
  fakeVscode.ThemeColor = class { constructor(readonly id: string) {} };
  return () => Object.assign(fakeVscode, saved);
}

const item = (node: TreeNode) => node.toTreeItem() as unknown as Item;

/** A StackReader behind a real access gate, counting its calls. */
function fakeStacks(answers: { resources?: () => Promise<StackResource[]>; events?: () => Promise<StackEvent[]> }) {
  const gate = new StackAccessGate();
  const calls: string[] = [];
  const stacks: TreeStacks = {
    get readable() { return !gate.denied; },
    resources: (stackId) => gate.run(async () => (calls.push(`resources ${stackId}`), (answers.resources ?? (async () => []))())),
    eventsSince: (stackId, after) => gate.run(async () => {
      calls.push(`events ${stackId} ${after ?? '-'}`);
      return { events: await (answers.events ?? (async () => []))(), truncated: false };
    }),
  };
  return { stacks, calls, gate };
}

const noApi = {} as CatalogApi;
const denied = () => Object.assign(new Error(`User: arn:aws:sts::123456789012:assumed-role/Dev/ana is not authorized to perform: cloudformation:ListStackResources on resource: ${STACK}`), {
  name: 'AccessDenied', $metadata: { httpStatusCode: 403 },
});

describe('the stack folders under a provisioned product', () => {
  let restore: () => void;
  beforeEach(() => { restore = keepingItems(); });
  afterEach(() => restore());

  it('are Resources and Events for a stack product, Instances for a stack set, one line for Terraform and External', () => {
    assert.deepEqual(stackFolders('pp/pp-1', { Id: 'pp-1', Type: 'CFN_STACK', PhysicalId: STACK }).map((n) => n.id), ['pp/pp-1/stackResources', 'pp/pp-1/stackEvents']);
    assert.deepEqual(stackFolders('pp/pp-2', { Id: 'pp-2', Type: 'CFN_STACKSET' }).map((n) => n.id), ['pp/pp-2/stackInstances']);
    const terraform = stackFolders('pp/pp-3', { Id: 'pp-3', Type: 'TERRAFORM_OPEN_SOURCE', PhysicalId: 'tf-state' });
    assert.deepEqual(terraform.map((n) => n.id), ['pp/pp-3/noStack']);
    const line = item(terraform[0]);
    assert.deepEqual([line.label, line.description, line.collapsibleState], ['No CloudFormation stack', 'A Terraform provisioned product has no CloudFormation stack.', undefined]);
    assert.equal(item(stackFolders('pp/pp-4', { Id: 'pp-4', Type: 'EXTERNAL' })[0]).description, 'An External provisioned product has no CloudFormation stack.');
    assert.equal(item(stackFolders('pp/pp-1', { Id: 'pp-1', Type: 'CFN_STACK', PhysicalId: STACK })[0]).collapsibleState, fakeVscode.TreeItemCollapsibleState.Collapsed);
  });

  it('read nothing until opened: expanding the product makes no CloudFormation call', async () => {
    const { stacks, calls } = fakeStacks({});
    const api = { describeProvisionedProduct: async () => ({ Id: 'pp-1' }) } as unknown as CatalogApi;
    const product: TreeNode = new ProductNode({ Id: 'pp-1', Name: 'orders', Status: 'AVAILABLE', Type: 'CFN_STACK', PhysicalId: STACK });
    const children = await product.children(api, stacks);
    assert.deepEqual(children.map((n) => n.id), ['pp/pp-1/launchRole', 'pp/pp-1/tags', 'pp/pp-1/outputs', 'pp/pp-1/stackResources', 'pp/pp-1/stackEvents', 'pp/pp-1/records']);
    assert.deepEqual(calls, []);
  });

  it('show the resources, failed first, with status icons, type and status, and the physical id to copy', async () => {
    const { stacks, calls } = fakeStacks({
      resources: async () => [
        { logicalId: 'Bucket', physicalId: 'orders-bucket-1a2b', resourceType: 'AWS::S3::Bucket', status: 'CREATE_COMPLETE' },
        { logicalId: 'Queue', resourceType: 'AWS::SQS::Queue', status: 'CREATE_IN_PROGRESS' },
        { logicalId: 'Cluster', resourceType: 'AWS::ECS::Cluster', status: 'CREATE_FAILED', reason: 'Resource limit exceeded' },
      ],
    });
    const [resources] = stackFolders('pp/pp-1', { Id: 'pp-1', Type: 'CFN_STACK', PhysicalId: STACK });
    const rows = await resources.children(noApi, stacks);
    assert.deepEqual(calls, [`resources ${STACK}`]);
    assert.ok(rows.every((r) => r instanceof StackResourceNode));
    const items = rows.map(item);
    assert.deepEqual(items.map((i) => [i.label, i.description, i.iconPath?.id, i.iconPath?.color?.id]), [
      ['Cluster', 'AWS::ECS::Cluster · Create failed', 'error', 'problemsErrorIcon.foreground'],
      ['Bucket', 'AWS::S3::Bucket · Create complete', 'pass', 'testing.iconPassed'],
      ['Queue', 'AWS::SQS::Queue · Create in progress', 'sync~spin', 'charts.blue'],
    ]);
    assert.match(items[0].tooltip!.value, /\| Reason \| Resource limit exceeded \|/);
    assert.deepEqual(items.map((i) => i.contextValue), ['stackResource', 'stackResource;canCopyValue', 'stackResource']);
    assert.equal(rows[1].copyValue, 'orders-bucket-1a2b');
  });

  it('show the newest page of events, failures first, then newest first', async () => {
    const ev = (id: string, minute: number, status: string, reason?: string): StackEvent => ({
      eventId: id, stackId: STACK, timestamp: new Date(Date.UTC(2026, 11, 2, 11, minute)), logicalId: id === 'e3' ? 'SC-123456789012-pp-abc' : 'Cluster',
      resourceType: 'AWS::ECS::Cluster', status, ...(reason ? { reason } : {}),
    });
    const { stacks, calls } = fakeStacks({ events: async () => [ev('e1', 1, 'CREATE_IN_PROGRESS'), ev('e2', 2, 'CREATE_FAILED', 'Resource limit exceeded'), ev('e3', 3, 'ROLLBACK_IN_PROGRESS')] });
    const [, events] = stackFolders('pp/pp-1', { Id: 'pp-1', Type: 'CFN_STACK', PhysicalId: STACK });
    const rows = await events.children(noApi, stacks);
    assert.deepEqual(calls, [`events ${STACK} -`], 'the newest page, no paging back');
    assert.deepEqual(rows.map((r) => (r as StackEventNode).event.eventId), ['e2', 'e3', 'e1']);
    const first = item(rows[0]);
    assert.equal(first.label, 'Cluster');
    assert.match(first.description!, /^Create failed · .+ · Resource limit exceeded$/);
    assert.equal(first.contextValue, 'stackEvent');
  });

  it('say so when a folder has nothing, or the stack no longer exists', async () => {
    const [resources, events] = stackFolders('pp/pp-1', { Id: 'pp-1', Type: 'CFN_STACK', PhysicalId: STACK });
    assert.deepEqual((await resources.children(noApi, fakeStacks({}).stacks)).map((n) => item(n).label), ['No resources']);
    const gone = fakeStacks({ events: async () => { throw Object.assign(new Error(`Stack with id ${STACK} does not exist`), { name: 'ValidationError' }); } });
    assert.deepEqual((await events.children(noApi, gone.stacks)).map((n) => item(n).label), ['The stack does not exist']);
  });

  it('show the one hint once CloudFormation refused the connection, and ask nothing more', async () => {
    const { stacks, calls } = fakeStacks({ resources: async () => { throw denied(); }, events: async () => assert.fail('no call after a refusal') });
    const [resources, events] = stackFolders('pp/pp-1', { Id: 'pp-1', Type: 'CFN_STACK', PhysicalId: STACK });
    const first = await resources.children(noApi, stacks);
    assert.equal(first.length, 1);
    const hint = item(first[0]);
    assert.equal(hint.label, 'CloudFormation details are off for this connection');
    assert.equal(hint.tooltip, STACK_ACCESS_HINT);
    assert.equal(hint.description, 'needs cloudformation:DescribeStacks, cloudformation:DescribeStackEvents, cloudformation:ListStackResources');
    assert.equal(stacks.readable, false);
    const again = [...(await events.children(noApi, stacks)), ...(await resources.children(noApi, stacks))];
    assert.deepEqual(again.map((n) => item(n).label), ['CloudFormation details are off for this connection', 'CloudFormation details are off for this connection']);
    assert.deepEqual(calls, [`resources ${STACK}`], 'one call: the refused one');
  });

  it('let other failures reach the provider\'s "Could not load" row', async () => {
    const [resources] = stackFolders('pp/pp-1', { Id: 'pp-1', Type: 'CFN_STACK', PhysicalId: STACK });
    const throttled = fakeStacks({ resources: async () => { throw Object.assign(new Error('Rate exceeded'), { name: 'Throttling' }); } });
    await assert.rejects(Promise.resolve(resources.children(noApi, throttled.stacks)), /Rate exceeded/);
  });

  it('list a stack set\'s instances from Service Catalog, problems first', async () => {
    const asked: string[] = [];
    const api = {
      stackInstances: async (id: string) => {
        asked.push(id);
        return [{ account: '222222222222', region: 'us-east-1', status: 'CURRENT' }, { account: '111111111111', region: 'eu-west-1', status: 'OUTDATED' }];
      },
    } as unknown as CatalogApi;
    const [instances] = stackFolders('pp/pp-2', { Id: 'pp-2', Type: 'CFN_STACKSET' });
    const rows = (await instances.children(api, fakeStacks({}).stacks)).map(item);
    assert.deepEqual(asked, ['pp-2']);
    assert.deepEqual(rows.map((r) => [r.label, r.description, r.iconPath?.id, r.contextValue]), [
      ['111111111111 · eu-west-1', 'Outdated', 'warning', 'stackInstance'],
      ['222222222222 · us-east-1', 'Current', 'pass', 'stackInstance'],
    ]);
  });
});
