// The CloudFormation folders under a product, against the embedded sandbox's CloudFormation endpoint
// through the real SDK: nothing read until a folder opens; Resources and Events of a seeded stack.
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
// Types only: the extension's classes live in its own bundle, so `instanceof` would not match here.
import type { ProductNode, TreeNode } from '../../src/products/nodes';
import { SEED } from '../../src/sandbox/service/index';
import { connectedToSandbox } from './helpers';

describe('stack folders in the tree', () => {
  const folder = async (api: Awaited<ReturnType<typeof connectedToSandbox>>, product: ProductNode, label: string) => {
    const children = await api.tree.getChildren(product);
    const found = children.find((c) => api.tree.getTreeItem(c).label === label);
    assert.ok(found, `${label} under ${product.row.Name}: ${children.map((c) => api.tree.getTreeItem(c).label).join(', ')}`);
    return found;
  };
  const rows = async (api: Awaited<ReturnType<typeof connectedToSandbox>>, node: TreeNode) => (await api.tree.getChildren(node)).map((c) => api.tree.getTreeItem(c));

  it('reads a stack product\'s Resources only when the folder opens, with type, status and icon', async () => {
    const api = await connectedToSandbox();
    const product = api.tree.findProduct(SEED.provisionedProducts.ordersService.id)!;
    const stacks = api.session.stacks!;
    const before = stacks.calls.byOperation.ListStackResources ?? 0;
    const totalBefore = stacks.calls.total;
    const resources = await folder(api, product, 'Resources');
    await folder(api, product, 'Events');
    assert.equal(stacks.calls.total, totalBefore, 'expanding the product asks CloudFormation nothing');
    const items = await rows(api, resources);
    assert.ok(items.length > 0 && items.every((i) => String(i.contextValue).startsWith('stackResource')), items.map((i) => `${String(i.label)}: ${String(i.description)}`).join('; '));
    for (const item of items) {
      assert.match(String(item.description), /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+ · [A-Z][a-z]+/, String(item.description));
      assert.ok((item.iconPath as vscode.ThemeIcon).color, 'a coloured status icon');
      assert.match((item.tooltip as vscode.MarkdownString).value, /\| Physical id \| /);
    }
    assert.equal((stacks.calls.byOperation.ListStackResources ?? 0) - before, 1, 'one ListStackResources');
  });

  it('shows the stack\'s events, the latest operation\'s failures first, then newest first', async () => {
    const api = await connectedToSandbox();
    const product = api.tree.findProduct(SEED.provisionedProducts.billingDb.id)!;
    const items = await rows(api, await folder(api, product, 'Events'));
    assert.ok(items.length > 0 && items.every((i) => i.contextValue === 'stackEvent'), items.map((i) => `${String(i.label)}: ${String(i.description)}`).join('; '));
    const failed = items.map((i) => /^[A-Za-z ]*failed · /i.test(String(i.description)));
    const pinned = failed.indexOf(false);
    assert.ok(pinned > 0, `the latest update's failures come first: ${failed.join(', ')}`);
    // The upgrade that failed the day before (billing-db's first attempt) is history: it keeps its place in time.
    assert.ok(failed.slice(pinned).includes(true), `an earlier operation's failure is not pinned: ${failed.join(', ')}`);
  });

  it('says a product Service Catalog names no stack for has none, without asking CloudFormation', async () => {
    const api = await connectedToSandbox();
    // A plan's placeholder for a product not launched yet: no PhysicalId, no stack.
    const planned = api.tree.findProduct(SEED.provisionedProducts.checkoutService.id)!;
    const totalBefore = api.session.stacks!.calls.total;
    const labels = (await api.tree.getChildren(planned)).map((c) => api.tree.getTreeItem(c).label);
    assert.ok(labels.includes('No CloudFormation stack') && !labels.includes('Resources'), labels.join(', '));
    assert.equal(api.session.stacks!.calls.total, totalBefore);
  });

  it('lists a stack-set product\'s instances from Service Catalog', async () => {
    const api = await connectedToSandbox();
    const stackSet = api.tree.findProduct(SEED.provisionedProducts.securityBaseline.id);
    assert.ok(stackSet && stackSet.row.Type === 'CFN_STACKSET', 'the end user has the seeded stack-set product');
    const totalBefore = api.session.stacks!.calls.total;
    const labels = (await api.tree.getChildren(stackSet)).map((c) => api.tree.getTreeItem(c).label);
    assert.ok(labels.includes('Instances') && !labels.includes('Resources'), `a stack set has instances, no single stack: ${labels.join(', ')}`);
    const items = await rows(api, await folder(api, stackSet, 'Instances'));
    assert.equal(api.session.stacks!.calls.total, totalBefore, 'instances come from Service Catalog, not CloudFormation');
    // security-baseline was provisioned into 2 of its product's 3 accounts and 2 of its 3 regions
    // (the record's StackSetAccounts/StackSetRegions): those four instances, no more.
    // Problems first (the one a failed removal left INOPERABLE, then the one a failed rollout left
    // OUTDATED), then by account and region; each with its status in words and its icon.
    const STATUS = { Inoperable: ['INOPERABLE', 'error'], Outdated: ['OUTDATED', 'warning'], Current: ['CURRENT', 'pass'] } as const;
    assert.deepEqual(items.map((i) => `${String(i.label)} ${String(i.description)}`), [
      '210987654321 · us-east-1 Inoperable', '210987654321 · eu-west-1 Outdated', '123456789012 · eu-west-1 Current', '123456789012 · us-east-1 Current',
    ]);
    for (const item of items) {
      assert.equal(item.contextValue, 'stackInstance');
      const [account, region] = String(item.label).split(' · ');
      const [code, icon] = STATUS[item.description as keyof typeof STATUS];
      assert.equal((item.iconPath as vscode.ThemeIcon).id, icon, String(item.label));
      const tooltip = (item.tooltip as vscode.MarkdownString).value;
      assert.match(tooltip, new RegExp(`\\| Account \\| \`${account}\` \\|`));
      assert.match(tooltip, new RegExp(`\\| Region \\| \`${region}\` \\|`));
      assert.match(tooltip, new RegExp(`\\| Status \\| \`${code}\` \\|`));
      // Service Catalog's StackInstance has no reason member: none is made up.
      assert.doesNotMatch(tooltip, /Reason/);
    }
  });
});
