// The update, plans and self-service action forms against what really happens to their product in the
// sandbox: changes made elsewhere (a plan, another client), finished operations, a changed launch
// role, a restored panel. Driven through each panel's message path, as the page drives it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  DescribeProvisionedProductCommand, ServiceCatalogClient, UpdateProvisionedProductCommand, UpdateProvisionedProductPropertiesCommand,
} from '@aws-sdk/client-service-catalog';
import type { ParameterField, ProvisioningSubmission } from '../../src/core/parameters';
import type {
  FormTarget, HostToWebview, LoadedForm, PanelInit, PanelKind, PlanRow, PlanView, ProductChange, ProductOptions, ResponseMessage,
} from '../../src/core/webview/protocol';
import type { ExtensionApi } from '../../src/extension';
import { SEED } from '../../src/sandbox/service/index';
import { SANDBOX_ADMIN } from '../../src/sandbox/identities';
import type { FormPanel } from '../../src/ui/webview/formPanel';
import { VIEW_TYPES } from '../../src/ui/webview/viewTypes';
import { answerConfirmations, closeAll, connectedToSandbox, provisionedDirectly, settled, waitFor } from './helpers';

const P = SEED.products;
const WEB = P.staticWebsite;
const OPERATION_TIMEOUT_MS = 90_000;
let serial = 0;
const unique = (what: string) => `stale-${what}-${Date.now().toString(36)}-${serial++}`;

function ok<T>(response: ResponseMessage): T {
  if (!response.ok) assert.fail(`request failed: ${response.error.message} ${JSON.stringify(response.error.fieldErrors ?? {})}`);
  return response.result as T;
}

async function openedPanel(api: ExtensionApi, kind: PanelKind, command: string, arg: unknown): Promise<FormPanel> {
  const opened = new Promise<FormPanel>((resolve) => {
    const sub = api.forms.onDidOpen((panel) => panel.kind === kind && (sub.dispose(), resolve(panel)));
  });
  await vscode.commands.executeCommand(command, arg);
  const panel = await opened;
  panel.panel.reveal(undefined, false);
  await panel.initialized; // its page was introduced: what the view sees from now on is news to it
  return panel;
}

/** A website of our own (v1.1), provisioned outside the forms and followed until AVAILABLE in the tree. */
function availableWebsite(api: ExtensionApi, name: string): Promise<string> {
  return provisionedDirectly(api, {
    ProductId: WEB.id, ProvisioningArtifactId: WEB.versions.v11, PathId: SEED.portfolios.platform.pathId, ProvisionedProductName: name,
    ProvisioningParameters: [{ Key: 'BucketName', Value: `${name}-content` }], ProvisionToken: `tok-${name}`,
  });
}

/**
 * The value in use, read back from the outputs (the website echoes its BucketName): an end user's are
 * those of the last successful provisioning record, read from the product's detail now.
 */
async function bucketOutput(api: ExtensionApi, id: string): Promise<string | undefined> {
  const catalog = api.session.api!;
  const { outputs } = await catalog.outputsOf(await catalog.describeProvisionedProduct(id));
  return outputs.find((o) => o.OutputKey === 'BucketName')?.OutputValue;
}

/** The update form's current target and its parameters, as the page loads them. */
async function loadCurrent(panel: FormPanel, productId: string): Promise<{ target: FormTarget; loaded: LoadedForm; options: ProductOptions }> {
  const options = ok<ProductOptions>(await panel.request('loadProduct', { productId }));
  const target = { productId, provisioningArtifactId: options.preselectedVersionId!, ...(options.preselectedPathId ? { pathId: options.preselectedPathId } : {}) };
  return { target, loaded: ok<LoadedForm>(await panel.request('loadParameters', target)), options };
}

/** What the page sends when Update is pressed without touching a field (media/shared/parameterFields). */
function untouchedSubmission(fields: readonly ParameterField[]): ProvisioningSubmission {
  const kept = fields.filter((f) => f.canKeepPrevious && f.keepPreviousByDefault);
  const given = fields.filter((f) => !kept.includes(f));
  const initial = (f: ParameterField) => f.previousValue ?? (f.kind === 'select' ? f.defaultValue ?? '' : '');
  return { parameters: Object.fromEntries(given.map((f) => [f.key, initial(f)])), keepPrevious: kept.map((f) => f.key) };
}

function pushesOf(panel: FormPanel): { changes: ProductChange[]; dispose(): void } {
  const changes: ProductChange[] = [];
  const sub = panel.onDidPost((m: HostToWebview) => m.type === 'productChanged' && changes.push(m.change));
  return { changes, dispose: () => sub.dispose() };
}

describe('stale forms', function () {
  this.timeout(300_000);
  let api: ExtensionApi;
  before(async () => {
    api = await connectedToSandbox();
    answerConfirmations(api, ([yes]) => yes); // Execute and Discard plan ask first
  });
  after(() => api.setUserInput(undefined));
  afterEach(() => closeAll(api));

  it('shows as current only what the service gives (the stack\'s values, not what this editor sent), and an untouched Update keeps what a plan set', async () => {
    const id = await availableWebsite(api, unique('values'));
    const node = () => api.tree.findProduct(id);
    const name = node()!.row.Name!;

    // 1. This editor sends a value (it is remembered as "last sent").
    const first = await openedPanel(api, 'update', 'serviceCatalogExplorer.updateProvisionedProduct', node());
    const before = await loadCurrent(first, WEB.id);
    const sent = ok<{ recordId: string }>(await first.request('submit', {
      target: before.target, submission: { parameters: { BucketName: `${name}-sent` }, keepPrevious: before.loaded.form.fields.filter((f) => f.key !== 'BucketName').map((f) => f.key) },
    }));
    assert.match(sent.recordId, /\S/);
    await settled(api, id);
    assert.equal(await bucketOutput(api, id), `${name}-sent`);
    await closeAll(api);

    // 2. A plan changes it afterwards (the editor's memory does not see this).
    const planner = await openedPanel(api, 'update', 'serviceCatalogExplorer.updateProvisionedProduct', node());
    const planTarget = (await loadCurrent(planner, WEB.id)).target;
    const plansOpened = new Promise<FormPanel>((resolve) => { const s = api.forms.onDidOpen((p) => p.kind === 'plans' && (s.dispose(), resolve(p))); });
    const started = ok<{ planId: string }>(await planner.request('preview', { target: planTarget, submission: { parameters: { BucketName: `${name}-plan` }, keepPrevious: ['Environment'] } }));
    const plans = await plansOpened;
    await waitFor('the plan to be ready', async () => ok<PlanView>(await plans.request('describePlan', { planId: started.planId })).status === 'CREATE_SUCCESS', 60_000, 300);
    ok(await plans.request('executePlan', { planId: started.planId }));
    await settled(api, id);
    assert.equal(await bucketOutput(api, id), `${name}-plan`);
    await closeAll(api);

    // 3. A new update form: the value in use is the stack's (DescribeStacks: the plan's), never the one this editor last sent, which is only offered.
    const form = await openedPanel(api, 'update', 'serviceCatalogExplorer.updateProvisionedProduct', node());
    const { target, loaded } = await loadCurrent(form, WEB.id);
    const bucket = loaded.form.fields.find((f) => f.key === 'BucketName')!;
    assert.equal(bucket.previousValue, `${name}-plan`, 'the value the stack runs with is shown as the value in use, not what this editor sent');
    assert.equal(bucket.lastSent?.value, `${name}-sent`, 'offered as the value last sent from here');
    assert.ok(Math.abs(Date.parse(bucket.lastSent.sentAt) - Date.now()) < 10 * 60_000);
    for (const field of loaded.form.fields.filter((f) => f.canKeepPrevious)) {
      assert.ok(field.previousValue !== undefined || field.keepPreviousByDefault, `${field.key} starts with the stack's value or keeps its value`);
    }

    // 4. Update pressed with nothing touched: every parameter keeps its value, the plan's stays.
    const submission = untouchedSubmission(loaded.form.fields);
    assert.equal(submission.parameters.BucketName ?? (submission.keepPrevious?.includes('BucketName') ? `${name}-plan` : undefined), `${name}-plan`, 'nothing but the value in use is sent');
    ok(await form.request('submit', { target, submission }));
    await settled(api, id);
    assert.equal(await bucketOutput(api, id), `${name}-plan`, 'the update sent UsePreviousValue, not the remembered value');
  });

  it('tells every open form of a product what changed elsewhere, refuses what its state forbids, and reloads from the service', async () => {
    const id = await availableWebsite(api, unique('tree'));
    const node = () => api.tree.findProduct(id);
    const update = await openedPanel(api, 'update', 'serviceCatalogExplorer.updateProvisionedProduct', node());
    const action = await openedPanel(api, 'action', 'serviceCatalogExplorer.runServiceAction', node());
    const plans = await openedPanel(api, 'plans', 'serviceCatalogExplorer.showPlans', node());
    const { target } = await loadCurrent(update, WEB.id);
    assert.equal(target.provisioningArtifactId, WEB.versions.v11);
    const heard = [update, action, plans].map(pushesOf);

    // Another client moves the product to v2.0: no record this window follows; only the tree can see it.
    const out = await api.session.api!.client.send(new UpdateProvisionedProductCommand({
      ProvisionedProductId: id, ProductId: WEB.id, ProvisioningArtifactId: WEB.versions.v20, PathId: SEED.portfolios.platform.pathId,
      ProvisioningParameters: [{ Key: 'BucketName', UsePreviousValue: true }, { Key: 'Environment', UsePreviousValue: true }], UpdateToken: `tok-${id}-v20`,
    }));
    await api.tree.refresh();
    await waitFor('every form to hear the product is under change', () => heard.every((h) => h.changes.some((c) => c.productStatus === 'UNDER_CHANGE')));
    const refused = await update.request('submit', { target, submission: { parameters: {}, keepPrevious: ['BucketName', 'Environment'] } });
    assert.ok(!refused.ok && refused.error.code === 'ProductBusy', 'no update is sent while the product is under change');
    const actions = ok<{ id: string }[]>(await action.request('listActions', {}));
    const form = ok<{ actionId: string; parameters: { name: string; defaultValues: string[] }[] }>(await action.request('describeAction', { actionId: actions[0].id }));
    const run = await action.request('runAction', { actionId: form.actionId, parameters: Object.fromEntries(form.parameters.map((p) => [p.name, p.defaultValues.join(',')])) });
    assert.ok(!run.ok && run.error.code === 'ProductBusy', 'no action runs while the product is under change');
    const execute = await plans.request('executePlan', { planId: 'plan-anyone0001' });
    assert.ok(!execute.ok && execute.error.code === 'ProductBusy', 'no plan is executed while the product is under change');

    await waitFor('the product to settle on v2.0', async () => {
      await api.tree.refresh();
      const row = node()?.row;
      return row?.Status === 'AVAILABLE' && row.ProvisioningArtifactId === WEB.versions.v20 && row.LastRecordId === out.RecordDetail!.RecordId;
    }, OPERATION_TIMEOUT_MS, 500);
    await waitFor('every form to hear the new version', () => heard.every((h) => h.changes.some((c) => c.version?.id === WEB.versions.v20 && c.productStatus === 'AVAILABLE')));
    for (const h of heard) h.dispose();

    // Reload rebuilds each form from the service.
    const reloaded = ok<PanelInit>(await update.request('reload', {}));
    assert.ok(reloaded.kind === 'update');
    assert.equal(reloaded.current.provisioningArtifactId, WEB.versions.v20);
    assert.equal(reloaded.provisionedProduct.provisioningArtifactName, 'v2.0');
    assert.equal((await loadCurrent(update, WEB.id)).options.preselectedVersionId, WEB.versions.v20);
    const actionInit = ok<PanelInit>(await action.request('reload', {}));
    assert.ok(actionInit.kind === 'action' && actionInit.provisionedProduct.provisioningArtifactId === WEB.versions.v20);
    assert.equal(ok<PanelInit>(await plans.request('reload', {})).kind, 'plans');
  });

  it('tells the form that started an operation its outcome, and a provision result follows its record to the end', async () => {
    const id = await availableWebsite(api, unique('own'));
    const update = await openedPanel(api, 'update', 'serviceCatalogExplorer.updateProvisionedProduct', api.tree.findProduct(id));
    const heard = pushesOf(update);
    const { target, loaded } = await loadCurrent(update, WEB.id);
    const sent = ok<{ recordId: string }>(await update.request('submit', { target, submission: untouchedSubmission(loaded.form.fields) }));
    await waitFor('the update form to hear its own update end', () => heard.changes.some((c) => c.recordId === sent.recordId && c.status === 'SUCCEEDED'), OPERATION_TIMEOUT_MS, 300);
    const own = heard.changes.filter((c) => c.recordId === sent.recordId);
    assert.ok(own.length > 0 && own.every((c) => c.startedHere), `its own record, marked as such: ${JSON.stringify(heard.changes)}`);
    heard.dispose();

    const provision = await openedPanel(api, 'provision', 'serviceCatalogExplorer.provisionProduct', undefined);
    const result = pushesOf(provision);
    const options = ok<ProductOptions>(await provision.request('loadProduct', { productId: WEB.id }));
    const provTarget = { productId: WEB.id, provisioningArtifactId: options.preselectedVersionId!, ...(options.preselectedPathId ? { pathId: options.preselectedPathId } : {}) };
    ok(await provision.request('loadParameters', provTarget));
    const name = unique('prov');
    const started = ok<{ recordId: string }>(await provision.request('submit', {
      target: provTarget, submission: { provisionedProductName: name, parameters: { BucketName: `${name}-b`, Environment: 'dev' }, tags: [{ key: 'CostCenter', value: 'cc-2002' }, { key: 'Environment', value: 'dev' }] },
    }));
    await waitFor('the provision result to hear its record end', () => result.changes.some((c) => c.recordId === started.recordId && c.startedHere && c.status === 'SUCCEEDED'), OPERATION_TIMEOUT_MS, 300);
    result.dispose();
  });

  it('a plans view just opened from Preview changes says nothing changed: its page was loaded with the state the tree then shows', async () => {
    const id = await availableWebsite(api, unique('fresh'));
    const form = await openedPanel(api, 'update', 'serviceCatalogExplorer.updateProvisionedProduct', api.tree.findProduct(id));
    const { target } = await loadCurrent(form, WEB.id);
    const posted: HostToWebview[] = [];
    const plansOpened = new Promise<FormPanel>((resolve) => {
      const s = api.forms.onDidOpen((p) => {
        if (p.kind !== 'plans') return;
        s.dispose();
        p.onDidPost((m) => posted.push(m));
        resolve(p);
      });
    });
    const started = ok<{ planId: string }>(await form.request('preview', { target, submission: { parameters: { Environment: 'staging' }, keepPrevious: ['BucketName'] } }));
    const plans = await plansOpened;
    plans.panel.reveal(undefined, false);
    await plans.initialized;
    await waitFor('the plan to be ready', async () => ok<PlanView>(await plans.request('describePlan', { planId: started.planId })).status === 'CREATE_SUCCESS', 60_000, 300);
    for (let i = 0; i < 3; i++) await api.tree.refresh();
    const told = posted.filter((m) => m.type === 'init' || m.type === 'productChanged');
    const initAt = told.findIndex((m) => m.type === 'init');
    const init = told[initAt];
    assert.ok(init?.type === 'init' && init.init.kind === 'plans', JSON.stringify(told));
    assert.equal(initAt, 0, `nothing told before the page was introduced: ${JSON.stringify(told)}`);
    const loadedWith = init.init.provisionedProduct.status;
    // What follows the init can only be news: the plan made (PLAN_IN_PROGRESS → AVAILABLE), never the status it was loaded with.
    for (const m of told.slice(1)) assert.ok(m.type === 'productChanged' && m.change.productStatus !== loadedWith, `no change to the ${loadedWith} it was loaded with: ${JSON.stringify(told)}`);
  });

  it('offers nothing on an executed plan, and names its version and parameters', async () => {
    const id = await availableWebsite(api, unique('plan'));
    const node = () => api.tree.findProduct(id);
    const form = await openedPanel(api, 'update', 'serviceCatalogExplorer.updateProvisionedProduct', node());
    const { target } = await loadCurrent(form, WEB.id);
    const plansOpened = new Promise<FormPanel>((resolve) => { const s = api.forms.onDidOpen((p) => p.kind === 'plans' && (s.dispose(), resolve(p))); });
    const v20 = { ...target, provisioningArtifactId: WEB.versions.v20 };
    ok(await form.request('loadParameters', v20));
    const started = ok<{ planId: string }>(await form.request('preview', { target: v20, submission: { parameters: { Environment: 'staging' }, keepPrevious: ['BucketName'] } }));
    const plans = await plansOpened;
    const ready = await waitFor('the plan to be ready', async () => {
      const v = ok<PlanView>(await plans.request('describePlan', { planId: started.planId }));
      return v.status === 'CREATE_SUCCESS' ? v : undefined;
    }, 60_000, 300);
    assert.deepEqual(ready.version, { id: WEB.versions.v20, name: 'v2.0' }, 'the version by its name');
    assert.deepEqual(ready.currentVersion, { id: WEB.versions.v11, name: 'v1.1' });
    const parameters = Object.fromEntries((ready.parameters ?? []).map((p) => [p.key, p]));
    assert.equal(parameters.Environment.value, 'staging');
    assert.equal(parameters.BucketName.usePreviousValue, true);
    assert.equal(parameters.BucketName.value, undefined, 'a kept value is not claimed');
    assert.equal(ready.executable && ready.discardable, true);
    const rows = ok<PlanRow[]>(await plans.request('listPlans', {}));
    assert.equal(rows.find((r) => r.planId === started.planId)?.versionName, 'v2.0');

    const heard = pushesOf(plans);
    ok(await plans.request('executePlan', { planId: started.planId }));
    await settled(api, id);
    await waitFor('the plans panel to hear the execution ended', () => heard.changes.some((c) => c.status === 'SUCCEEDED'), OPERATION_TIMEOUT_MS);
    heard.dispose();
    const executed = await waitFor('the plan to be executed', async () => {
      const v = ok<PlanView>(await plans.request('describePlan', { planId: started.planId }));
      return v.status === 'EXECUTE_SUCCESS' ? v : undefined;
    }, 30_000, 300);
    assert.equal(executed.executable, false);
    assert.equal(executed.discardable, false, 'no Discard on an executed plan');
    assert.deepEqual(executed.currentVersion, { id: WEB.versions.v20, name: 'v2.0' }, 'the product runs the plan\'s version now');
  });

  it('shows the provisioned product\'s own launch role after Change Launch Role, the constraint\'s apart', async () => {
    const id = await availableWebsite(api, unique('role'));
    const newRole = SEED.launchRoles.restricted;
    // Changing a launch role is an administrator's call (the end user's policy does not grant it): the admin makes it.
    const connection = api.session.api!.connection;
    if (connection.kind !== 'sandbox') return assert.fail('on the sandbox');
    const admin = new ServiceCatalogClient({ endpoint: connection.endpoint, region: connection.region, credentials: SANDBOX_ADMIN, maxAttempts: 1 });
    try {
      await admin.send(new UpdateProvisionedProductPropertiesCommand({
        ProvisionedProductId: id, ProvisionedProductProperties: { LAUNCH_ROLE: newRole }, IdempotencyToken: `tok-${id}-role`,
      }));
    } finally {
      admin.destroy();
    }
    await settled(api, id);
    const form = await openedPanel(api, 'update', 'serviceCatalogExplorer.updateProvisionedProduct', api.tree.findProduct(id));
    const init = await form.controller.init();
    assert.ok(init.kind === 'update');
    assert.equal(init.launchRoleArn, newRole, 'the product\'s launch role');
    const { loaded } = await loadCurrent(form, WEB.id);
    assert.equal(loaded.form.launchRoleArn, SEED.launchRoles.platform, 'the path\'s LAUNCH constraint, shown apart');
  });

  it('names the product and version of a form restored after a reload, not their ids', async () => {
    const pp = SEED.provisionedProducts.webMarketingSite;
    const panel = vscode.window.createWebviewPanel(VIEW_TYPES.update, `Update ${pp.name}`, vscode.ViewColumn.Active, { enableScripts: true });
    const restored = new Promise<FormPanel>((resolve) => { const s = api.forms.onDidOpen((p) => (s.dispose(), resolve(p))); });
    // Saved while the product was under change: the page's word, not the host's.
    const saved = { kind: 'update', connection: 'Sandbox', provisionedProduct: { id: pp.id, name: pp.name, status: 'UNDER_CHANGE' } };
    api.forms.restore('update', panel, { init: saved, product: { status: 'UNDER_CHANGE' }, change: { recordId: 'rec-old', productStatus: 'UNDER_CHANGE' } });
    const form = await restored;
    const init = await form.controller.init();
    assert.ok(init.kind === 'update');
    const read = await api.session.api!.client.send(new DescribeProvisionedProductCommand({ Id: pp.id }));
    assert.equal(init.provisionedProduct.status, read.ProvisionedProductDetail?.Status, 'the status the host read, whatever the page saved');
    assert.equal(init.provisionedProduct.productName, WEB.name);
    assert.match(init.provisionedProduct.provisioningArtifactName ?? '', /^v\d/);
    const options = ok<ProductOptions>(await form.request('loadProduct', { productId: WEB.id }));
    assert.equal(options.productName, WEB.name, 'the version section says the product\'s name');
  });
});
