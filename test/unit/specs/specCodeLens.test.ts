// The spec file's CodeLenses: the file's Apply All and Preview All, and over each provisioned product
// its status, then Preview changes only where a plan can exist, Apply, and Diff once it exists.
import * as assert from 'node:assert/strict';
import '../../support/fakeVscode'; // first: the code below requires 'vscode'
import type * as vscode from 'vscode';
import type { ProductNode } from '../../../src/products/nodes';
import { SpecCodeLensProvider } from '../../../src/specs/specCodeLens';
import { COMMANDS } from '../../../src/ui/commandIds';

const TEXT = [
  'provisionedProducts:',
  '  - name: site', '    product: Static Website', '    version: v2.0',
  '  - name: logs', '    product: S3 Bucket (Terraform)', '    version: v1.1',
  '  - name: fresh', '    product: Static Website', '    version: v2.0',
  '',
].join('\n');

/** Enough of a TextDocument for the provider: its text, lines and offsets. */
function documentOf(text: string): vscode.TextDocument {
  const lines = text.split('\n');
  const positionAt = (offset: number) => ({ line: text.slice(0, offset).split('\n').length - 1 });
  const lineAt = (line: number) => ({ range: { line, length: lines[line].length } });
  return { uri: { toString: () => 'file:///specs/fleet.servicecatalog.yaml' }, getText: () => text, positionAt, lineAt } as unknown as vscode.TextDocument;
}

const rows: Record<string, Partial<ProductNode['row']>> = {
  site: { Id: 'pp-site', Name: 'site', Status: 'AVAILABLE', Type: 'CFN_STACK' },
  logs: { Id: 'pp-logs', Name: 'logs', Status: 'AVAILABLE', Type: 'TERRAFORM_OPEN_SOURCE' },
};

describe('SpecCodeLensProvider', () => {
  const lenses = new SpecCodeLensProvider({ find: (name) => (Object.hasOwn(rows, name) ? ({ row: rows[name] } as ProductNode) : undefined) })
    .provideCodeLenses(documentOf(TEXT));
  /** The commands over the product `name` (its arguments name it), status lens apart. */
  const over = (name: string) => lenses.filter((l) => l.command?.arguments?.[1] === name).map((l) => l.command!.command);

  it('puts Apply All and Preview All over the file', () => {
    assert.deepEqual(lenses.filter((l) => l.command?.arguments?.length === 1).map((l) => l.command!.title), ['Apply All', 'Preview All']);
  });

  it('offers Preview changes for a CloudFormation product, and Diff once it exists', () => {
    assert.deepEqual(over('site'), [COMMANDS.previewSpecProduct, COMMANDS.applySpecProduct, COMMANDS.diffSpecProduct]);
    assert.deepEqual(over('fresh'), [COMMANDS.previewSpecProduct, COMMANDS.applySpecProduct]);
  });

  it('offers no Preview changes for a provisioned product that cannot have plans (Terraform)', () => {
    assert.deepEqual(over('logs'), [COMMANDS.applySpecProduct, COMMANDS.diffSpecProduct]);
  });
});
