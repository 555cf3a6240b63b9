// A spec document checked against the catalog: parsed at once, then validated against the snapshot the
// catalog adapter reads. Kept per document version, so diagnostics, completions and hovers share one read.
import type * as vscode from 'vscode';
import { parseSpec, validateSpec, type CatalogSnapshot, type ParsedSpec, type SpecValidation } from '../core/specs';
import { CatalogUnavailable, type SpecCatalog } from './specCatalog';

export interface CheckedSpec {
  readonly text: string;
  readonly parsed: ParsedSpec;
  readonly validation: SpecValidation;
  /** Absent when live checks are off; `unavailable` says why. */
  readonly snapshot?: CatalogSnapshot;
  readonly unavailable?: string;
}

export class SpecValidations {
  private readonly checked = new Map<string, { readonly version: number; readonly result: Promise<CheckedSpec> }>();

  constructor(private readonly catalog: SpecCatalog) {}

  /** The document's check at its current version (computed once per version). */
  check(document: vscode.TextDocument): Promise<CheckedSpec> {
    const key = document.uri.toString();
    const known = this.checked.get(key);
    if (known?.version === document.version) return known.result;
    const result = this.checkText(document.getText());
    this.checked.set(key, { version: document.version, result });
    return result;
  }

  async checkText(text: string): Promise<CheckedSpec> {
    const parsed = parseSpec(text);
    try {
      const snapshot = await this.catalog.snapshotFor(parsed);
      return { text, parsed, snapshot, validation: validateSpec(parsed, snapshot) };
    } catch (error) {
      if (!(error instanceof CatalogUnavailable)) throw error;
      return { text, parsed, unavailable: error.message, validation: { problems: parsed.problems, products: [], pending: [] } };
    }
  }

  /** Forget every check (the catalog changed) or one document's (closed). */
  forget(document?: vscode.TextDocument): void {
    if (document) this.checked.delete(document.uri.toString());
    else this.checked.clear();
  }
}
