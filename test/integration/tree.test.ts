// The provisioned products tree against the embedded sandbox: contents, icons, tooltips, children,
// filter, grouping, auto-refresh of busy items only, and the failure states.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ProvisionProductCommand, TerminateProvisionedProductCommand, UpdateProvisionedProductCommand } from '@aws-sdk/client-service-catalog';
// Types only: the extension's classes live in its own bundle, so `instanceof` would not match here.
import type { GroupNode, ProductNode } from '../../src/products/nodes';
import { SEED } from '../../src/sandbox/service/index';
import { connectedToSandbox, rootItems, setSetting, waitFor } from './helpers';

const EXPECTED_ICONS: Record<string, string> = {
  AVAILABLE: 'pass-filled',
  UNDER_CHANGE: 'sync~spin',
  PLAN_IN_PROGRESS: 'loading~spin',
  TAINTED: 'warning',
  ERROR: 'error',
};

describe('provisioned products tree', () => {
  afterEach(async () => {
    const api = await connectedToSandbox();
    api.setUserInput(undefined);
    await setSetting('groupBy', undefined);
    await api.tree.setFilter('');
  });

  it('lists every product with a status icon, product · version, capabilities and a rich tooltip', async () => {
    const api = await connectedToSandbox();
    const items = await rootItems(api);
    const products = items.filter((i) => i.node.id.startsWith('pp/'));
    assert.equal(products.length, api.tree.productNodes.length);
    const statuses = new Set<string>();
    for (const { node, item } of products) {
      const row = (node as ProductNode).row;
      statuses.add(row.Status!);
      assert.equal(item.id, `pp/${row.Id}`, 'stable id');
      // An operation started from the extension shows on the item itself until its record ends.
      const expectedIcon = (node as ProductNode).activity ? 'loading~spin' : EXPECTED_ICONS[row.Status!];
      assert.equal((item.iconPath as vscode.ThemeIcon).id, expectedIcon, `icon of ${row.Name} (${row.Status})`);
      assert.ok((item.iconPath as vscode.ThemeIcon).color, 'coloured icon');
      // After the status word, or the operation, where there is one (treeAtAGlance.test.ts holds those).
      // An old provisioned product comes without its version (real data does): then the product alone.
      assert.ok(String(item.description).endsWith([row.ProductName, row.ProvisioningArtifactName].filter(Boolean).join(' · ')), `${item.description}`);
      assert.match(String(item.contextValue), new RegExp(`^provisionedProduct;status-${row.Status};type-`));
      const resolved = await api.tree.resolveTreeItem(item, node);
      const tooltip = (resolved.tooltip as vscode.MarkdownString).value;
      for (const part of [row.Id!, row.Arn!, row.Type!, row.ProvisioningArtifactId].filter((p): p is string => !!p)) assert.ok(tooltip.includes(part), `tooltip has ${part}`);
      assert.match(tooltip, /\| Launch role \| (`arn:aws:iam::123456789012:role\/SCLaunchRole-[A-Za-z]+`|_none_) \|/);
    }
    for (const status of Object.keys(EXPECTED_ICONS)) assert.ok(statuses.has(status), `a product in ${status} is shown (saw ${[...statuses]})`);
  });

  it('reads the launch roles of a small list with ScanProvisionedProducts, not one call per product', async () => {
    const api = await connectedToSandbox();
    const calls = api.session.api!.calls.byOperation;
    // Auto-refresh may re-read the seeded busy products meanwhile: its own calls are not the sweep's.
    const described = () => (calls.DescribeProvisionedProduct ?? 0) - api.autoRefresher.describeCalls;
    const before = { scan: calls.ScanProvisionedProducts ?? 0, describe: described() };
    // A filter that matches nothing, then none: every product comes back as a new item, without its detail.
    await api.tree.setFilter('no-such-provisioned-product');
    assert.equal(api.tree.productNodes.length, 0);
    await api.tree.setFilter('');
    await api.tree.whenDetailsSettled();
    const nodes = api.tree.productNodes;
    const scans = (calls.ScanProvisionedProducts ?? 0) - before.scan;
    assert.ok(scans >= 1 && scans <= Math.ceil(nodes.length / 20) + 1, `${scans} scan pages for ${nodes.length} products`);
    for (const node of nodes) {
      assert.ok(node.row.detailLoaded, `${node.row.Name} has its detail`);
      const item = api.tree.getTreeItem(node);
      const tooltip = (item.tooltip as vscode.MarkdownString | undefined)?.value ?? '';
      assert.match(tooltip, /\| Launch role \| (`arn:aws:iam::\d{12}:role\/[\w+=,.@-]+`|_none_) \|/, `tooltip of ${node.row.Name} without hovering`);
    }
    const sample = nodes.find((n) => n.row.LaunchRoleArn)!;
    const detail = await api.session.api!.describeProvisionedProduct(sample.row.Id!);
    assert.equal(sample.row.LaunchRoleArn, detail.LaunchRoleArn, 'the same launch role DescribeProvisionedProduct gives');
    assert.equal(described() - before.describe, 1, 'only the check above described a product');
  });

  it('expanding a product shows its launch role, outputs and recent records', async () => {
    const api = await connectedToSandbox();
    const node = api.tree.productNodes.find((n) => n.row.Status === 'AVAILABLE')!;
    const children = await api.tree.getChildren(node);
    const items = children.map((c) => api.tree.getTreeItem(c));
    const launchRole = items.find((i) => i.description === 'Launch role')!;
    assert.ok(launchRole, 'launch role child');
    assert.match(String(launchRole.label), /^arn:aws:iam::\d{12}:role\//);
    assert.match(String(launchRole.contextValue), /canCopyValue/);
    await vscode.commands.executeCommand('serviceCatalogExplorer.copyValue', children[items.indexOf(launchRole)]);
    assert.equal(await vscode.env.clipboard.readText(), launchRole.label, 'Copy Value puts the launch role ARN on the clipboard');
    assert.match((api.tree.getTreeItem(node).tooltip as vscode.MarkdownString).value, /arn:aws:iam::\d{12}:role\//, 'tooltip shows the launch role once read');
    const outputs = children[items.findIndex((i) => i.label === 'Outputs')];
    const outputItems = (await api.tree.getChildren(outputs)).map((c) => api.tree.getTreeItem(c));
    assert.ok(outputItems.length > 0 && outputItems.every((i) => i.label !== 'Could not load'));
    const records = children[items.findIndex((i) => i.label === 'Recent records')];
    const recordItems = (await api.tree.getChildren(records)).map((c) => api.tree.getTreeItem(c));
    assert.ok(recordItems.length > 0, 'at least the provisioning record');
    assert.ok(recordItems.some((i) => i.label === 'Provision product'), recordItems.map((i) => i.label).join());
    for (const r of recordItems) assert.match((r.tooltip as vscode.MarkdownString).value, /Launch role/);
    // A click on a record opens its document.
    const click = recordItems[0].command!;
    assert.equal(click.command, 'serviceCatalogExplorer.openRecord');
    await vscode.commands.executeCommand(click.command, ...(click.arguments ?? []));
    // It opens rendered (a markdown preview, no text editor): its document is open with the record.
    await waitFor('the record document', () => vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'servicecatalog-record' && d.getText().includes(String(click.arguments?.[0]))));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // Copy Value on a record row copies its id.
    await vscode.commands.executeCommand('serviceCatalogExplorer.copyValue', (await api.tree.getChildren(records))[0]);
    assert.equal(await vscode.env.clipboard.readText(), click.arguments?.[0]);
  });

  it('as the end user, Outputs are the last successful provisioning record\'s, said as such (one denied call per connection)', async () => {
    const api = await connectedToSandbox();
    const node = api.tree.findProduct(SEED.provisionedProducts.webMarketingSite.id)!;
    const deniedBefore = api.session.api!.calls.byOperation.GetProvisionedProductOutputs ?? 0;
    const outputsOf = async (product: ProductNode) => {
      const children = await api.tree.getChildren(product);
      const outputs = children[children.map((c) => api.tree.getTreeItem(c)).findIndex((i) => i.label === 'Outputs')];
      return (await api.tree.getChildren(outputs)).map((c) => api.tree.getTreeItem(c));
    };
    const items = await outputsOf(node);
    assert.match(String(items[0].label), /^From record rec-\S+ of /, String(items[0].label));
    assert.match(String(items[0].description), /not necessarily the current ones/);
    assert.ok(items.length > 1 && items.slice(1).every((i) => i.contextValue === 'output;canCopyValue'), items.map((i) => i.label).join());
    assert.ok(items.every((i) => i.label !== 'Could not load'));
    // An old product without LastSuccessfulProvisioningRecordId: its record is found in the history.
    const old = await outputsOf(api.tree.findProduct(SEED.provisionedProducts.reportingDb2018.id)!);
    assert.match(String(old[0].label), /^From record rec-/);
    const denied = (api.session.api!.calls.byOperation.GetProvisionedProductOutputs ?? 0) - deniedBefore;
    assert.ok(denied <= 1, `GetProvisionedProductOutputs asked ${denied} times`);
  });

  it('offers Show Plans only on CloudFormation products, and refuses it for others', async () => {
    const api = await connectedToSandbox();
    const items = (await rootItems(api)).filter((i) => i.node.id.startsWith('pp/'));
    const byType = (type: string) => items.filter((i) => (i.node as ProductNode).row.Type === type);
    for (const { item } of [...byType('CONTROL_TOWER_ACCOUNT'), ...byType('TERRAFORM_OPEN_SOURCE')]) assert.doesNotMatch(String(item.contextValue), /canPlan/);
    assert.ok(byType('CONTROL_TOWER_ACCOUNT').length > 0, 'the seed has a Control Tower account');
    assert.ok(byType('CFN_STACK').some(({ item }) => /canPlan/.test(String(item.contextValue))));
    const account = api.tree.findProduct(SEED.provisionedProducts.sandboxAccount.id)!;
    const panelsBefore = api.forms.panels.length;
    await Promise.resolve(vscode.commands.executeCommand('serviceCatalogExplorer.showPlans', account)).catch(() => undefined);
    assert.equal(api.forms.panels.length, panelsBefore, 'no plans panel for a Control Tower account');
  });

  it('filters with SearchQuery and clears the filter', async () => {
    const api = await connectedToSandbox();
    const all = api.tree.productNodes.length;
    const target = api.tree.productNodes.find((n) => n.row.Status === 'ERROR')!.row;
    await api.tree.setFilter(target.Name!);
    const filtered = api.tree.productNodes;
    assert.ok(filtered.length >= 1 && filtered.length < all, `${filtered.length} of ${all}`);
    assert.ok(filtered.some((n) => n.row.Id === target.Id));
    assert.match(api.treeView.message ?? '', /Filtered by/);
    await vscode.commands.executeCommand('serviceCatalogExplorer.clearFilter');
    assert.equal(api.tree.productNodes.length, all);
    await api.tree.setFilter('no-such-product-zzz');
    assert.equal(api.tree.viewState, 'empty');
    // VS Code shows the welcome content ("No provisioned products match the filter", Clear Filter) only without a message.
    assert.equal(api.treeView.message, undefined);
  });

  it('fills an empty view page by page, and says so when the listing stops part-way', async () => {
    const api = await connectedToSandbox();
    const catalog = api.session.api!;
    const all = await catalog.listProvisionedProducts();
    await api.tree.setFilter('no-such-product-zzz');
    assert.equal(api.tree.productNodes.length, 0);
    // The listing hands over its first page, then waits: the view shows that page already.
    const original = catalog.listProvisionedProducts;
    let release!: (ok: boolean) => void;
    const gate = new Promise<boolean>((resolve) => (release = resolve));
    catalog.listProvisionedProducts = async (options = {}) => {
      options.onPage?.(all.slice(0, 3), 0);
      if (!(await gate)) throw Object.assign(new Error('connect ECONNRESET'), { name: 'NetworkingError' });
      options.onPage?.(all.slice(3), 1);
      return all;
    };
    try {
      const refreshed = api.tree.setFilter('');
      await waitFor('the first page in the view', () => api.tree.productNodes.length === 3);
      release(true);
      await refreshed;
      assert.equal(api.tree.productNodes.length, all.length);
      assert.equal(api.treeView.message, undefined);

      // Part-way failure: what arrived stays, marked incomplete.
      catalog.listProvisionedProducts = original;
      await api.tree.setFilter('no-such-product-zzz');
      assert.equal(api.tree.productNodes.length, 0);
      const failing = new Promise<boolean>((resolve) => (release = resolve));
      catalog.listProvisionedProducts = async (options = {}) => {
        options.onPage?.(all.slice(0, 3), 0);
        if (!(await failing)) throw Object.assign(new Error('connect ECONNRESET'), { name: 'NetworkingError' });
        return all;
      };
      const broken = api.tree.setFilter('');
      await waitFor('the first page', () => api.tree.productNodes.length === 3);
      release(false);
      await broken;
      catalog.listProvisionedProducts = original;
      assert.match(api.treeView.message ?? '', /^Incomplete: listing stopped after 3 provisioned products\./);
    } finally {
      catalog.listProvisionedProducts = original;
    }
    await api.tree.refresh();
    assert.equal(api.tree.productNodes.length, all.length);
    assert.equal(api.treeView.message, undefined);
  });

  it('groups by status and by product', async () => {
    const api = await connectedToSandbox();
    await setSetting('groupBy', 'status');
    await waitFor('grouping', async () => (await api.tree.getChildren())[0]?.id.startsWith('group/status/'));
    const groups = (await api.tree.getChildren()) as GroupNode[];
    const labels = groups.map((g) => api.tree.getTreeItem(g).label);
    assert.deepEqual(labels.slice(0, 2), ['Error', 'Tainted'], 'failures first');
    const total = groups.reduce((n, g) => n + g.members.length, 0);
    assert.equal(total, api.tree.productNodes.length);
    for (const g of groups) for (const m of g.members) assert.equal(api.tree.getParent(m)?.id, g.id);
    await setSetting('groupBy', 'product');
    await waitFor('product groups', async () => (await api.tree.getChildren()).every((n) => n.id.startsWith('group/product/')));
    // Under its product's group an item's description gives just the version.
    const member = api.tree.productNodes.find((n) => n.row.ProductName && n.row.ProvisioningArtifactName && !n.activity && n.row.Status === 'AVAILABLE')!;
    assert.equal(api.tree.getTreeItem(member).description, member.row.ProvisioningArtifactName);
  });

  it('grouped by status, an expanded product stays expanded when its status moves it to another group', async () => {
    const api = await connectedToSandbox();
    await setSetting('groupBy', 'status');
    const web = SEED.products.staticWebsite;
    const name = `tree-expanded-${Date.now().toString(36)}`;
    const client = api.session.api!.client;
    const out = await client.send(new ProvisionProductCommand({
      ProductId: web.id, ProvisioningArtifactId: web.versions.v11, PathId: SEED.portfolios.platform.pathId, ProvisionedProductName: name,
      ProvisioningParameters: [{ Key: 'BucketName', Value: `${name}-content` }], ProvisionToken: `tok-${name}`,
    }));
    await (await api.records.track(out.RecordDetail!)).final;
    const id = out.RecordDetail!.ProvisionedProductId!;
    const node = await waitFor(`${name} AVAILABLE in the tree`, async () => {
      await api.tree.refresh();
      const found = api.tree.findProduct(id);
      return found?.row.Status === 'AVAILABLE' && api.tree.getParent(found)?.id.startsWith('group/status/') ? found : undefined;
    }, 90_000, 500);
    const groupBefore = api.tree.getParent(node)!.id;
    await api.treeView.reveal(node, { expand: true, select: false, focus: false });
    await waitFor('the expansion to be noted', () => api.tree.getTreeItem(node).collapsibleState === vscode.TreeItemCollapsibleState.Expanded);

    await client.send(new UpdateProvisionedProductCommand({
      ProvisionedProductId: id, ProductId: web.id, ProvisioningArtifactId: web.versions.v11, PathId: SEED.portfolios.platform.pathId,
      ProvisioningParameters: [{ Key: 'BucketName', UsePreviousValue: true }], UpdateToken: `tok-${name}-update`,
    }));
    await waitFor('the product to move to another group', async () => {
      await api.tree.refresh();
      const moved = api.tree.findProduct(id);
      return moved && api.tree.getParent(moved)?.id !== groupBefore ? moved : undefined;
    }, 30_000, 200);
    const moved = api.tree.findProduct(id)!;
    assert.equal(api.tree.getTreeItem(moved).collapsibleState, vscode.TreeItemCollapsibleState.Expanded, 'still expanded under its new group');
  });

  it('auto-refresh re-reads only the busy product until it settles, then stops', async () => {
    const api = await connectedToSandbox();
    // Records that earlier suites started refresh the tree when they end: let them finish first.
    await waitFor('earlier tracked records to end', () => api.records.activeRecordIds.length === 0, 120_000, 250);
    await setSetting('autoRefresh.intervalSeconds', 1);
    await vscode.commands.executeCommand('serviceCatalogExplorer.provisionedProducts.focus');
    const target = api.tree.productNodes.find((n) => n.row.Status === 'AVAILABLE' && !/colleague/.test(n.row.UserArn ?? ''))!.row;
    await api.tree.setFilter(target.Name!);
    assert.equal(api.tree.busyProducts().length, 0);
    await api.session.api!.client.send(new TerminateProvisionedProductCommand({ ProvisionedProductId: target.Id, TerminateToken: `t-${Date.now()}` }));
    await api.tree.refresh();
    assert.equal(api.tree.findProduct(target.Id!)?.row.Status, 'UNDER_CHANGE');
    // (A tick of the seeded busy products may be running at this instant: it reschedules when it ends.)
    await waitFor('auto-refresh scheduled while the product is under change', () => api.autoRefresher.isScheduled, 3_000, 20);
    // Regaining window focus catches up at once instead of waiting for the (slowed) timer.
    const callsBeforeCatchUp = api.autoRefresher.describeCalls;
    api.autoRefresher.catchUp();
    await waitFor('an immediate re-read on catch-up', () => api.autoRefresher.describeCalls > callsBeforeCatchUp, 500, 20);
    const listCallsBefore = api.session.api!.calls.byOperation.SearchProvisionedProducts ?? 0;
    await waitFor('the terminated product to leave the tree', () => !api.tree.findProduct(target.Id!), 60_000);
    assert.equal(api.session.api!.calls.byOperation.SearchProvisionedProducts ?? 0, listCallsBefore, 'no re-listing, only DescribeProvisionedProduct');
    assert.ok(api.autoRefresher.describeCalls > 0);
    assert.equal(api.autoRefresher.isScheduled, false, 'stops once everything settled');
    await setSetting('autoRefresh.intervalSeconds', undefined);
  });

  it('keeps the last good list and marks it stale when a refresh fails, and Retry recovers', async () => {
    const api = await connectedToSandbox();
    const before = api.tree.productNodes.length;
    await api.sandbox.stop();
    await api.tree.refresh();
    assert.equal(api.tree.productNodes.length, before, 'last good list kept');
    assert.equal(api.tree.lastFailure?.kind, 'network');
    assert.match(api.treeView.message ?? '', /^Stale: .*Last refresh failed: Cannot reach/);
    await vscode.commands.executeCommand('serviceCatalogExplorer.retry');
    await waitFor('recovery', () => api.tree.viewState === 'ready' && !api.tree.lastFailure);
    assert.equal(api.treeView.message, undefined);
  });

  it('shows missing credentials in plain words with no list, and Retry', async () => {
    const api = await connectedToSandbox();
    try {
      await api.session.useAws('no-such-profile', 'eu-west-1');
      assert.match(api.statusBar.item.text, /no-such-profile · eu-west-1/);
      await waitFor('the failure', () => api.tree.viewState === 'error');
      const [item, switchItem] = (await rootItems(api)).map((i) => i.item);
      assert.match(String(item.label), /no-such-profile|credentials/i);
      assert.equal(item.command?.command, 'serviceCatalogExplorer.retry');
      assert.equal(switchItem?.command?.command, 'serviceCatalogExplorer.switchConnection', 'a way out: another profile or the sandbox');
      await waitFor('the status bar to warn', () => api.statusBar.item.text.startsWith('$(warning)'));
      assert.match(String(api.statusBar.item.tooltip), /no-such-profile|credentials/i);
    } finally {
      await api.session.useSandbox();
    }
    await waitFor('a clean status bar on the sandbox', () => api.statusBar.item.text === '$(cloud) Sandbox');
  });
});
