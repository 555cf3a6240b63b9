// Spec files against the embedded sandbox's seeded catalog: diagnostics from the catalog and the
// forms' own checks, completions of names, versions, keys and allowed values, and parameter hovers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { connectedToSandbox, waitFor } from './helpers';

const SPEC = `provisionedProducts:
  - name: site-typo
    product: Static Websit
    version: v2.0
  - name: site-old
    product: Static Website
    version: v1.0
    parameters:
      Environment: dev
  - name: site-new
    product: Static Website
    version: v2.0
    parameters:
      BucketName: Bad_Name
      Environment: dev
`;

describe('spec files', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await connectedToSandbox();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sce-specs-'));
    const file = path.join(dir, 'sites.servicecatalog.yaml');
    fs.writeFileSync(file, SPEC);
    document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(document);
  });

  const at = (needle: string, inside = 0) => document.positionAt(SPEC.indexOf(needle) + inside);
  const nth = (needle: string, n: number) => {
    let offset = -1;
    for (let i = 0; i <= n; i++) offset = SPEC.indexOf(needle, offset + 1);
    return offset;
  };
  const line = (offset: number) => document.positionAt(offset).line;
  const diagnostics = async () => {
    try {
      return await waitFor('spec diagnostics', () => {
        const found = vscode.languages.getDiagnostics(document.uri);
        return found.some((d) => d.message.includes('is required')) ? found : undefined;
      });
    } catch (error) {
      const shown = vscode.languages.getDiagnostics(document.uri).map((d) => d.message);
      throw new Error(`${String(error)}; diagnostics of ${document.fileName} (${document.languageId}): ${JSON.stringify(shown)}`);
    }
  };
  const completionLabels = async (position: vscode.Position) => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
  };

  it('reports an unknown product with the closest name, a deprecated version as a warning, a missing required parameter and the template\'s constraint', async () => {
    const found = await diagnostics();
    const unknown = found.find((d) => d.range.start.line === at('Static Websit').line);
    assert.ok(unknown, 'a diagnostic on the misspelt product');
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
    assert.match(unknown.message, /Static Websit".*Static Website/);

    const deprecated = found.find((d) => d.range.start.line === line(nth('version:', 1)));
    assert.ok(deprecated, 'a diagnostic on v1.0');
    assert.equal(deprecated.severity, vscode.DiagnosticSeverity.Warning);

    assert.ok(found.some((d) => d.severity === vscode.DiagnosticSeverity.Error && /BucketName/.test(d.message)
      && d.range.start.line >= at('site-old').line && d.range.start.line < at('site-new').line), 'the missing BucketName of site-old');

    const constraint = found.find((d) => d.range.start.line === at('Bad_Name').line);
    assert.ok(constraint, 'a diagnostic on the bad bucket name');
    assert.match(constraint.message, /must be 3-63 lowercase letters/);
  });

  it('completes product names, the named product\'s versions, parameter keys and allowed values', async () => {
    await diagnostics();
    assert.ok((await completionLabels(at('Static Websit', 3))).includes('Static Website'));
    const versions = await completionLabels(document.positionAt(nth('v1.0', 0) + 1));
    for (const version of ['v1.0', 'v1.1', 'v2.0']) assert.ok(versions.includes(version), `version ${version} in ${versions.join(', ')}`);
    const keys = await completionLabels(document.positionAt(nth('Environment', 0) + 2));
    assert.ok(keys.includes('BucketName'), `BucketName in ${keys.join(', ')}`);
    const values = await completionLabels(document.positionAt(nth('dev', 0) + 1));
    for (const value of ['staging', 'prod']) assert.ok(values.includes(value), `${value} in ${values.join(', ')}`);
  });

  it('shows a parameter\'s description and constraints on hover', async () => {
    await diagnostics();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at('BucketName', 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Globally unique S3 bucket name/);
    assert.match(text, /must be 3\\?-63 lowercase/);
  });
});
