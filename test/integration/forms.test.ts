// The form panels in the real extension host against the sandbox: each flow goes through the panel's
// message path (validation → controller → response), exactly as the webview's own messages do.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostToWebview } from '../../src/core/webview/protocol';
import type { ExtensionApi } from '../../src/extension';
import { SEED } from '../../src/sandbox/service/index';
import type { FormPanel } from '../../src/ui/webview/formPanel';
import type { PanelKind, PlanView, ResponseMessage } from '../../src/core/webview/protocol';
import { answerConfirmations, connectedToSandbox, waitFor } from './helpers';

const P = SEED.products;
const SECRET = 'IntegrationS3cret';

/** Runs a command that opens a panel and returns it (requests do not need the page to have loaded). */
async function openedPanel(api: ExtensionApi, kind: PanelKind, run: () => Thenable<unknown>): Promise<FormPanel> {
  const opened = new Promise<FormPanel>((resolve) => {
    const sub = api.forms.onDidOpen((panel) => {
      if (panel.kind !== kind) return;
      sub.dispose();
      resolve(panel);
    });
  });
  await run();
  const panel = await opened;
  // A webview loads only while visible; after the previous test closed its editor, make sure this one shows.
  panel.panel.reveal(undefined, false);
  return panel;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function ok<T = any>(response: ResponseMessage): T {
  if (!response.ok) assert.fail(`request failed: ${response.error.message} ${JSON.stringify(response.error.fieldErrors ?? {})}`);
  return response.result as T;
}

describe('forms', () => {
  let api: ExtensionApi;
  before(async () => {
    api = await connectedToSandbox();
    answerConfirmations(api, ([yes]) => yes); // Execute and Discard plan ask first
  });
  after(() => api.setUserInput(undefined));
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the form panels to close', () => api.forms.panels.length === 0);
  });

  it('provisions a product from the form and shows it in the tree at once', async () => {
    const panel = await openedPanel(api, 'provision', () => vscode.commands.executeCommand('serviceCatalogExplorer.provisionProduct'));
    assert.match(panel.panel.webview.html, /default-src 'none'/);
    const products = ok<{ productId: string }[]>(await panel.request('searchProducts', { query: 'static' }));
    assert.ok(products.some((p) => p.productId === P.staticWebsite.id));
    const options = ok(await panel.request('loadProduct', { productId: P.staticWebsite.id }));
    const target = { productId: P.staticWebsite.id, provisioningArtifactId: options.preselectedVersionId, pathId: options.preselectedPathId };
    ok(await panel.request('loadParameters', target));
    const submission = {
      provisionedProductName: 'forms-it-site',
      parameters: { BucketName: 'forms-it-site-bucket', Environment: 'dev' },
      tags: [{ key: 'CostCenter', value: 'cc-2002' }, { key: 'Environment', value: 'dev' }],
    };
    const refused = await panel.request('submit', { target, submission: { ...submission, parameters: { BucketName: 'Bad_Bucket!' } } });
    assert.ok(!refused.ok && refused.error.fieldErrors?.['parameters.BucketName'], 'the host refuses what the form rules refuse');
    const result = ok(await panel.request('submit', { target, submission }));
    assert.match(result.recordId, /\S/);
    await waitFor('the new product in the tree', () => api.tree.findProduct('forms-it-site'));
  });

  it('after provisioning, the form is a result: a second submit is refused, and its buttons act on the record and product', async () => {
    const panel = await openedPanel(api, 'provision', () => vscode.commands.executeCommand('serviceCatalogExplorer.provisionProduct'));
    const options = ok(await panel.request('loadProduct', { productId: P.staticWebsite.id }));
    const target = { productId: P.staticWebsite.id, provisioningArtifactId: options.preselectedVersionId, pathId: options.preselectedPathId };
    ok(await panel.request('loadParameters', target));
    const submission = (name: string) => ({
      provisionedProductName: name,
      parameters: { BucketName: `${name}-bucket`, Environment: 'dev' },
      tags: [{ key: 'CostCenter', value: 'cc-2002' }, { key: 'Environment', value: 'dev' }],
    });
    const result = ok(await panel.request('submit', { target, submission: submission('forms-it-result') }));
    // The page may send again (a stale or misbehaving page): the host refuses, with any name.
    for (const name of ['forms-it-result', 'forms-it-result-2']) {
      const again = await panel.request('submit', { target, submission: submission(name) });
      assert.ok(!again.ok && again.error.code === 'AlreadyProvisioned', JSON.stringify(again));
      assert.match(again.error.message, new RegExp(`record ${result.recordId}`));
    }
    const init = await panel.controller.init();
    assert.deepEqual(init.kind === 'provision' && init.finished?.recordId, result.recordId, 'a reopened page is told it is a result');

    ok(await panel.request('provisionResult', { action: 'copyRecordId' }));
    assert.equal(await vscode.env.clipboard.readText(), result.recordId);
    ok(await panel.request('provisionResult', { action: 'follow' }));
    await waitFor('the record document', () => vscode.workspace.textDocuments.some((d) => d.uri.path.includes(result.recordId)));
    await waitFor('the tree to list the new product', () => api.tree.findProduct(result.provisionedProductId));
    ok(await panel.request('provisionResult', { action: 'reveal' }));
    await waitFor('the new product selected in the tree', () => api.treeView.selection.some((n) => (n as { row?: { Id?: string } }).row?.Id === result.provisionedProductId));
    const another = new Promise<FormPanel>((resolve) => { const s = api.forms.onDidOpen((p) => p.kind === 'provision' && (s.dispose(), resolve(p))); });
    ok(await panel.request('provisionResult', { action: 'provisionAnother' }));
    const fresh = await another;
    assert.notEqual(fresh, panel);
    const freshInit = await fresh.controller.init();
    assert.ok(freshInit.kind === 'provision' && !freshInit.finished);
    assert.deepEqual(freshInit.start, target, 'the fresh form starts on the same product, version and path');
    assert.equal(api.tree.findProduct('forms-it-result-2'), undefined, 'the refused submission made nothing');
  });

  it('a provision form restored after a reload is a result only for a provisioning record the service returns, with the record\'s ids', async () => {
    const panel = await openedPanel(api, 'provision', () => vscode.commands.executeCommand('serviceCatalogExplorer.provisionProduct'));
    const options = ok(await panel.request('loadProduct', { productId: P.staticWebsite.id }));
    const target = { productId: P.staticWebsite.id, provisioningArtifactId: options.preselectedVersionId, pathId: options.preselectedPathId };
    ok(await panel.request('loadParameters', target));
    const submission = { provisionedProductName: 'forms-it-restored', parameters: { BucketName: 'forms-it-restored-bucket', Environment: 'dev' }, tags: [{ key: 'CostCenter', value: 'cc-2002' }, { key: 'Environment', value: 'dev' }] };
    const result = ok(await panel.request('submit', { target, submission }));
    const restore = async (recordId: string): Promise<FormPanel> => {
      const webview = vscode.window.createWebviewPanel('serviceCatalogExplorer.provisionForm', 'Provision Product', vscode.ViewColumn.Active, { enableScripts: true });
      const restored = new Promise<FormPanel>((resolve) => { const s = api.forms.onDidOpen((p) => (s.dispose(), resolve(p))); });
      // The page's state is the page's word: the product id and name in it are forged.
      api.forms.restore('provision', webview, { init: { kind: 'provision', connection: 'Sandbox' }, productId: target.productId, result: { recordId, provisionedProductId: 'pp-forged0001', provisionedProductName: 'forged' } });
      return restored;
    };
    const real = await restore(result.recordId);
    const init = await real.controller.init();
    assert.ok(init.kind === 'provision' && init.finished, 'a result');
    assert.equal(init.finished.provisionedProductId, result.provisionedProductId, 'the product the record names');
    assert.equal(init.finished.provisionedProductName, 'forms-it-restored');
    ok(await real.request('provisionResult', { action: 'follow' }));
    await waitFor('the record document', () => vscode.workspace.textDocuments.some((d) => d.uri.path.includes(result.recordId)));
    const forged = await restore('rec-forged0001');
    const fresh = await forged.controller.init();
    assert.ok(fresh.kind === 'provision' && !fresh.finished, 'an unknown record: a fresh form');
    const refused = await forged.request('provisionResult', { action: 'reveal' });
    assert.ok(!refused.ok && refused.error.code === 'NotFinished', 'nothing acts on the page\'s ids');
  });

  it('as the end user: versions from DescribeProduct (an unnamed one by its id), no preview for a Terraform product', async () => {
    const panel = await openedPanel(api, 'provision', () => vscode.commands.executeCommand('serviceCatalogExplorer.provisionProduct'));
    const legacy = ok(await panel.request('loadProduct', { productId: P.legacyDatabase.id }));
    const unnamed = legacy.versions.find((v: { id: string }) => v.id === P.legacyDatabase.versions.v15);
    assert.deepEqual([unnamed?.name, unnamed?.deprecated], [P.legacyDatabase.versions.v15, true], JSON.stringify(legacy.versions));
    assert.equal(legacy.plansSupported, true);
    const terraform = ok(await panel.request('loadProduct', { productId: P.terraformBucket.id }));
    assert.equal(terraform.plansSupported, false);
    const target = { productId: P.terraformBucket.id, provisioningArtifactId: terraform.preselectedVersionId, pathId: terraform.preselectedPathId };
    const preview = await panel.request('preview', { target, submission: { provisionedProductName: 'forms-it-tf', parameters: {} } });
    assert.ok(!preview.ok && preview.error.code === 'PlansUnsupported', JSON.stringify(preview));
  });

  it('an update through a path without RESOURCE_UPDATE shows the tags read-only, AWS tags apart, and sends none', async () => {
    const orders = api.tree.findProduct(SEED.provisionedProducts.ordersService.id)!;
    const panel = await openedPanel(api, 'update', () => vscode.commands.executeCommand('serviceCatalogExplorer.updateProvisionedProduct', orders));
    const init = await panel.controller.init();
    if (init.kind !== 'update') return assert.fail('update init');
    assert.ok(init.listedTags, 'the tags the tree listed');
    assert.ok(init.listedTags.system.length > 0 && init.listedTags.system.every((t) => t.key.startsWith('aws:')), JSON.stringify(init.listedTags));
    assert.ok(init.listedTags.user.every((t) => !t.key.startsWith('aws:')));
    const loaded = ok(await panel.request('loadParameters', init.current));
    assert.equal(loaded.form.tagUpdate, 'NOT_ALLOWED');
    const keepPrevious = loaded.form.fields.map((f: { key: string }) => f.key);
    const refused = await panel.request('submit', { target: init.current, submission: { parameters: {}, keepPrevious, tags: [{ key: 'team', value: 'x' }] } });
    assert.ok(!refused.ok && /do not allow tag updates/.test(refused.error.fieldErrors?.tags ?? ''), JSON.stringify(refused));
  });

  it('lists products with their description, owner and distributor', async () => {
    const panel = await openedPanel(api, 'provision', () => vscode.commands.executeCommand('serviceCatalogExplorer.provisionProduct'));
    const products = ok<{ productId: string; description?: string; owner?: string; distributor?: string }[]>(await panel.request('searchProducts', { query: 'static website' }));
    const site = products.find((p) => p.productId === P.staticWebsite.id);
    assert.deepEqual([site?.description, site?.owner, site?.distributor], ['S3 + CloudFront static website with HTTPS', 'Platform Team', 'Platform Engineering']);
  });

  it('loads its page under the CSP, which says ready and gets init', async function () {
    // The web workbench here sometimes never loads a webview (its service worker); try a few panels.
    for (let attempt = 1; attempt <= 3; attempt++) {
      const panel = await openedPanel(api, 'provision', () => vscode.commands.executeCommand('serviceCatalogExplorer.provisionProduct'));
      const first = await withTimeout(panel.initialized, 15_000, 'the page to load').catch(() => undefined);
      if (first) {
        assert.equal(first.type, 'init');
        return;
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    assert.fail('the provision page never said ready');
  });

  it('stays on the connection it opened on: after a switch it sends nothing, and says so', async () => {
    const panel = await openedPanel(api, 'provision', () => vscode.commands.executeCommand('serviceCatalogExplorer.provisionProduct'));
    assert.ok(ok<unknown[]>(await panel.request('searchProducts', { query: '' })).length > 0);
    try {
      await api.session.useAws('no-such-profile', 'eu-west-1');
      const refused = await panel.request('searchProducts', { query: '' });
      assert.ok(!refused.ok, 'refused after the switch');
      assert.match(refused.error.message, /opened on Sandbox, but the connection is now no-such-profile · eu-west-1\. Nothing was sent\./);
    } finally {
      await api.session.useSandbox();
    }
    assert.ok(ok<unknown[]>(await panel.request('searchProducts', { query: '' })).length > 0, 'back on the sandbox it works again');
  });

  it('shares the catalog reads of the connection with every form until Refresh Catalog, and a new connection starts afresh', async () => {
    const reader = api.session.provisioning!;
    const shared = api.session.catalog.of(reader).product(P.staticWebsite.id);
    assert.equal(api.session.catalog.of(reader).product(P.staticWebsite.id), shared, 'a second look shares the read');
    const refreshed: unknown[] = [];
    const sub = api.session.catalog.onDidRefresh((r) => refreshed.push(r));
    try {
      await vscode.commands.executeCommand('serviceCatalogExplorer.refreshCatalog');
    } finally {
      sub.dispose();
    }
    assert.deepEqual(refreshed, [reader], 'the command refreshed the current connection');
    const again = api.session.catalog.of(reader).product(P.staticWebsite.id);
    assert.notEqual(again, shared, 'read again after the refresh');
    assert.equal((await again).name, 'Static Website');
    assert.ok((await api.session.catalogFacts!.products()).some((p) => p.id === P.staticWebsite.id), 'the spec files\' view reads the same cache');
    await api.session.connectFromSettings();
    assert.notEqual(api.session.provisioning, reader, 'a new connection has a catalog of its own');
  });

  it('ignores a malformed message from the page and keeps working', async () => {
    const panel = await openedPanel(api, 'provision', () => vscode.commands.executeCommand('serviceCatalogExplorer.provisionProduct'));
    let answered = 0;
    const sub = panel.onDidPost((m) => m.type === 'response' && answered++);
    await panel.receive({ type: 'request', id: 5, method: 'submit', params: { target: 'everything', submission: { parameters: { DbPassword: SECRET } } } });
    await panel.receive('not even an object');
    sub.dispose();
    assert.equal(answered, 0);
    assert.ok(ok<unknown[]>(await panel.request('searchProducts', { query: '' })).length > 0);
  });

  it('updates a provisioned product to a new version, keeping some values and changing others', async () => {
    const node = await waitFor('orders-service', () => api.tree.findProduct(SEED.provisionedProducts.ordersService.id));
    const panel = await openedPanel(api, 'update', () => vscode.commands.executeCommand('serviceCatalogExplorer.updateProvisionedProduct', node));
    const options = ok(await panel.request('loadProduct', { productId: P.containerService.id }));
    assert.ok(options.versions.some((v: { current?: boolean }) => v.current), 'the version in use is marked');
    const current = { productId: P.containerService.id, provisioningArtifactId: options.preselectedVersionId, pathId: options.preselectedPathId };
    const v3 = { ...current, provisioningArtifactId: P.containerService.versions.v3 };
    const loaded = ok(await panel.request('loadParameters', v3));
    if (current.provisioningArtifactId !== v3.provisioningArtifactId) assert.deepEqual(loaded.diff.added, ['EnableAutoScaling']);
    const pushed: HostToWebview[] = [];
    const listening = panel.onDidPost((m) => pushed.push(m));
    const result = ok(await panel.request('submit', {
      target: v3,
      submission: { parameters: { DesiredCount: '5', EnableAutoScaling: 'true' }, keepPrevious: ['ServiceName', 'ContainerImage', 'DbPassword'] },
    }));
    assert.equal(result.recordType, 'UPDATE_PROVISIONED_PRODUCT');
    // When the record ends, the open form hears that the product changed (its page says so); the tree's
    // view of the same record (under change, no outcome yet) may come first.
    const change = await waitFor('the form to hear the update ended', () =>
      pushed.find((m): m is Extract<HostToWebview, { type: 'productChanged' }> => m.type === 'productChanged' && m.change.recordId === result.recordId && !!m.change.status), 60_000);
    assert.equal(change.change.recordType, 'UPDATE_PROVISIONED_PRODUCT');
    listening.dispose();
    await waitFor('the tree to show the update', () => api.tree.findProduct(SEED.provisionedProducts.ordersService.id)?.row.Status !== 'AVAILABLE' || api.tree.findProduct(SEED.provisionedProducts.ordersService.id)?.row.ProvisioningArtifactId === v3.provisioningArtifactId);
  });

  it('previews changes as a plan, waits for it, and executes it', async () => {
    const node = await waitFor('web-marketing-site', () => api.tree.findProduct(SEED.provisionedProducts.webMarketingSite.id));
    const form = await openedPanel(api, 'update', () => vscode.commands.executeCommand('serviceCatalogExplorer.updateProvisionedProduct', node));
    const options = ok(await form.request('loadProduct', { productId: P.staticWebsite.id }));
    const target = { productId: P.staticWebsite.id, provisioningArtifactId: options.preselectedVersionId, pathId: options.preselectedPathId };
    ok(await form.request('loadParameters', target));
    const plansOpened = new Promise<FormPanel>((resolve) => { const s = api.forms.onDidOpen((p) => p.kind === 'plans' && (s.dispose(), resolve(p))); });
    const started = ok(await form.request('preview', { target, submission: { parameters: { Environment: 'staging' }, keepPrevious: ['BucketName'] } }));
    const plans = await plansOpened;
    const view = await waitFor('the plan to be ready', async () => {
      const v = ok<PlanView>(await plans.request('describePlan', { planId: started.planId }));
      return v.settled ? v : undefined;
    }, 30_000, 300);
    assert.equal(view.status, 'CREATE_SUCCESS');
    assert.ok(view.changes.length > 0);
    assert.ok(view.changes.every((c) => c.details.length > 0 && c.replaces === 'no'), JSON.stringify(view.changes));
    assert.equal(view.currentValuesNote, undefined, 'the stack was read through the session\'s CloudFormation client');
    const environment = view.parameters?.find((p) => p.key === 'Environment');
    assert.deepEqual([environment?.value, typeof environment?.currentValue], ['staging', 'string'], JSON.stringify(environment));
    const executed = ok(await plans.request('executePlan', { planId: started.planId }));
    assert.match(executed.recordId, /\S/);
  });

  it('lists the plans of a product and discards one', async () => {
    const node = await waitFor('dev-box-alice', () => api.tree.findProduct(SEED.provisionedProducts.devBoxAlice.id));
    const form = await openedPanel(api, 'update', () => vscode.commands.executeCommand('serviceCatalogExplorer.updateProvisionedProduct', node));
    const options = ok(await form.request('loadProduct', { productId: P.devInstance.id }));
    const target = { productId: P.devInstance.id, provisioningArtifactId: options.preselectedVersionId, pathId: options.preselectedPathId };
    const started = ok(await form.request('preview', { target, submission: { parameters: { InstanceType: 't3.small' }, keepPrevious: ['VolumeSizeGiB', 'KeyName'] } }));
    const panel = await openedPanel(api, 'plans', () => vscode.commands.executeCommand('serviceCatalogExplorer.showPlans', node));
    const plans = ok<{ planId: string; name: string }[]>(await panel.request('listPlans', {}));
    const plan = plans.find((p) => p.planId === started.planId);
    assert.ok(plan, 'the new plan is listed');
    // Cancel in the host's confirmation sends nothing; Discard Plan deletes it.
    const asked = answerConfirmations(api, () => undefined);
    assert.deepEqual(ok(await panel.request('deletePlan', { planId: started.planId })), { cancelled: true });
    assert.deepEqual(asked, [`Discard plan "${plan.name}" of "${node.row.Name}"?`]);
    assert.ok(ok<{ planId: string }[]>(await panel.request('listPlans', {})).some((p) => p.planId === started.planId), 'still there');
    answerConfirmations(api, (buttons) => buttons.find((b) => b === 'Discard Plan'));
    ok(await panel.request('deletePlan', { planId: started.planId }));
    const after = ok<{ planId: string }[]>(await panel.request('listPlans', {}));
    assert.ok(!after.some((p) => p.planId === started.planId));
  });

  it('runs a self-service action with its TARGET parameter', async () => {
    const node = await waitFor('dev-box-alice', () => api.tree.findProduct(SEED.provisionedProducts.devBoxAlice.id));
    const panel = await openedPanel(api, 'action', () => vscode.commands.executeCommand('serviceCatalogExplorer.runServiceAction', node));
    const open = api.forms.panels.length;
    await vscode.commands.executeCommand('serviceCatalogExplorer.runServiceAction', node);
    assert.equal(api.forms.panels.length, open, 'a second Run Action on the same product brings the open form forward');
    assert.ok(panel.panel.active || panel.panel.visible);
    const actions = ok<{ id: string }[]>(await panel.request('listActions', {}));
    const restart = actions.find((a) => a.id === SEED.serviceActions.restartInstance)!;
    const form = ok(await panel.request('describeAction', { actionId: restart.id }));
    const parameters = Object.fromEntries(form.parameters.map((p: { name: string; defaultValues: string[] }) => [p.name, p.defaultValues.join(',')]));
    const result = ok(await panel.request('runAction', { actionId: restart.id, parameters }));
    assert.match(result.recordId, /\S/);
  });
});
