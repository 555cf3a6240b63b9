// What the provisioned products tree tells at a glance in the real workbench (issue 11, items 12 and
// 14): the status word first where it needs attention, the operation a busy product's last record
// names and since when, the current tags, and a filter picked from a list (sent as SearchQuery).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  CreateProvisionedProductPlanCommand, DeleteProvisionedProductPlanCommand, ExecuteProvisionedProductServiceActionCommand, ProvisionProductCommand,
  UpdateProvisionedProductCommand,
} from '@aws-sdk/client-service-catalog';
import type { ProductNode, TreeNode } from '../../src/products/nodes';
import type { PickOrTypeOptions, UserInput } from '../../src/ui/userInput';
import { SEED } from '../../src/sandbox/service/seedCatalog';
import { formatClock } from '../../src/core/localTime';
import { PRODUCT_STATUSES } from '../../src/core/statuses';
import { connectedToSandbox, waitFor } from './helpers';

const RECORD_TIMEOUT_MS = 90_000;
const WORDS: Record<string, string> = { ERROR: 'Error', TAINTED: 'Tainted', UNDER_CHANGE: 'Under change', PLAN_IN_PROGRESS: 'Plan in progress', AVAILABLE: 'Available' };

/** Answers the pick that also takes typed text; any other prompt fails the test. */
function pickingInput(answer: (items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | { typed: string }): UserInput & { offered: vscode.QuickPickItem[] } {
  const offered: vscode.QuickPickItem[] = [];
  const refuse = async () => assert.fail('only the filter pick is expected');
  return {
    offered,
    pickOrType: (async (items: readonly vscode.QuickPickItem[], _options: PickOrTypeOptions) => (offered.push(...items), answer(items))) as UserInput['pickOrType'],
    pickOne: refuse, pickMany: refuse, inputText: refuse, confirm: refuse,
  } as UserInput & { offered: vscode.QuickPickItem[] };
}

const description = (api: Awaited<ReturnType<typeof connectedToSandbox>>, node: ProductNode) => String(api.tree.getTreeItem(node).description);

describe('provisioned products tree at a glance', () => {
  afterEach(async () => {
    const api = await connectedToSandbox();
    api.setUserInput(undefined);
    await api.tree.setFilter('');
  });

  it('puts the status word first where it needs attention, and says it to screen readers on every row', async () => {
    const api = await connectedToSandbox();
    for (const node of api.tree.productNodes) {
      const row = node.row;
      const item = api.tree.getTreeItem(node);
      const product = [row.ProductName, row.ProvisioningArtifactName].filter(Boolean).join(' · ');
      const text = String(item.description);
      if (node.activity || row.Status === 'UNDER_CHANGE' || row.Status === 'PLAN_IN_PROGRESS') {
        assert.ok(text.endsWith(` · ${product}`), `${row.Name}: "${text}"`);
      } else if (row.Status === 'AVAILABLE') {
        assert.equal(text, product, `${row.Name}: AVAILABLE stays quiet`);
      } else {
        assert.equal(text, `${WORDS[row.Status!]} · ${product}`, `${row.Name}: the status word first`);
      }
      assert.ok(item.accessibilityInformation?.label.includes(WORDS[row.Status!]), `${row.Name}: "${item.accessibilityInformation?.label}"`);
    }
    const failed = api.tree.findProduct(SEED.provisionedProducts.analyticsCluster.id)!;
    assert.match(description(api, failed), /^Error · /);
  });

  it('says which operation runs on a busy product and since when, from its last record, one DescribeRecord each', async () => {
    const api = await connectedToSandbox();
    const node = api.tree.findProduct(SEED.provisionedProducts.inventoryService.id)!;
    assert.equal(node.row.Status, 'UNDER_CHANGE');
    const { detail } = await api.session.api!.describeRecord(node.row.LastRecordId!);
    assert.equal(detail.RecordType, 'UPDATE_PROVISIONED_PRODUCT');
    // From nothing read: the next listing reads each busy product's last record once.
    const busyRecords = new Set<string>();
    const noteBusy = () => api.tree.busyProducts().forEach((n) => n.row.LastRecordId && busyRecords.add(n.row.LastRecordId));
    noteBusy();
    api.tree.operations.clear();
    const readsBefore = api.tree.operations.reads;
    await api.tree.refresh();
    const since = `Updating since ${formatClock(detail.CreatedTime!, new Date())}`;
    await waitFor('the operation on the row', () => description(api, node).startsWith(`${since} · `));
    const tooltip = (api.tree.getTreeItem(node).tooltip as vscode.MarkdownString | undefined) ?? ((await api.tree.resolveTreeItem(api.tree.getTreeItem(node), node)).tooltip as vscode.MarkdownString);
    assert.match(tooltip.value, new RegExp(`\\| Operation \\| Updating since .+ \\(\\d+ min\\) · record \`${detail.RecordId}\` \\|`));
    noteBusy();
    const reads = api.tree.operations.reads - readsBefore;
    assert.ok(reads >= 1 && reads <= busyRecords.size, `${reads} DescribeRecord calls for ${busyRecords.size} busy products`);
    // Refreshing reads none again: a record's type and start never change.
    await api.tree.refresh();
    await api.tree.refresh();
    assert.equal(api.tree.operations.reads - readsBefore, reads, 'no DescribeRecord again for the same records');
  });

  it('says nothing about the operation when the last record cannot be read, and tries again at the next refresh', async () => {
    const api = await connectedToSandbox();
    const catalog = api.session.api!;
    const node = api.tree.findProduct(SEED.provisionedProducts.inventoryService.id)!;
    const original = catalog.describeRecord;
    catalog.describeRecord = async () => {
      throw Object.assign(new Error('User is not authorized to perform: servicecatalog:DescribeRecord'), { name: 'AccessDeniedException' });
    };
    try {
      api.tree.operations.clear();
      await api.tree.refresh();
      await waitFor('the failed read', () => api.tree.operations.reads > 0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.match(description(api, node), /^Under change · /, 'the status, nothing about the operation');
    } finally {
      catalog.describeRecord = original;
    }
    await api.tree.refresh();
    await waitFor('the operation once the record can be read', () => description(api, node).startsWith('Updating since '));
  });

  it('names no record operation while a plan is created after an action: "Plan in progress", nothing shown as current', async () => {
    const api = await connectedToSandbox();
    const catalog = api.session.api!;
    const WEB = SEED.products.staticWebsite;
    const name = `planned-${Date.now().toString(36)}`;
    const provisioned = await catalog.client.send(new ProvisionProductCommand({
      ProductId: WEB.id, ProvisioningArtifactId: WEB.versions.v11, PathId: SEED.portfolios.platform.pathId,
      ProvisionedProductName: name, ProvisioningParameters: [{ Key: 'BucketName', Value: `${name}-content` }], ProvisionToken: `tok-${name}`,
    }));
    await (await api.records.track(provisioned.RecordDetail!)).final;
    const id = provisioned.RecordDetail!.ProvisionedProductId!;
    const node = await waitFor(`${name} AVAILABLE`, async () => {
      await api.tree.refresh();
      const found = api.tree.findProduct(id);
      return found?.row.Status === 'AVAILABLE' ? found : undefined;
    }, RECORD_TIMEOUT_MS);

    // A self-service action, seen running on the row (its record followed), then finished.
    const action = await catalog.client.send(new ExecuteProvisionedProductServiceActionCommand({
      ProvisionedProductId: id, ServiceActionId: SEED.serviceActions.invalidateCache, ExecuteToken: `act-${name}`,
    }));
    const followed = await api.records.track(action.RecordDetail!);
    await waitFor('the action on the row', async () => {
      await api.tree.refresh();
      return description(api, node).startsWith('Running action since ');
    }, RECORD_TIMEOUT_MS, 200);
    await followed.final;
    await waitFor(`${name} AVAILABLE after the action`, async () => (await api.tree.refresh(), node.row.Status === 'AVAILABLE' && !api.records.isBusy(id)), RECORD_TIMEOUT_MS, 200);
    assert.equal(node.row.LastRecordId, action.RecordDetail!.RecordId);

    // A plan makes no record: the last record is still the finished action, which runs no more.
    const plan = await catalog.client.send(new CreateProvisionedProductPlanCommand({
      PlanName: `plan-${name}`, PlanType: 'CLOUDFORMATION', ProductId: WEB.id, ProvisioningArtifactId: WEB.versions.v11, PathId: SEED.portfolios.platform.pathId,
      ProvisionedProductName: name, ProvisioningParameters: [{ Key: 'BucketName', Value: `${name}-content` }], IdempotencyToken: `plan-${name}`,
    }));
    try {
      await api.tree.refresh();
      assert.equal(node.row.Status, 'PLAN_IN_PROGRESS');
      assert.equal(node.row.LastRecordId, action.RecordDetail!.RecordId, 'the plan made no record');
      assert.equal(api.tree.operations.of(node.row), undefined);
      const text = description(api, node);
      assert.ok(text.startsWith('Plan in progress · '), text);
      const item = api.tree.getTreeItem(node);
      const tooltip = ((item.tooltip as vscode.MarkdownString | undefined) ?? ((await api.tree.resolveTreeItem(item, node)).tooltip as vscode.MarkdownString)).value;
      assert.doesNotMatch(tooltip, /\| Operation \|/, 'no operation in the tooltip');
      assert.doesNotMatch(tooltip, /Running action/);
    } finally {
      await catalog.client.send(new DeleteProvisionedProductPlanCommand({ PlanId: plan.PlanId }));
    }
  });

  it("shows a product's current tags in its tooltip and a Tags folder, and reads them again after an operation", async () => {
    const api = await connectedToSandbox();
    const catalog = api.session.api!;
    const name = `tagged-${Date.now().toString(36)}`;
    const provisioned = await catalog.client.send(new ProvisionProductCommand({
      ProductId: SEED.products.staticWebsite.id, ProvisioningArtifactId: SEED.products.staticWebsite.versions.v11, PathId: SEED.portfolios.platform.pathId,
      ProvisionedProductName: name, ProvisioningParameters: [{ Key: 'BucketName', Value: `${name}-content` }], ProvisionToken: `tok-${name}`,
      Tags: [{ Key: 'Team', Value: 'payments' }],
    }));
    await (await api.records.track(provisioned.RecordDetail!)).final;
    const node = await waitFor(`${name} AVAILABLE`, async () => {
      await api.tree.refresh();
      const found = api.tree.findProduct(name);
      return found?.row.Status === 'AVAILABLE' ? found : undefined;
    }, RECORD_TIMEOUT_MS);
    const tagsOf = async () => {
      const children = await api.tree.getChildren(node);
      const folder = children.find((c) => c.id === `${node.id}/tags`)!;
      assert.ok(folder, 'a Tags folder');
      const tags = await api.tree.getChildren(folder);
      return tags.map((t: TreeNode) => api.tree.getTreeItem(t)).map((i) => `${String(i.label)}=${String(i.description)}`);
    };
    const tooltipOf = async () => ((await api.tree.resolveTreeItem(api.tree.getTreeItem(node), node)).tooltip as vscode.MarkdownString).value;
    // The service's five aws:servicecatalog:* tags are listed apart, after the user's.
    assert.deepEqual(await tagsOf(), ['Team=payments', 'AWS tags=5']);
    assert.match(await tooltipOf(), /Tags: `Team`=`payments`/);

    // Changed by an update: while it runs the listed tags are no longer current, and after it the service's new ones show.
    const updated = await catalog.client.send(new UpdateProvisionedProductCommand({ ProvisionedProductId: node.row.Id, Tags: [{ Key: 'Team', Value: 'billing' }], UpdateToken: `upd-${name}` }));
    api.tree.products.applyDetail(await catalog.describeProvisionedProduct(node.row.Id!));
    assert.equal(node.row.tagsOutdated, true);
    assert.match(await tooltipOf(), /Tags: _not read since the last operation/);
    await (await api.records.track(updated.RecordDetail!)).final;
    await waitFor('the update to end in the tree', () => node.row.Status === 'AVAILABLE' && !node.row.tagsOutdated, RECORD_TIMEOUT_MS);
    const [listed] = await catalog.listProvisionedProducts({ query: `id:${node.row.Id}` });
    assert.deepEqual(listed.Tags!.filter((t) => !t.Key!.startsWith('aws:')), [{ Key: 'Team', Value: 'billing' }], 'what the service says now');
    assert.deepEqual(await tagsOf(), ['Team=billing', 'AWS tags=5']);
    assert.match(await tooltipOf(), /Tags: `Team`=`billing`/);
  });

  it('filters by a status picked from a list, sent as SearchQuery, and clears from the view title', async () => {
    const api = await connectedToSandbox();
    const all = api.tree.productNodes.length;
    const input = pickingInput((items) => items.find((i) => i.description === 'status:ERROR')!);
    api.setUserInput(input);
    await vscode.commands.executeCommand('serviceCatalogExplorer.filter');
    assert.equal(api.tree.filter, 'status:ERROR');
    const statuses = input.offered.filter((i) => /^status:/.test(i.description ?? '')).map((i) => i.description);
    assert.deepEqual(new Set(statuses), new Set(PRODUCT_STATUSES.map((s) => `status:${s}`)), 'every status offered');
    assert.ok(input.offered.some((i) => i.description === `productName:"${SEED.products.staticWebsite.name}"`), 'the listed products offered');
    const shown = api.tree.productNodes;
    assert.ok(shown.length > 0 && shown.length < all, `${shown.length} of ${all}`);
    assert.ok(shown.every((n) => n.row.Status === 'ERROR'), shown.map((n) => n.row.Status).join());
    assert.match(api.treeView.message ?? '', /Filtered by "status:ERROR"/);
    // A filter with quotes of its own is not wrapped in more.
    const byProduct = `productName:"${SEED.products.staticWebsite.name}"`;
    await api.tree.setFilter(byProduct);
    await waitFor('the product filter in the view message', () => api.treeView.message?.includes('productName:'));
    assert.equal(api.treeView.message, `Filtered by ${byProduct}`);
    await api.tree.setFilter('status:ERROR');

    // Free text typed in the same pick still works; the pick offers Clear while a filter is in use.
    api.setUserInput(pickingInput(() => ({ typed: SEED.provisionedProducts.inventoryService.name })));
    await vscode.commands.executeCommand('serviceCatalogExplorer.filter');
    const named = api.tree.productNodes.map((n) => n.row.Name!);
    assert.ok(named.includes(SEED.provisionedProducts.inventoryService.name) && named.length < all, named.join());
    const clearing = pickingInput((items) => items.find((i) => /Clear filter/.test(i.label))!);
    api.setUserInput(clearing);
    await vscode.commands.executeCommand('serviceCatalogExplorer.filter');
    assert.equal(api.tree.filter, '');
    assert.equal(api.tree.productNodes.length, all);
    await api.tree.setFilter('status:TAINTED');
    await vscode.commands.executeCommand('serviceCatalogExplorer.clearFilter');
    assert.equal(api.tree.productNodes.length, all);
  });
});
