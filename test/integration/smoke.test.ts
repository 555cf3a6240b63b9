// Smoke test in the real extension host: the extension under development is there, activates,
// and the VS Code API answers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'service-catalog-explorer.service-catalog-explorer';

describe('smoke', () => {
  it('the extension under development is installed', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} not found`);
  });

  it('activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('the VS Code API works', async () => {
    assert.match(vscode.version, /^1\.\d+\./);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('workbench.action.closeAllEditors'), 'built-in commands are registered');
    const doc = await vscode.workspace.openTextDocument({ content: 'hello', language: 'plaintext' });
    await vscode.window.showTextDocument(doc);
    assert.equal(vscode.window.activeTextEditor?.document.getText(), 'hello');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
