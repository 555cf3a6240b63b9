// The spec file commands as their CodeLenses run them, in the extension host against the sandbox:
// Preview changes creates a plan and changes nothing, Diff opens the file against the live state with
// NoEcho values masked on both sides, Apply All sends exactly the writes the file needs (once confirmed)
// and nothing on a re-run, Preview All plans only what would change. What was sent is read from the
// sandbox's own call counters and through a client of its own.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DeleteProvisionedProductPlanCommand, DescribeProvisionedProductCommand, DescribeProvisionedProductPlanCommand, DescribeRecordCommand,
  ScanProvisionedProductsCommand, ServiceCatalogClient, type ProvisionedProductDetail, type ProvisioningParameter, type Tag,
} from '@aws-sdk/client-service-catalog';
import type { ExtensionApi } from '../../src/extension';
import { SANDBOX_ADMIN } from '../../src/sandbox/identities';
import { SEED } from '../../src/sandbox/service/index';
import type { FileApplyResult } from '../../src/specs/specApplyCommands';
import type { PlanStarted } from '../../src/core/webview/protocol';
import type { NotificationLevel } from '../../src/ui/notifications';
import { answerConfirmations, closeAll, connectedToSandbox, provisionedDirectly, settled, waitFor } from './helpers';

const WEB = SEED.products.staticWebsite;
const CONTAINER = SEED.products.containerService;
const PLATFORM = SEED.portfolios.platform;
const RUN = Date.now().toString(36);
const named = (what: string) => `spec-${what}-${RUN}`;
/** Every call that changes a provisioned product or creates something. */
const WRITES = ['ProvisionProduct', 'UpdateProvisionedProduct', 'UpdateProvisionedProductProperties', 'TerminateProvisionedProduct', 'CreateProvisionedProductPlan', 'ExecuteProvisionedProductPlan'];

function specFile(fileName: string, text: string): vscode.Uri {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spec-commands-')), fileName);
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

/** The writes the sandbox answered or dropped so far, by operation. */
function writesSent(api: ExtensionApi): Record<string, number> {
  const { byOperation } = api.sandbox.stats();
  return Object.fromEntries(WRITES.map((op) => [op, byOperation[op] ?? 0]));
}

function writesSince(api: ExtensionApi, before: Record<string, number>): Record<string, number> {
  const now = writesSent(api);
  return Object.fromEntries(WRITES.flatMap((op) => (now[op] !== before[op] ? [[op, now[op] - before[op]]] : [])));
}

/** A provisioned product of our own on the Platform path, provisioned outside the extension and settled. */
function provisioned(api: ExtensionApi, name: string, productId: string, versionId: string, parameters: ProvisioningParameter[], tags: Tag[] = []): Promise<string> {
  return provisionedDirectly(api, {
    ProductId: productId, ProvisioningArtifactId: versionId, PathId: PLATFORM.pathId, ProvisionedProductName: name,
    ProvisioningParameters: parameters, Tags: tags, ProvisionToken: `tok-${name}`,
  });
}

/** Every provisioned product of the account, every page, as the sandbox's administrator reads them (a client of its own). */
async function scannedProducts(api: ExtensionApi): Promise<ProvisionedProductDetail[]> {
  const connection = api.session.api!.connection;
  if (connection.kind !== 'sandbox') return assert.fail('on the sandbox');
  const admin = new ServiceCatalogClient({ endpoint: connection.endpoint, region: connection.region, credentials: SANDBOX_ADMIN, maxAttempts: 1 });
  try {
    const all: ProvisionedProductDetail[] = [];
    let token: string | undefined;
    do {
      const page = await admin.send(new ScanProvisionedProductsCommand({ AccessLevelFilter: { Key: 'Account', Value: 'self' }, PageSize: 20, ...(token ? { PageToken: token } : {}) }));
      all.push(...(page.ProvisionedProducts ?? []));
      token = page.NextPageToken;
    } while (token);
    return all;
  } finally {
    admin.destroy();
  }
}

async function described(api: ExtensionApi, id: string) {
  return (await api.session.api!.client.send(new DescribeProvisionedProductCommand({ Id: id }))).ProvisionedProductDetail!;
}

/** The lens titled `title` (over the product `name`, when given) of the file. */
async function lens(uri: vscode.Uri, title: string, name?: string): Promise<vscode.Command> {
  const document = await vscode.workspace.openTextDocument(uri);
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 20);
  const found = lenses.find((l) => l.command?.title === title && (name === undefined || l.command.arguments?.[1] === name));
  assert.ok(found?.command, `a "${title}" lens${name ? ` over ${name}` : ''} in ${JSON.stringify(lenses.map((l) => [l.command?.title, l.command?.arguments?.[1]]))}`);
  return found.command;
}

async function run<T>(command: vscode.Command): Promise<T> {
  return vscode.commands.executeCommand<T>(command.command, ...(command.arguments ?? []));
}

/** Keeps what the commands notify; dispose puts VS Code's notifications back. */
function notifications(api: ExtensionApi): { shown: { level: NotificationLevel; message: string }[]; dispose(): void } {
  const shown: { level: NotificationLevel; message: string }[] = [];
  api.setNotificationSink(async (level, message) => {
    shown.push({ level, message });
    return undefined;
  });
  return { shown, dispose: () => api.setNotificationSink(undefined) };
}

describe('spec file commands', function () {
  this.timeout(300_000);
  let api: ExtensionApi;
  let shown: ReturnType<typeof notifications>;

  before(async () => {
    api = await connectedToSandbox();
  });
  beforeEach(() => {
    shown = notifications(api);
  });
  afterEach(async () => {
    shown.dispose();
    api.setUserInput(undefined);
    await closeAll(api);
  });

  it('Preview changes creates a plan with the file\'s version and values, opens it, and leaves the provisioned product as it was', async () => {
    const name = named('preview');
    const id = await provisioned(api, name, WEB.id, WEB.versions.v11, [{ Key: 'BucketName', Value: `${name}.example.com` }, { Key: 'Environment', Value: 'dev' }]);
    const before = await described(api, id);
    const uri = specFile('preview.servicecatalog.yaml', `provisionedProducts:\n  - name: ${name}\n    product: Static Website\n    version: v2.0\n    parameters:\n      BucketName: ${name}.example.com\n      Environment: prod\n`);
    const plansOpened = new Promise<string>((resolve) => {
      const sub = api.forms.onDidOpen((panel) => panel.kind === 'plans' && (sub.dispose(), resolve(panel.kind)));
    });
    const sentBefore = writesSent(api);

    const started = await run<PlanStarted>(await lens(uri, 'Preview changes', name));

    assert.ok(started?.planId, `a plan was created (notified: ${JSON.stringify(shown.shown)})`);
    assert.equal(await plansOpened, 'plans', 'the plans panel opened');
    assert.deepEqual(writesSince(api, sentBefore), { CreateProvisionedProductPlan: 1 }, 'one plan, nothing else sent');
    const plan = (await api.session.api!.client.send(new DescribeProvisionedProductPlanCommand({ PlanId: started.planId }))).ProvisionedProductPlanDetails!;
    assert.equal(plan.ProvisionProductId, id);
    assert.equal(plan.ProvisioningArtifactId, WEB.versions.v20, 'the file\'s version');
    const values = Object.fromEntries((plan.ProvisioningParameters ?? []).map((p) => [p.Key, p.UsePreviousValue ? '(previous)' : p.Value]));
    assert.equal(values.Environment, 'prod', JSON.stringify(values));
    assert.ok(values.BucketName === `${name}.example.com` || values.BucketName === '(previous)', JSON.stringify(values));
    const after = await described(api, id);
    assert.equal(after.ProvisioningArtifactId, WEB.versions.v11, 'still the version it ran');
    assert.equal(after.LastRecordId, before.LastRecordId, 'no record started on the product');
    await api.session.api!.client.send(new DeleteProvisionedProductPlanCommand({ PlanId: started.planId }));
  });

  it('Diff opens the live state against the file: version, values in use, tags, NoEcho masked on both sides', async () => {
    const name = named('diff');
    const liveSecret = `LiveSecret${RUN}`;
    const fileSecret = `FileSecret${RUN}`;
    const id = await provisioned(api, name, CONTAINER.id, CONTAINER.versions.v2, [
      { Key: 'ServiceName', Value: name }, { Key: 'DesiredCount', Value: '2' }, { Key: 'DbPassword', Value: liveSecret },
    ], [{ Key: 'CostCenter', Value: 'cc-1001' }, { Key: 'Environment', Value: 'dev' }, { Key: 'Team', Value: 'orders' }]);
    process.env.SCE_SPEC_DIFF_PASSWORD = fileSecret;
    const uri = specFile('diff.servicecatalog.yaml', [
      'provisionedProducts:', `  - name: ${name}`, '    product: Container Service', '    version: v3', '    launchPath: Platform Engineering',
      '    parameters:', `      ServiceName: ${name}`, '      DesiredCount: 4', '      DbPassword: ${env:SCE_SPEC_DIFF_PASSWORD}', '    tags:', '      CostCenter: cc-1001', '      Environment: dev', '      Team: payments', '',
    ].join('\n'));
    const sentBefore = writesSent(api);
    try {
      const sides = await run<{ live: vscode.Uri; file: vscode.Uri }>(await lens(uri, 'Diff', name));
      assert.ok(sides?.live && sides.file, `the diff's documents (notified: ${JSON.stringify(shown.shown)})`);
      const tab = await waitFor('the diff editor', () => {
        const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
        return input instanceof vscode.TabInputTextDiff ? input : undefined;
      });
      assert.equal(tab.original.toString(), sides.live.toString(), 'the live side on the left');
      assert.equal(tab.modified.toString(), sides.file.toString(), 'the file on the right');
      const live = (await vscode.workspace.openTextDocument(sides.live)).getText();
      const file = (await vscode.workspace.openTextDocument(sides.file)).getText();
      assert.match(live, /^version: v2$/m);
      assert.match(file, /^version: v3$/m);
      assert.match(live, /^ {2}DesiredCount: 2$/m, 'the stack\'s value in use');
      assert.match(file, /^ {2}DesiredCount: 4$/m);
      assert.match(live, new RegExp(`^ {2}ServiceName: ${name}$`, 'm'));
      assert.match(file, new RegExp(`^ {2}ServiceName: ${name}$`, 'm'));
      assert.match(live, /^ {2}ContainerImage: public\.ecr\.aws\/nginx\/nginx:latest$/m, 'a value the file leaves out shows as in use');
      assert.match(file, /^ {2}ContainerImage: public\.ecr\.aws\/nginx\/nginx:latest$/m, 'and the same on the file side');
      assert.match(live, /^ {2}EnableAutoScaling: \(not in the version in use\)$/m, 'v3 adds it');
      assert.match(file, /^ {2}EnableAutoScaling: false \(default\)$/m);
      assert.match(live, /^ {2}Team: orders$/m);
      assert.match(file, /^ {2}Team: payments$/m);
      for (const [side, text] of [['live', live], ['file', file]]) {
        assert.match(text, /^ {2}DbPassword: \*{4}$/m, `NoEcho masked on the ${side} side`);
        assert.ok(!text.includes(liveSecret) && !text.includes(fileSecret) && !text.includes('SCE_SPEC_DIFF_PASSWORD'), `no secret on the ${side} side:\n${text}`);
      }
      assert.deepEqual(writesSince(api, sentBefore), {}, 'a diff sends nothing');
      assert.equal((await described(api, id)).ProvisioningArtifactId, CONTAINER.versions.v2);
    } finally {
      delete process.env.SCE_SPEC_DIFF_PASSWORD;
    }
  });

  it('Apply All asks once, provisions the new product, updates the changed one, leaves the matching one, and a re-run sends nothing; Preview All plans only what changed', async () => {
    const changed = named('all-changed');
    const same = named('all-same');
    const fresh = named('all-new');
    const bucket = (n: string) => `${n}.example.com`;
    const changedId = await provisioned(api, changed, WEB.id, WEB.versions.v20, [{ Key: 'BucketName', Value: bucket(changed) }, { Key: 'Environment', Value: 'dev' }], [{ Key: 'CostCenter', Value: 'cc-1001' }, { Key: 'Environment', Value: 'dev' }]);
    const sameId = await provisioned(api, same, WEB.id, WEB.versions.v20, [{ Key: 'BucketName', Value: bucket(same) }, { Key: 'Environment', Value: 'staging' }], [{ Key: 'CostCenter', Value: 'cc-2002' }, { Key: 'Environment', Value: 'staging' }]);
    /** A website of the file: its Environment parameter, and its tags (the TagOptions CostCenter and Environment). */
    const product = (n: string, environment: string, costCenter: string, stage: string) =>
      `  - name: ${n}\n    product: Static Website\n    version: v2.0\n    parameters:\n      BucketName: ${bucket(n)}\n      Environment: ${environment}\n    tags:\n      CostCenter: ${costCenter}\n      Environment: ${stage}\n`;
    const text = (sameEnvironment: string) => `provisionedProducts:\n${product(changed, 'prod', 'cc-1001', 'dev')}${product(same, sameEnvironment, 'cc-2002', 'staging')}${product(fresh, 'dev', 'cc-3003', 'dev')}`;
    const uri = specFile('fleet.servicecatalog.yaml', text('staging'));
    const changedBefore = await described(api, changedId);
    const sameBefore = await described(api, sameId);
    const asked = answerConfirmations(api, (buttons) => buttons[0]);
    let sent = writesSent(api);

    const result = await run<FileApplyResult>(await lens(uri, 'Apply All'));

    assert.ok(result, `Apply All returned (notified: ${JSON.stringify(shown.shown)})`);
    assert.deepEqual(result.failures, []);
    assert.equal(asked.length, 1, 'one confirmation for the whole file');
    assert.match(asked[0], /1 to provision, 1 to update/);
    assert.deepEqual(writesSince(api, sent), { ProvisionProduct: 1, UpdateProvisionedProduct: 1 });
    const outcomes = Object.fromEntries(result.outcomes.map((o) => [o.name, o.kind === 'started' ? o.operation : o.kind]));
    assert.deepEqual(outcomes, { [changed]: 'update', [same]: 'unchanged', [fresh]: 'provision' });
    const summary = shown.shown.at(-1);
    assert.equal(summary?.level, 'info');
    assert.match(summary.message, new RegExp(`Provisioning ${fresh} started`));
    assert.match(summary.message, new RegExp(`Updating ${changed} started`));
    assert.match(summary.message, /1 unchanged/);

    // Seen through a client of our own: one product of the new name, an update record on the changed one, nothing on the matching one.
    const client = api.session.api!.client;
    const scanned = await waitFor('the new product to be listed', async () => {
      const found = (await scannedProducts(api)).filter((p) => p.Name === fresh);
      return found.length ? found : undefined;
    });
    assert.equal(scanned.length, 1, 'one provisioned product of the new name');
    await Promise.all([settled(api, scanned[0].Id!), settled(api, changedId)]);
    const changedAfter = await described(api, changedId);
    assert.notEqual(changedAfter.LastRecordId, changedBefore.LastRecordId);
    const record = (await client.send(new DescribeRecordCommand({ Id: changedAfter.LastRecordId! }))).RecordDetail!;
    assert.equal(record.RecordType, 'UPDATE_PROVISIONED_PRODUCT');
    assert.equal(record.Status, 'SUCCEEDED');
    assert.equal((await described(api, sameId)).LastRecordId, sameBefore.LastRecordId, 'the matching product was not touched');

    // Again: everything matches now; no question, no write.
    sent = writesSent(api);
    shown.shown.length = 0;
    const again = await run<FileApplyResult>(await lens(uri, 'Apply All'));
    assert.deepEqual(again.outcomes.map((o) => o.kind), ['unchanged', 'unchanged', 'unchanged'], JSON.stringify(again));
    assert.equal(asked.length, 1, 'no confirmation when nothing changes');
    assert.deepEqual(writesSince(api, sent), {}, 'a re-run sends nothing');
    assert.match(shown.shown.at(-1)?.message ?? '', /All 3 provisioned products of fleet\.servicecatalog\.yaml match the file; nothing was sent/);

    // Preview All once the file changes one product (edited in its editor): one plan, for that product.
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text('prod'));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await document.save();
    sent = writesSent(api);
    const plans = await run<PlanStarted[]>(await lens(uri, 'Preview All'));
    try {
      assert.equal(plans?.length, 1, `one plan (notified: ${JSON.stringify(shown.shown)})`);
      assert.deepEqual(writesSince(api, sent), { CreateProvisionedProductPlan: 1 });
      const plan = (await client.send(new DescribeProvisionedProductPlanCommand({ PlanId: plans[0].planId }))).ProvisionedProductPlanDetails!;
      assert.equal(plan.ProvisionProductId, sameId);
      assert.match(shown.shown.at(-1)?.message ?? '', /1 plan created, 2 unchanged/);
    } finally {
      for (const plan of plans ?? []) await client.send(new DeleteProvisionedProductPlanCommand({ PlanId: plan.planId }));
    }
  });
});
