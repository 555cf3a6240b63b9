// The built extension in a real extension host has what package.json promises: it activates from
// its entry point, every contributed command is registered, the view container and its view exist
// in the workbench and the view opens from its container, and the status bar item names a
// connection and runs a registered command. (test/unit/contributions.test.ts holds the manifest and
// the source together with a fake vscode; this checks the bundle in VS Code itself.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi, waitFor } from './helpers';

interface Manifest {
  main: string;
  contributes: {
    commands: { command: string; title: string }[];
    viewsContainers: { activitybar: { id: string; title: string }[] };
    views: Record<string, { id: string; name: string }[]>;
  };
}

function manifest(): Manifest {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in this extension host`);
  return ext.packageJSON as Manifest;
}

describe('smoke', () => {
  it('activates from its built entry point and hands out its API', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.ok(fs.existsSync(path.join(ext.extensionPath, manifest().main)), `${manifest().main} is built`);
    const api = await extensionApi();
    assert.equal(ext.isActive, true);
    for (const part of ['session', 'sandbox', 'tree', 'treeView', 'statusBar', 'records'] as const) {
      assert.ok(api[part], `the API has ${part}`);
    }
  });

  it('registers every command package.json contributes', async () => {
    await extensionApi();
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = manifest().contributes.commands.map((c) => c.command);
    assert.ok(contributed.length > 20, `contributes.commands lists ${contributed.length} commands`);
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'contributed but not registered (a menu entry or palette item that does nothing)');
  });

  it('contributes its activity-bar container and view, which opens from the container; the status bar names the connection', async () => {
    const api = await extensionApi();
    const { viewsContainers, views } = manifest().contributes;
    const container = viewsContainers.activitybar.find((c) => c.title === 'Service Catalog');
    assert.ok(container, 'a "Service Catalog" activity-bar container');
    const containerViews = views[container.id] ?? [];
    // Named as its container, so the side bar's title reads "SERVICE CATALOG" once, not "SERVICE CATALOG: PROVISIONED PRODUCTS".
    assert.deepEqual(containerViews.map((v) => v.name), ['Service Catalog']);
    const registered = new Set(await vscode.commands.getCommands(true));
    // The workbench registers these for each container and view it actually has.
    const openContainer = `workbench.view.extension.${container.id}`;
    const focusView = `${containerViews[0].id}.focus`;
    assert.ok(registered.has(openContainer), `${openContainer} registered: the container exists in the workbench`);
    assert.ok(registered.has(focusView), `${focusView} registered: the view exists in the workbench`);

    const wasVisible = api.treeView.visible;
    try {
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await waitFor('the view to be hidden', () => !api.treeView.visible, 10_000);
      await vscode.commands.executeCommand(openContainer);
      await waitFor('the view to be visible after opening its container', () => api.treeView.visible, 10_000);
      // Whatever the connection, the view is in a state the tree or a welcome view answers for.
      assert.ok(['signedOut', 'loading', 'ready', 'empty', 'error'].includes(api.tree.viewState), `view state ${api.tree.viewState}`);
      // The status bar names a connection (or says there is none), and a click runs a registered command.
      assert.match(api.statusBar.item.text, /^\$\((cloud|warning|sync~spin)\) \S/);
      const onClick = api.statusBar.item.command;
      assert.ok(typeof onClick === 'string' && registered.has(onClick), `status bar command ${String(onClick)} is registered`);
    } finally {
      // Later suites count calls that auto-refresh makes while the view is visible: leave it as it was.
      if (!wasVisible) await vscode.commands.executeCommand('workbench.action.closeSidebar');
    }
  });
});
