// Runs first (file order): the extension starts signed out, then connects to the embedded sandbox.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { connectedToSandbox, extensionApi, waitFor } from './helpers';

describe('connection', () => {
  it('activates quickly and starts signed out when no AWS connection is configured', async function () {
    if (process.env.AWS_ACCESS_KEY_ID || process.env.AWS_PROFILE) this.skip();
    const api = await extensionApi();
    await waitFor('the session to settle', () => api.session.state.kind !== 'connecting');
    assert.equal(api.session.state.kind, 'signedOut');
    assert.equal(api.tree.viewState, 'signedOut');
    assert.deepEqual(await api.tree.getChildren(), [], 'no items, so the welcome view with "Try the sandbox" shows');
    assert.match(api.statusBar.item.text, /Not connected/);
  });

  it('"Try the sandbox" starts the embedded sandbox and lists its products', async () => {
    await vscode.commands.executeCommand('serviceCatalogExplorer.useSandbox');
    const api = await connectedToSandbox();
    const state = api.session.state;
    assert.equal(state.kind, 'connected');
    assert.ok(state.kind === 'connected' && state.connection.kind === 'sandbox');
    assert.ok(state.kind === 'connected' && /^http:\/\/127\.0\.0\.1:\d+$/.test((state.connection as { endpoint: string }).endpoint));
    assert.equal(api.statusBar.item.text, '$(cloud) Sandbox');
    assert.equal(api.statusBar.item.command, 'serviceCatalogExplorer.switchConnection');
    assert.ok(api.tree.productNodes.length > 0, 'the seeded products are listed');
    assert.equal(vscode.workspace.getConfiguration('serviceCatalogExplorer').get('backend'), 'sandbox', 'the choice is remembered');
  });

  /** Runs Switch Connection, picking the Sandbox entry; returns every entry offered. */
  async function switchToSandbox(api: Awaited<ReturnType<typeof extensionApi>>): Promise<vscode.QuickPickItem[]> {
    let offered: vscode.QuickPickItem[] = [];
    api.setUserInput({
      pickOne: async (items) => {
        offered = [...items];
        return items.find((i) => i.label.includes('Sandbox'))!;
      },
      pickMany: async () => [],
      inputText: async () => '',
      confirm: async () => '',
    });
    try {
      await vscode.commands.executeCommand('serviceCatalogExplorer.switchConnection');
    } finally {
      api.setUserInput(undefined);
    }
    return offered;
  }

  it('switching connection offers the sandbox and the profiles, through the prompt interface', async () => {
    const api = await extensionApi();
    const offered = await switchToSandbox(api);
    assert.ok(offered.some((i) => i.label.includes('Sandbox')), `offered: ${offered.map((i) => i.label).join(', ')}`);
    assert.equal(api.session.state.kind, 'connected');
    // Asked again, the picker marks where it is connected now.
    const again = await switchToSandbox(api);
    assert.equal(again.find((i) => i.label.includes('Sandbox'))?.detail, 'Current connection');
  });
});
