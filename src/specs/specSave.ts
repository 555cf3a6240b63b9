// "Save as Spec File": provisioned products of the tree written into a new spec file as they run now
// (the version and path in use, the values the stack runs with, the user's tags), and a provision
// form's checked values. The file is chosen in a save dialog, must be named like a spec file, and opens
// once written. NoEcho values never reach it: each NoEcho parameter is a `${env:NAME}` reference.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CatalogFacts } from '../core/catalog/catalogFacts';
import {
  matchesSpecFileGlob, productToSaveOfLive, specFileNameFor, specFormatOf, specOfProvisionedProducts, stateOfProductToSave, userTags,
  type CatalogNames, type ProductToSave,
} from '../core/specs';
import { provisionedProductRef } from '../core/products/provisionedProductRef';
import { retryTransient } from '../core/retrySameToken';
import { inert } from '../core/untrustedText';
import type { PanelInit } from '../core/webview/protocol';
import { RequestError } from '../core/webview/requestError';
import type { ProductRow } from '../core/products/productRow';
import type { CommandContext, CommandHandler, CommandServices } from '../ui/commandErrors';
import { NOT_CONNECTED } from '../ui/commandContext';
import { isUserCancelled, UserCancelledError } from '../ui/userInput';
import type { SpecControllers } from './specApply';

export interface SpecSaveDeps extends CommandServices {
  /** The current connection's catalog (cached reads), for the names the file uses. */
  readonly catalogFacts: () => CatalogFacts | undefined;
  /** The forms' controllers: the update form reads a product as it runs. */
  readonly controllers: () => SpecControllers;
}

export interface SpecSave {
  /** The Save as Spec File command: the tree's selection, the clicked product, or a pick. */
  readonly saveAsSpecFile: CommandHandler;
  /** A provision form's Save as Spec File (ControllerDeps.saveSpec): the file's name, undefined when cancelled. */
  saveFormProduct(product: ProductToSave): Promise<string | undefined>;
}

/** How many times a read is tried again after throttling or a dropped connection. */
const ATTEMPTS = 5;
const retried = <T>(call: () => Promise<T>) => retryTransient(call, { attempts: ATTEMPTS });

export function newSpecSave(deps: SpecSaveDeps): SpecSave {
  return {
    saveAsSpecFile: async (context: CommandContext, node?: unknown, selected?: unknown[]) => {
      const rows = await rowsToSave(context, deps, node, selected);
      const products: ProductToSave[] = [];
      for (const row of rows) products.push(await liveProduct(deps, row));
      return saveSpecFile(deps, products);
    },
    saveFormProduct: async (product) => {
      try {
        // Beside the form, which stays in view and says where its values went.
        return path.basename((await saveSpecFile(deps, [product], vscode.ViewColumn.Beside)).fsPath);
      } catch (error) {
        if (isUserCancelled(error)) return undefined;
        throw error;
      }
    },
  };
}

/** The rows a command acts on: the selection when the clicked item is part of it, else the clicked item, else the user's pick. */
async function rowsToSave(context: CommandContext, deps: SpecSaveDeps, node: unknown, selected: unknown[] | undefined): Promise<ProductRow[]> {
  // By id through the product cache: the tree's nodes may come from another bundle's classes.
  const known = (item: unknown) => {
    const id = (item as { row?: { Id?: unknown } } | undefined)?.row?.Id;
    return typeof id === 'string' ? deps.products.find(id)?.row : undefined;
  };
  const clicked = known(node);
  const selection = (selected ?? []).map(known).filter((r): r is ProductRow => !!r);
  if (clicked) return selection.some((r) => r.Id === clicked.Id) ? selection : [clicked];
  if (node !== undefined) throw new Error('That provisioned product is no longer in the list; refresh the view and try again.');
  const picked = await context.pickProvisionedProducts(undefined, { title: 'Save which provisioned products as a spec file?' });
  // OK with nothing ticked: no file of no products.
  if (!picked.length) throw new UserCancelledError();
  return picked.map((n) => n.row);
}

/** A provisioned product as it runs, read as the update form reads it (its version, path and values in use) with its tags listed now. */
async function liveProduct(deps: SpecSaveDeps, row: ProductRow): Promise<ProductToSave> {
  const api = deps.session.api;
  if (!api) throw new Error(NOT_CONNECTED);
  const { deps: controllerDeps, UpdateFormController } = deps.controllers();
  const controller = new UpdateFormController(controllerDeps, provisionedProductRef(row));
  const init = (await retried(() => controller.init())) as Extract<PanelInit, { kind: 'update' }>;
  const [loaded, listed] = await Promise.all([
    retried(() => controller.loadParameters(init.current)),
    retried(() => api.listProvisionedProducts({ query: `id:${row.Id}` })),
  ]);
  const tags = userTags(listed.find((p) => p.Id === row.Id)?.Tags ?? row.Tags);
  return productToSaveOfLive(init.provisionedProduct.name, init.current, loaded.form, tags, loaded.currentValuesNote);
}

/** The names the file gives the product, its versions and its paths; what cannot be read is named by id. */
async function catalogNames(facts: CatalogFacts, productId: string): Promise<CatalogNames> {
  const [products, product, paths] = await Promise.all([
    facts.products().catch(() => []),
    facts.product(productId).catch(() => undefined),
    facts.launchPaths(productId).catch(() => []),
  ]);
  const versions = (product?.artifacts ?? []).flatMap((a) => (a.Id ? [{ id: a.Id, ...(a.Name ? { name: a.Name } : {}) }] : []));
  return { products, versions, launchPaths: paths };
}

/** Writes the products into the file the user names (a spec file name), then opens it. */
async function saveSpecFile(deps: SpecSaveDeps, products: readonly ProductToSave[], viewColumn = vscode.ViewColumn.Active): Promise<vscode.Uri> {
  const facts = deps.catalogFacts();
  if (!facts) throw new Error(NOT_CONNECTED);
  const states = await Promise.all(products.map(async (p) => stateOfProductToSave(p, await catalogNames(facts, p.productId))));
  const uri = await chooseFile(deps, states.map((s) => s.name));
  const text = specOfProvisionedProducts(states, specFormatOf(uri.path));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(uri, { preview: false, viewColumn });
  return uri;
}

async function chooseFile(deps: SpecSaveDeps, names: readonly string[]): Promise<vscode.Uri> {
  if (!deps.input.saveFile) throw new Error('No save dialog is available here; nothing was saved.');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
  const uri = await deps.input.saveFile({
    title: names.length === 1 ? `Save ${inert(names[0], 'label')} as Spec File` : `Save ${names.length} Provisioned Products as Spec File`,
    saveLabel: 'Save Spec File',
    defaultUri: vscode.Uri.joinPath(folder, specFileNameFor(names)),
    filters: { 'Service Catalog spec files': ['yaml', 'yml', 'json'] },
  });
  // Lower case only: the file's CodeLenses, completions and menus match these names.
  if (!matchesSpecFileGlob(uri.path)) {
    throw new RequestError(`${inert(path.basename(uri.path), 'line')} is not a spec file name: spec files end in .servicecatalog.yaml, .servicecatalog.yml or .servicecatalog.json (lower case). Nothing was saved.`, undefined, 'NotSpecFileName');
  }
  return uri;
}
