// "Save as Spec File" from the tree, in the extension host against the sandbox: the file holds the
// provisioned products as they run (their version, path, values in use and user tags), a NoEcho value
// never reaches it, and applying the saved file at once sends nothing, as the file matches what runs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { SEED } from '../../src/sandbox/service/index';
import type { FileApplyResult } from '../../src/specs/specApplyCommands';
import { COMMANDS } from '../../src/ui/commandIds';
import type { NotificationLevel } from '../../src/ui/notifications';
import type { UserInput } from '../../src/ui/userInput';
import { closeAll, connectedToSandbox, provisionedDirectly, waitFor } from './helpers';

const CONTAINER = SEED.products.containerService;
const WEB = SEED.products.staticWebsite;
const PLATFORM = SEED.portfolios.platform;
const RUN = Date.now().toString(36);
const named = (what: string) => `save-${what}-${RUN}`;
const WRITES = ['ProvisionProduct', 'UpdateProvisionedProduct', 'UpdateProvisionedProductProperties', 'CreateProvisionedProductPlan'];

function writesSent(api: ExtensionApi): number {
  const { byOperation } = api.sandbox.stats();
  return WRITES.reduce((sum, op) => sum + (byOperation[op] ?? 0), 0);
}

/** Answers the save dialog with `file`, keeping the dialogs' options; any other prompt fails the test. */
function savingTo(api: ExtensionApi, file: string, pickMany?: UserInput['pickMany']): vscode.SaveDialogOptions[] {
  const asked: vscode.SaveDialogOptions[] = [];
  const unexpected = (): never => { throw new Error('unexpected prompt'); };
  const input: UserInput = {
    pickOne: async () => unexpected(),
    pickMany: pickMany ?? (async () => unexpected()),
    inputText: async () => unexpected(),
    confirm: async () => unexpected(),
    saveFile: async (options) => (asked.push(options), vscode.Uri.file(file)),
  };
  api.setUserInput(input);
  return asked;
}

describe('Save as Spec File', function () {
  this.timeout(300_000);
  let api: ExtensionApi;
  let folder: string;
  const shown: { level: NotificationLevel; message: string }[] = [];

  before(async () => {
    api = await connectedToSandbox();
  });
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-save-'));
    shown.length = 0;
    api.setNotificationSink(async (level, message) => (shown.push({ level, message }), undefined));
  });
  afterEach(async () => {
    api.setNotificationSink(undefined);
    api.setUserInput(undefined);
    await closeAll(api);
  });

  it('writes two products as they run (NoEcho as a reference, user tags only), opens the file, and applying it sends nothing', async () => {
    const secret = `Secret${RUN}x`;
    const service = named('orders');
    const site = named('site');
    const serviceId = await provisionedDirectly(api, {
      ProductId: CONTAINER.id, ProvisioningArtifactId: CONTAINER.versions.v2, PathId: PLATFORM.pathId, ProvisionedProductName: service,
      ProvisioningParameters: [{ Key: 'ServiceName', Value: service }, { Key: 'DesiredCount', Value: '3' }, { Key: 'DbPassword', Value: secret }],
      Tags: [{ Key: 'CostCenter', Value: 'cc-1001' }, { Key: 'Environment', Value: 'dev' }, { Key: 'Team', Value: 'orders' }], ProvisionToken: `tok-${service}`,
    });
    const siteId = await provisionedDirectly(api, {
      ProductId: WEB.id, ProvisioningArtifactId: WEB.versions.v20, PathId: PLATFORM.pathId, ProvisionedProductName: site,
      ProvisioningParameters: [{ Key: 'BucketName', Value: `${site}.example.com` }, { Key: 'Environment', Value: 'staging' }],
      Tags: [{ Key: 'CostCenter', Value: 'cc-2002' }, { Key: 'Environment', Value: 'staging' }], ProvisionToken: `tok-${site}`,
    });
    const file = path.join(folder, 'fleet.servicecatalog.yaml');
    const asked = savingTo(api, file);
    const nodes = [serviceId, siteId].map((id) => api.tree.findProduct(id)!);
    assert.ok(nodes.every(Boolean), 'both products are in the tree');
    const before = writesSent(api);

    // As the tree's context menu runs it on a multi-selection: the clicked node, then the selection.
    await vscode.commands.executeCommand(COMMANDS.saveAsSpecFile, nodes[0], nodes);

    assert.deepEqual(shown.filter((n) => n.level === 'error'), []);
    assert.equal(asked.length, 1, 'one save dialog');
    assert.equal(asked[0].title, 'Save 2 Provisioned Products as Spec File');
    assert.equal(path.basename(asked[0].defaultUri!.path), 'provisioned-products.servicecatalog.yaml');
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(!text.includes(secret), 'the NoEcho value is not in the file');
    assert.ok(!/\baws:/.test(text), `no system tags:\n${text}`);
    assert.match(text, new RegExp(`- name: ${service}\\n\\s+product: Container Service\\n\\s+version: v2\\n\\s+launchPath: Platform Engineering`));
    assert.match(text, /^ +DesiredCount: "3"$/m, 'the value in use, as a string');
    assert.match(text, /^ +DbPassword: \$\{env:DBPASSWORD\}$/m);
    assert.match(text, /# DbPassword is NoEcho/);
    assert.match(text, /^ +Team: orders$/m);
    assert.match(text, new RegExp(`- name: ${site}\\n\\s+product: Static Website\\n\\s+version: v2\\.0`));
    await waitFor('the saved file in an editor', () => vscode.window.activeTextEditor?.document.uri.fsPath === file);
    assert.equal(writesSent(api), before, 'saving sends nothing');

    // The file matches what runs: Apply All has nothing to do (no question asked, nothing sent, no variable needed).
    const result = await vscode.commands.executeCommand<FileApplyResult>(COMMANDS.applySpecFile, vscode.Uri.file(file));
    assert.ok(result, `Apply All returned (notified: ${JSON.stringify(shown)})`);
    assert.deepEqual(result.failures, []);
    assert.deepEqual(result.outcomes.map((o) => [o.name, o.kind]), [[service, 'unchanged'], [site, 'unchanged']]);
    assert.equal(writesSent(api), before, 'applying the saved file sends nothing');
  });

  it('refuses a file name that is not a spec file\'s, and writes nothing', async () => {
    const site = named('plain');
    const siteId = await provisionedDirectly(api, {
      ProductId: WEB.id, ProvisioningArtifactId: WEB.versions.v20, PathId: PLATFORM.pathId, ProvisionedProductName: site,
      ProvisioningParameters: [{ Key: 'BucketName', Value: `${site}.example.com` }, { Key: 'Environment', Value: 'dev' }],
      Tags: [{ Key: 'CostCenter', Value: 'cc-1001' }, { Key: 'Environment', Value: 'dev' }], ProvisionToken: `tok-${site}`,
    });
    const file = path.join(folder, 'site.yaml');
    const asked = savingTo(api, file);
    await vscode.commands.executeCommand(COMMANDS.saveAsSpecFile, api.tree.findProduct(siteId));
    assert.equal(asked[0].title, `Save ${site} as Spec File`);
    assert.equal(path.basename(asked[0].defaultUri!.path), `${site}.servicecatalog.yaml`);
    assert.ok(!fs.existsSync(file), 'nothing written');
    const error = shown.find((n) => n.level === 'error');
    assert.match(error?.message ?? '', /site\.yaml is not a spec file name: spec files end in \.servicecatalog\.yaml/);

    // In capitals the file would get no CodeLens or spec menus: refused too.
    const capitals = path.join(folder, 'Site.ServiceCatalog.YAML');
    shown.length = 0;
    savingTo(api, capitals);
    await vscode.commands.executeCommand(COMMANDS.saveAsSpecFile, api.tree.findProduct(siteId));
    assert.ok(!fs.existsSync(capitals), 'nothing written');
    assert.match(shown.find((n) => n.level === 'error')?.message ?? '', /Site\.ServiceCatalog\.YAML is not a spec file name/);
  });

  it('run from the palette with nothing ticked in the pick, asks nothing more and writes nothing', async () => {
    let offered = 0;
    const asked = savingTo(api, path.join(folder, 'none.servicecatalog.yaml'), async (items) => ((offered = items.length), []));
    await vscode.commands.executeCommand(COMMANDS.saveAsSpecFile);
    assert.ok(offered > 0, 'the products were offered');
    assert.deepEqual(asked, [], 'no save dialog');
    assert.deepEqual(shown.filter((n) => n.level === 'error'), []);
    assert.deepEqual(fs.readdirSync(folder), []);
  });
});
