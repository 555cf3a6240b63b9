// CodeLens over each provisioned product of a spec file: its live status (the tree's product cache, by
// name), then Preview changes (unless it exists as a type without plans, e.g. Terraform), Apply and
// Diff (when it exists); over the file, Apply All and Preview All. Lenses come from the parse and the
// tree's cache alone, so they show at once.
import * as vscode from 'vscode';
import { plansSupported } from '../core/products/capabilities';
import { parseSpec } from '../core/specs';
import { humanizeStatus } from '../core/statuses';
import { inert } from '../core/untrustedText';
import type { KnownProducts } from '../products/productCache';
import type { ProductNode } from '../products/nodes';
import { COMMANDS } from '../ui/commandIds';

export class SpecCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly products: Pick<KnownProducts<ProductNode>, 'find'>) {}

  /** The tree's products or the catalog changed: statuses may read otherwise. */
  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const parsed = parseSpec(document.getText());
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses = parsed.products.length
      ? [
          new vscode.CodeLens(top, { title: 'Apply All', command: COMMANDS.applySpecFile, arguments: [document.uri] }),
          new vscode.CodeLens(top, { title: 'Preview All', command: COMMANDS.previewSpecFile, arguments: [document.uri] }),
        ]
      : [];
    for (const spec of parsed.products) {
      const name = spec.name?.value;
      if (!name) continue;
      const range = document.lineAt(document.positionAt(spec.range.start).line).range;
      const row = this.products.find(name)?.row;
      const args = [document.uri, name];
      lenses.push(
        new vscode.CodeLens(range, { title: row ? inert(humanizeStatus(row.Status), 'label') : 'not provisioned', command: COMMANDS.focus, tooltip: 'Show the provisioned products view' }),
        // A product not provisioned yet: its type is the catalog's, and the command says when it has no plans.
        ...(!row || plansSupported(row.Type) ? [new vscode.CodeLens(range, { title: 'Preview changes', command: COMMANDS.previewSpecProduct, arguments: args })] : []),
        new vscode.CodeLens(range, { title: 'Apply', command: COMMANDS.applySpecProduct, arguments: args }),
        ...(row ? [new vscode.CodeLens(range, { title: 'Diff', command: COMMANDS.diffSpecProduct, arguments: args })] : []),
      );
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
