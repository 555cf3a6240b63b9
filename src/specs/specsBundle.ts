// The spec files' bundle (dist/specs.js): everything of spec files but the shims activation registers
// (specShims.ts). Required when a spec file is first open, or a spec command or provider first runs:
// the YAML parser and the spec code stay out of extension.js. Its services (the session, the product
// cache, the forms' controllers) come from other bundles and are used through their methods only.
import * as vscode from 'vscode';
import type { CommandHandler, CommandServices } from '../ui/commandErrors';
import { COMMANDS } from '../ui/commandIds';
import { SpecApplier, type SpecControllers } from './specApply';
import { specApplyHandlers } from './specApplyCommands';
import type { ProductToSave } from '../core/specs/specToSave';
import { SpecCompletionProvider, SpecHoverProvider } from './specAssistProviders';
import { specCatalogOfSession, type SessionCatalog, type WatchedProducts } from './specCatalog';
import { SpecCodeLensProvider } from './specCodeLens';
import { SpecDiagnostics } from './specDiagnostics';
import { SpecDiffDocuments, SPEC_DIFF_SCHEME } from './specDiffDocuments';
import { newSpecSave } from './specSave';
import type { SpecCommandId } from './specShims';
import { SpecValidations } from './specValidations';

export interface SpecFeatureDeps extends CommandServices {
  readonly session: CommandServices['session'] & SessionCatalog;
  readonly products: CommandServices['products'] & WatchedProducts;
  /** The forms' controllers and what they run on (dist/forms.js, loaded at the first apply). */
  readonly controllers: () => SpecControllers;
  /** The editor's environment, where `${env:NAME}` references are read. */
  readonly environment: () => Readonly<Record<string, string | undefined>>;
}

/** What the shims hand their calls to. */
export interface SpecFeatures extends vscode.Disposable {
  readonly lenses: vscode.CodeLensProvider;
  readonly completions: vscode.CompletionItemProvider;
  readonly hovers: vscode.HoverProvider;
  readonly handlers: Readonly<Record<SpecCommandId, CommandHandler>>;
  /** A provision form's Save as Spec File: the file's name, undefined when the user cancelled. */
  saveFormProduct(product: ProductToSave): Promise<string | undefined>;
}

/** Diagnostics of open spec files start at once; the rest answers the shims. */
export function newSpecFeatures(deps: SpecFeatureDeps): SpecFeatures {
  const catalog = specCatalogOfSession(deps.session, deps.products);
  const validations = new SpecValidations(catalog);
  const lenses = new SpecCodeLensProvider(deps.products);
  const diffs = new SpecDiffDocuments();
  const applier = new SpecApplier({ snapshots: catalog, controllers: deps.controllers, input: deps.input, environment: deps.environment });
  const save = newSpecSave({ ...deps, catalogFacts: () => deps.session.catalogFacts });
  const disposables: vscode.Disposable[] = [
    catalog, lenses, diffs,
    new SpecDiagnostics(validations, catalog),
    vscode.workspace.registerTextDocumentContentProvider(SPEC_DIFF_SCHEME, diffs),
    // The catalog's change covers the tree's products too: a lens shows a product's status.
    catalog.onDidChange(() => lenses.refresh()),
  ];
  return {
    lenses,
    completions: new SpecCompletionProvider(validations),
    hovers: new SpecHoverProvider(validations),
    handlers: { ...specApplyHandlers({ ...deps, applier, diffs }), [COMMANDS.saveAsSpecFile]: save.saveAsSpecFile },
    saveFormProduct: (product) => save.saveFormProduct(product),
    dispose: () => disposables.forEach((d) => void d.dispose()),
  };
}
