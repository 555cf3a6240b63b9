// A caller whose policy grants Service Catalog but no CloudFormation action (the sandbox's
// noCloudFormation identity), in a real extension host against the embedded sandbox: following a
// record and opening a product's Resources and Events show one plain hint naming the actions needed,
// no error notifications, and the stack features stay off for the connection (nothing more is asked).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ProvisionProductCommand } from '@aws-sdk/client-service-catalog';
import type { ExtensionApi } from '../../src/extension';
import { connectionLabel, type SandboxCaller } from '../../src/core/connection';
import { STACK_READ_ACTIONS } from '../../src/core/stacks/stackAccess';
import type { ProductNode, TreeNode } from '../../src/products/nodes';
import { SEED } from '../../src/sandbox/service/seedCatalog';
import { connectedToSandbox, setSetting, waitFor } from './helpers';

const RECORD_TIMEOUT_MS = 90_000;

/** Switches the sandbox.identity setting and waits for the reconnection and its first list. */
async function connectAs(api: ExtensionApi, caller: SandboxCaller): Promise<void> {
  const previous = api.session.api;
  const value = caller === 'endUser' ? undefined : caller;
  const changed = vscode.workspace.getConfiguration('serviceCatalogExplorer').inspect('sandbox.identity')?.globalValue !== value;
  if (changed) await setSetting('sandbox.identity', value);
  const label = connectionLabel({ kind: 'sandbox', endpoint: '', region: '', accessKeyId: '', secretAccessKey: '', caller });
  await waitFor(`connected as ${label}`, () => {
    const state = api.session.state;
    return (!changed || api.session.api !== previous) && state.kind === 'connected' && api.session.label === label;
  });
  await waitFor('the tree to load', () => ['ready', 'empty', 'error'].includes(api.tree.viewState));
}

async function folder(api: ExtensionApi, product: ProductNode, label: string): Promise<TreeNode> {
  const children = await api.tree.getChildren(product);
  const found = children.find((c) => api.tree.getTreeItem(c).label === label);
  assert.ok(found, `${label} under ${product.row.Name}: ${children.map((c) => String(api.tree.getTreeItem(c).label)).join(', ')}`);
  return found;
}

const rows = async (api: ExtensionApi, node: TreeNode) => (await api.tree.getChildren(node)).map((c) => api.tree.getTreeItem(c));

describe('stack access without CloudFormation permissions', () => {
  afterEach(async () => {
    const api = await connectedToSandbox();
    api.setNotificationSink(undefined);
    await connectAs(api, 'endUser');
  });

  it('one hint names the cloudformation actions, no error storm, and the stack features stay off for the connection', async () => {
    const api = await connectedToSandbox();
    // A record of the end user still running when the identity changes: it is not followed with the new caller's keys.
    const own = `cfn-user-site-${Date.now().toString(36)}`;
    const endUsers = await api.session.api!.client.send(new ProvisionProductCommand({
      ProductId: SEED.products.staticWebsite.id, ProvisioningArtifactId: SEED.products.staticWebsite.versions.v11, PathId: SEED.portfolios.platform.pathId,
      ProvisionedProductName: own, ProvisioningParameters: [{ Key: 'BucketName', Value: `${own}-content` }], ProvisionToken: `tok-${own}`,
    }));
    await api.records.track(endUsers.RecordDetail!);
    const shown: { level: string; message: string }[] = [];
    api.setNotificationSink(async (level, message) => (shown.push({ level, message }), undefined));
    await connectAs(api, 'noCloudFormation');

    // A product of its own (the policy lets it launch), followed by the tracker as the extension follows every record.
    const name = `no-cfn-site-${Date.now().toString(36)}`;
    const started = await api.session.api!.client.send(new ProvisionProductCommand({
      ProductId: SEED.products.staticWebsite.id, ProvisioningArtifactId: SEED.products.staticWebsite.versions.v11, PathId: SEED.portfolios.platform.pathId,
      ProvisionedProductName: name, ProvisioningParameters: [{ Key: 'BucketName', Value: `${name}-content` }], ProvisionToken: `tok-${name}`,
    }));
    const handle = await api.records.track(started.RecordDetail!);
    const product = await waitFor(`${name} with its stack in the tree`, async () => {
      await api.tree.refresh();
      const node = api.tree.findProduct(name);
      return node?.row.PhysicalId ? node : undefined;
    });
    const stacks = api.session.stacks!;

    for (const label of ['Resources', 'Events']) {
      const items = await rows(api, await folder(api, product, label));
      assert.equal(items.length, 1, `${label}: ${items.map((i) => String(i.label)).join('; ')}`);
      assert.equal(items[0].label, 'CloudFormation details are off for this connection', label);
      for (const action of STACK_READ_ACTIONS) assert.ok(String(items[0].description).includes(action), `${label} names ${action}: ${String(items[0].description)}`);
    }
    assert.equal(stacks.readable, false, 'the refusal turned the stack features off');

    const final = await Promise.race([handle.final, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the record did not end')), RECORD_TIMEOUT_MS))]);
    assert.equal(final.Status, 'SUCCEEDED', 'Service Catalog works without CloudFormation permissions');
    const lines = api.recordLog.linesAbout(started.RecordDetail!.RecordId!);
    assert.ok(!lines.some((l) => l.includes(' stack event ')), `no stack events under the record: ${lines.join('\n')}`);

    // Asked again (a refresh, the folders opened once more): nothing more is sent to CloudFormation.
    const asked = stacks.calls.total;
    await api.tree.refresh();
    const again = await waitFor(`${name} listed again`, () => api.tree.findProduct(name));
    for (const label of ['Resources', 'Events']) assert.equal((await rows(api, await folder(api, again, label)))[0].label, 'CloudFormation details are off for this connection');
    assert.equal(stacks.calls.total, asked, 'no CloudFormation call once refused');

    const hints = shown.filter((n) => STACK_READ_ACTIONS.every((action) => n.message.includes(action)));
    assert.equal(hints.length, 1, `one hint: ${JSON.stringify(shown)}`);
    assert.equal(hints[0].level, 'warning');
    assert.deepEqual(shown.filter((n) => n.level === 'error'), [], 'no error notification');
    assert.ok(!shown.some((n) => /AccessDenied|not authorized/.test(n.message)), `the service's refusal is not shown raw: ${JSON.stringify(shown)}`);

    // Back as the end user, its record is followed again to its end (so nothing runs on into the next tests).
    await connectAs(api, 'endUser');
    const endUserRecord = endUsers.RecordDetail!.RecordId!;
    await waitFor('the end user\'s record to end in its log', () => api.recordLog.linesAbout(endUserRecord).some((l) => / · (\S+ → )?SUCCEEDED/.test(l)), RECORD_TIMEOUT_MS, 200);
    assert.deepEqual(shown.filter((n) => n.level === 'error'), [], 'no error notification');
  });
});
