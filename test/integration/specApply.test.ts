// Spec files applied in the extension host against the sandbox: an apply creates exactly one
// provisioned product even under throttling and dropped connections, and a re-apply sends nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ApplyOutcome } from '../../src/specs/specApply';
import { COMMANDS } from '../../src/ui/commandIds';
import { answerConfirmations, connectedToSandbox, waitFor } from './helpers';

const NAME = `spec-site-${Date.now().toString(36)}`;
const TEXT = `provisionedProducts:\n  - name: ${NAME}\n    product: Static Website\n    version: v2.0\n    parameters:\n      BucketName: ${NAME}.example.com\n    tags:\n      CostCenter: cc-1001\n      Environment: dev\n`;

describe('spec apply', function () {
  this.timeout(240_000);
  let uri: vscode.Uri;

  before(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-apply-'));
    const file = path.join(dir, 'site.servicecatalog.yaml');
    fs.writeFileSync(file, TEXT);
    uri = vscode.Uri.file(file);
  });

  it('offers status, Preview changes and Apply lenses over a product not provisioned yet', async () => {
    await connectedToSandbox();
    const document = await vscode.workspace.openTextDocument(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
    const titles = lenses.map((l) => l.command?.title);
    for (const title of ['Apply All', 'Preview All', 'not provisioned', 'Preview changes', 'Apply']) assert.ok(titles.includes(title), JSON.stringify(titles));
  });

  it('applies under 30% throttling and dropped connections, creating exactly one provisioned product; a re-apply sends nothing', async () => {
    const api = await connectedToSandbox();
    const asked = answerConfirmations(api, (buttons) => buttons[0]);
    try {
      api.sandbox.setKnobs({ throttleRate: 0.3, dropAfterWriteRate: 0.5, seed: 7 });
      const outcome = await vscode.commands.executeCommand<ApplyOutcome>(COMMANDS.applySpecProduct, uri, NAME);
      api.sandbox.setKnobs({ throttleRate: 0, dropAfterWriteRate: 0 });
      assert.equal(outcome?.kind, 'started', JSON.stringify(outcome));
      assert.equal(asked.length, 1);
      const named = await waitFor('the product to be listed', async () => {
        await api.tree.refresh();
        const found = api.tree.productNodes.filter((n) => n.row.Name === NAME);
        return found.length && found.every((n) => n.row.Status === 'AVAILABLE') ? found : undefined;
      }, 180_000, 1000);
      assert.equal(named.length, 1, 'one provisioned product of that name');
      const again = await vscode.commands.executeCommand<ApplyOutcome>(COMMANDS.applySpecProduct, uri, NAME);
      assert.deepEqual(again, { kind: 'unchanged', name: NAME });
      assert.equal(asked.length, 1, 'no confirmation for a no-op');
    } finally {
      api.sandbox.setKnobs({ throttleRate: 0, dropAfterWriteRate: 0 });
      api.setUserInput(undefined);
    }
  });
});
