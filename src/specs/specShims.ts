// What activation registers of spec files: a CodeLens, completion and hover provider and the spec
// commands that hand each call to the spec bundle (dist/specs.js, required on first use), and a watch
// that requires it as soon as a spec file is open, so its diagnostics show. Nothing here parses YAML.
import * as vscode from 'vscode';
import { isSpecFileName, SPEC_FILE_GLOB, SPEC_LANGUAGES } from '../core/specs/specFileNames';
import { registerCommand, type CommandServices } from '../ui/commandErrors';
import { COMMANDS } from '../ui/commandIds';
import type { ProductToSave } from '../core/specs/specToSave';
import type { SpecFeatures } from './specsBundle';

export const SPEC_COMMAND_IDS = [
  COMMANDS.applySpecProduct, COMMANDS.previewSpecProduct, COMMANDS.diffSpecProduct, COMMANDS.applySpecFile, COMMANDS.previewSpecFile,
  COMMANDS.saveAsSpecFile,
] as const;
export type SpecCommandId = (typeof SPEC_COMMAND_IDS)[number];

const SPEC_SELECTOR: vscode.DocumentSelector = SPEC_LANGUAGES.map((language) => ({ language, pattern: SPEC_FILE_GLOB }));
/** Completion trigger characters: after `key: ` and at a new list item or key. */
const TRIGGERS = [':', ' ', '"'];

export interface SpecShims {
  readonly disposables: vscode.Disposable[];
  /** A provision form's Save as Spec File (the forms' ControllerDeps.saveSpec), handed to the bundle. */
  saveFormProduct(product: ProductToSave): Promise<string | undefined>;
}

/** `load` makes the spec features from their bundle; it is called once, on first need. */
export function registerSpecShims(load: () => SpecFeatures, services: CommandServices): SpecShims {
  let features: SpecFeatures | undefined;
  const lensesChanged = new vscode.EventEmitter<void>();
  const owned: vscode.Disposable[] = [lensesChanged];
  const specs = (): SpecFeatures => {
    if (features) return features;
    features = load();
    owned.push(features);
    if (features.lenses.onDidChangeCodeLenses) owned.push(features.lenses.onDidChangeCodeLenses(() => lensesChanged.fire()));
    openWatch.dispose();
    return features;
  };
  const whenSpecFile = (document: vscode.TextDocument) => {
    if (!features && isSpecFileName(document.fileName)) specs();
  };
  const openWatch = vscode.workspace.onDidOpenTextDocument(whenSpecFile);
  // Files the window restored are open before activation: looked at once activation has returned.
  const restored = setImmediate(() => vscode.workspace.textDocuments.forEach(whenSpecFile));
  const disposables = [
    { dispose: () => { clearImmediate(restored); openWatch.dispose(); owned.forEach((d) => void d.dispose()); } },
    vscode.languages.registerCodeLensProvider({ pattern: SPEC_FILE_GLOB }, {
      onDidChangeCodeLenses: lensesChanged.event,
      provideCodeLenses: (document, token) => specs().lenses.provideCodeLenses(document, token),
    }),
    vscode.languages.registerCompletionItemProvider(SPEC_SELECTOR, {
      provideCompletionItems: (document, position, token, context) => specs().completions.provideCompletionItems(document, position, token, context),
    }, ...TRIGGERS),
    vscode.languages.registerHoverProvider(SPEC_SELECTOR, {
      provideHover: (document, position, token) => specs().hovers.provideHover(document, position, token),
    }),
    ...SPEC_COMMAND_IDS.map((id) => registerCommand(id, (context, ...args: unknown[]) => specs().handlers[id](context, ...args), services)),
  ];
  return { disposables, saveFormProduct: (product) => specs().saveFormProduct(product) };
}
