// The two sides of a spec Diff (the file's intent, the live state) as read-only virtual documents, for
// `vscode.diff`. Their text never holds a NoEcho value (both sides mask them: core/specs/specDiff).
import * as vscode from 'vscode';

export const SPEC_DIFF_SCHEME = 'servicecatalog-spec-diff';

/** At most this many diffs are kept; an older one's documents read as empty. */
const KEPT = 20;

export class SpecDiffDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private count = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Two documents named after the product, a fresh pair per diff (an open diff editor keeps its own). */
  put(name: string, live: string, file: string): { live: vscode.Uri; file: vscode.Uri } {
    const id = ++this.count;
    const uri = (side: string) => vscode.Uri.from({ scheme: SPEC_DIFF_SCHEME, path: `/${side}/${encodeURIComponent(name)}.yaml`, query: String(id) });
    const pair = { live: uri('live'), file: uri('file') };
    this.texts.set(pair.live.toString(), live);
    this.texts.set(pair.file.toString(), file);
    for (const key of [...this.texts.keys()].slice(0, Math.max(0, this.texts.size - 2 * KEPT))) this.texts.delete(key);
    return pair;
  }

  dispose(): void {
    this.changed.dispose();
    this.texts.clear();
  }
}
