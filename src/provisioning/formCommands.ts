// The form commands: provision a product, update a provisioned product, its plans, and self-service
// actions. Each opens a webview panel at once (it shows progress while the catalog loads). The panels
// (FormPanels, in dist/forms.js) are made when the first form opens or is restored, not at activation.
import * as vscode from 'vscode';
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import type { CatalogSession } from '../connections/catalogSession';
import type { FormsModule } from '../connections/lazyModules';
import { plansSupported, plansUnsupportedReason, type ProductCapability } from '../core/products/capabilities';
import { ProductNode } from '../products/nodes';
import type { ProvisionedProductsProvider } from '../products/provisionedProductsProvider';
import { isUserCancelled, type UserInput } from '../ui/userInput';
import { log } from '../ui/log';
import type { FormPanels } from './formPanels';
import type { ControllerDeps } from './controllerDeps';
import { RequestError } from '../core/webview/requestError';
import type { PanelKind, ProvisionedProductRef } from '../core/webview/protocol';
import { provisionedProductRef } from '../core/products/provisionedProductRef';
import { registerCommand, type CommandContext, type CommandServices } from '../ui/commandErrors';
import { COMMANDS } from '../ui/commandIds';
import { NOT_CONNECTED } from '../ui/commandContext';
import { VIEW_TYPES } from '../ui/webview/viewTypes';

export interface FormPanelsDeps extends CommandServices {
  readonly context: vscode.ExtensionContext;
  readonly session: CatalogSession;
  readonly tree: ProvisionedProductsProvider;
  readonly input: UserInput;
  /** Follows a new record to its end; the lead wires it to the records output channel. */
  readonly trackRecord?: (record: RecordDetail, secrets?: readonly string[]) => void;
  /** The provision form's Save as Spec File (spec files' side). */
  readonly saveSpec?: ControllerDeps['saveSpec'];
}

export interface FormCommandDeps extends CommandServices {
  /** The form panels, made on first use (newFormPanels over the forms' bundle). */
  readonly forms: () => FormPanels;
}

/** The form panels over the session and the tree; `forms` is their bundle (loadFormsModule). */
export function newFormPanels(forms: FormsModule, deps: FormPanelsDeps): FormPanels {
  const { context, session, tree } = deps;
  const service = () => {
    const provisioning = session.provisioning;
    if (!provisioning) throw new RequestError(NOT_CONNECTED);
    return provisioning;
  };
  const panels: FormPanels = new forms.FormPanels(
    context.extensionUri,
    {
      service,
      catalog: session.catalog,
      stacks: () => session.stacks,
      connectionLabel: () => session.label,
      connectedAs: () => session.identity,
      trackRecord: deps.trackRecord ?? ((record) => log().info(`Record ${record.RecordId} started (${record.RecordType}, ${record.Status}).`)),
      refreshTree: () => void tree.refresh(),
      listedTags: (id) => {
        const row = deps.products.find(id)?.row;
        return row && !row.tagsOutdated ? row.Tags : undefined;
      },
      knowProduct: (detail, names) => void deps.products.know(detail, names),
      ...(deps.saveSpec ? { saveSpec: deps.saveSpec } : {}),
      logger: log(),
      confirm: (message, detail, button) => deps.input.confirm(message, detail, button).then(() => true, cancelledAsNo),
      memory: new forms.MementoParameterMemory(context.globalState),
      provisionResult: {
        copy: (text) => Promise.resolve(vscode.env.clipboard.writeText(text)),
        follow: async (recordId) => void (await vscode.commands.executeCommand(COMMANDS.openRecord, recordId)),
        reveal: (provisionedProductId) => revealInTree(provisionedProductId, deps),
        provisionAnother: (start) => void panels.openProvision(start),
      },
    },
    log(),
  );
  return panels;
}

/** The four form commands and the panels' serializers: registered at activation, they make the panels when used. */
export function registerFormCommands(deps: FormCommandDeps): vscode.Disposable[] {
  const { forms } = deps;
  const pick = (command: CommandContext, arg: unknown, capability: ProductCapability, title: string) => provisionedProductFrom(command, arg, capability, title, deps);
  return [
    registerCommand(COMMANDS.provisionProduct, (_command, arg?: unknown) => void forms().openProvision(productIdFrom(arg)), deps),
    registerCommand(COMMANDS.updateProvisionedProduct, async (command, arg?: unknown) => void forms().openUpdate(await pick(command, arg, 'canUpdate', 'Update which provisioned product?')), deps),
    registerCommand(COMMANDS.showPlans, async (command, arg?: unknown) => void forms().openPlans(plannable(await pick(command, arg, 'canPlan', 'Show the plans of which provisioned product?'))), deps),
    registerCommand(COMMANDS.runServiceAction, async (command, arg?: unknown) => void forms().openAction(await pick(command, arg, 'canRunAction', 'Run an action on which provisioned product?')), deps),
    ...registerPanelSerializers(forms),
  ];
}

/** Serializers for every kind of panel; the page's state carries its PanelInit (never secrets). */
export function registerPanelSerializers(panels: () => Pick<FormPanels, 'restore'>): vscode.Disposable[] {
  return (Object.keys(VIEW_TYPES) as PanelKind[]).map((kind) =>
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPES[kind], {
      deserializeWebviewPanel: async (panel, state) => panels().restore(kind, panel, state),
    }),
  );
}

/** A confirmation's Cancel is the answer no; any other failure stays one. */
function cancelledAsNo(error: unknown): false {
  if (isUserCancelled(error)) return false;
  throw error;
}

/** Selects a new provisioned product in the tree, re-listing it first when the tree does not list it yet. */
async function revealInTree(provisionedProductId: string, deps: FormPanelsDeps): Promise<void> {
  if (!deps.products.find(provisionedProductId)) await deps.tree.refresh();
  if (!deps.products.find(provisionedProductId)) throw new RequestError('The tree does not list this provisioned product yet; refresh the view in a moment.', undefined, 'NotListed');
  await vscode.commands.executeCommand(COMMANDS.lookUpRecord, provisionedProductId);
}

/** Plans are CloudFormation's only: a product known to be of another type gets no plans panel (the panel checks an unknown type). */
function plannable(product: ProvisionedProductRef): ProvisionedProductRef {
  if (product.type && !plansSupported(product.type)) throw new RequestError(plansUnsupportedReason(product.type), undefined, 'PlansUnsupported');
  return product;
}

/** "From a product": a product id, or an object carrying `productId` (e.g. a product view). */
function productIdFrom(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg) return arg;
  if (arg && typeof arg === 'object' && typeof (arg as { productId?: unknown }).productId === 'string') return (arg as { productId: string }).productId;
  return undefined;
}

/** The tree item the command was run on, an id/name/ARN, or the user's pick among capable products. */
async function provisionedProductFrom(command: CommandContext, arg: unknown, capability: ProductCapability, title: string, deps: CommandServices): Promise<ProvisionedProductRef> {
  if (arg instanceof ProductNode) return provisionedProductRef(arg.row);
  if (typeof arg === 'string' && arg) {
    const node = deps.products.find(arg);
    return provisionedProductRef(node?.row ?? { Id: arg });
  }
  return provisionedProductRef((await command.pickProvisionedProduct(capability, { title })).row);
}
