// Problems of open spec files as diagnostics: checked on open, on change (debounced), when the catalog
// is refreshed or the connection changes; cleared on close. Without a live catalog, one Information
// diagnostic at the top says why, and the file's own syntax and shape problems are still shown.
import * as vscode from 'vscode';
import { isSpecFileName, type SpecProblem } from '../core/specs';
import { inert } from '../core/untrustedText';
import { log } from '../ui/log';
import type { SpecCatalog } from './specCatalog';
import type { SpecValidations } from './specValidations';

/** How long typing pauses before a file is checked again. */
export const SPEC_CHECK_DELAY_MS = 300;
/** Messages quote names from the service: at most this long. */
const MAX_MESSAGE_LENGTH = 1000;

export const SPEC_DIAGNOSTIC_SOURCE = 'Service Catalog';

export class SpecDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('serviceCatalogSpecs');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly validations: SpecValidations, catalog: SpecCatalog, private readonly delayMs = SPEC_CHECK_DELAY_MS) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => void this.check(document)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.clear(document)),
      catalog.onDidChange(() => this.checkAll()),
    );
    this.checkAll();
  }

  private checkAll(): void {
    this.validations.forget();
    for (const document of vscode.workspace.textDocuments) void this.check(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isSpecFileName(document.fileName)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.check(document);
    }, this.delayMs));
  }

  /** Checks the document now (a spec file's), and shows its problems unless it changed meanwhile. */
  async check(document: vscode.TextDocument): Promise<void> {
    if (!isSpecFileName(document.fileName) || document.isClosed) return;
    const version = document.version;
    const checked = await this.validations.check(document).catch((error: unknown) => {
      log().warn(`Checking ${document.fileName} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return undefined;
    });
    if (!checked || document.isClosed || document.version !== version) return;
    const diagnostics = checked.validation.problems.map((problem) => diagnosticOf(document, problem));
    if (checked.unavailable) {
      const top = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), checked.unavailable, vscode.DiagnosticSeverity.Information);
      top.source = SPEC_DIAGNOSTIC_SOURCE;
      diagnostics.unshift(top);
    }
    this.collection.set(document.uri, diagnostics);
  }

  private clear(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.validations.forget(document);
    this.collection.delete(document.uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.subscriptions.forEach((s) => void s.dispose());
    this.collection.dispose();
  }
}

export function diagnosticOf(document: vscode.TextDocument, problem: SpecProblem): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(problem.range.start), document.positionAt(problem.range.end));
  const diagnostic = new vscode.Diagnostic(range, inert(problem.message, 'line', { maxLength: MAX_MESSAGE_LENGTH }), severityOf(problem));
  diagnostic.source = SPEC_DIAGNOSTIC_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}

function severityOf(problem: SpecProblem): vscode.DiagnosticSeverity {
  return problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
}
