// Registers the spec files' diagnostics, completions and hovers for YAML and JSON documents named like
// spec files. Nothing is parsed until a spec file is opened.
import * as vscode from 'vscode';
import { SPEC_FILE_GLOB } from '../core/specs';
import { SpecCompletionProvider, SpecHoverProvider } from './specAssistProviders';
import { SpecDiagnostics } from './specDiagnostics';
import type { SpecCatalog } from './specCatalog';
import { SpecValidations } from './specValidations';

export const SPEC_SELECTOR: vscode.DocumentSelector = ['yaml', 'json'].map((language) => ({ language, pattern: SPEC_FILE_GLOB }));

/** Completion trigger characters: after `key: ` and at a new list item or key. */
const TRIGGERS = [':', ' ', '"'];

export function registerSpecLanguage(catalog: SpecCatalog): vscode.Disposable[] {
  const validations = new SpecValidations(catalog);
  return [
    catalog,
    new SpecDiagnostics(validations, catalog),
    vscode.languages.registerCompletionItemProvider(SPEC_SELECTOR, new SpecCompletionProvider(validations), ...TRIGGERS),
    vscode.languages.registerHoverProvider(SPEC_SELECTOR, new SpecHoverProvider(validations)),
  ];
}
