// The form commands: provision a product, update a provisioned product, its plans, and self-service
// actions. Each opens a webview panel at once (it shows progress while the catalog loads).
import * as vscode from 'vscode';
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import type { ProvisioningService } from '../aws/provisioningService';
import { loadAwsModule } from '../connections/lazyModules';
import type { CatalogSession } from '../connections/catalogSession';
import { productCapabilities } from '../core/products/capabilities';
import { ProductNode } from '../products/nodes';
import type { ProvisionedProductsProvider } from '../products/provisionedProductsProvider';
import type { UserInput } from '../ui/userInput';
import { log } from '../ui/log';
import { FormPanels, MementoParameterMemory } from './formPanels';
import { RequestError } from '../ui/webview/messageRouter';
import type { ProvisionedProductRef } from '../core/webview/protocol';
import { registerCommand } from '../ui/commandErrors';
import { inert } from '../core/untrustedText';

export interface FormCommandDeps {
  readonly context: vscode.ExtensionContext;
  readonly session: CatalogSession;
  readonly tree: ProvisionedProductsProvider;
  readonly input: UserInput;
  /** Follows a new record to its end; the lead wires it to the records output channel. */
  readonly trackRecord?: (record: RecordDetail, secrets?: readonly string[]) => void;
  readonly profile: () => string | undefined;
}

type Capability = 'canUpdate' | 'canPlan' | 'canRunAction';

export function registerFormCommands(deps: FormCommandDeps): FormPanels {
  const { context, session, tree } = deps;
  const services = new WeakMap<object, ProvisioningService>();
  const service = () => {
    const api = session.api;
    if (!api) throw new RequestError('Not connected to Service Catalog. Connect to AWS or try the sandbox first.');
    let existing = services.get(api);
    if (!existing) services.set(api, (existing = new (loadAwsModule().ProvisioningService)(api.client)));
    return existing;
  };
  const panels = new FormPanels(
    context.extensionUri,
    {
      service,
      connectionLabel: () => session.label,
      connectedAs: () => (session.api ? session.label : undefined),
      trackRecord: deps.trackRecord ?? ((record) => log().info(`Record ${record.RecordId} started (${record.RecordType}, ${record.Status}).`)),
      refreshTree: () => void tree.refresh(),
      logger: log(),
      memory: new MementoParameterMemory(context.globalState),
    },
    log(),
  );

  const pick = (arg: unknown, capability: Capability, title: string) => provisionedProductFrom(arg, capability, title, deps);
  const command = (id: string, handler: (...args: any[]) => unknown) =>
    context.subscriptions.push(registerCommand(`serviceCatalogExplorer.${id}`, handler, deps.profile));

  command('provisionProduct', (arg?: unknown) => void panels.openProvision(productIdFrom(arg)));
  command('updateProvisionedProduct', async (arg?: unknown) => void panels.openUpdate(await pick(arg, 'canUpdate', 'Update which provisioned product?')));
  command('showPlans', async (arg?: unknown) => void panels.openPlans(await pick(arg, 'canPlan', 'Show the plans of which provisioned product?')));
  command('runServiceAction', async (arg?: unknown) => void panels.openAction(await pick(arg, 'canRunAction', 'Run an action on which provisioned product?')));
  context.subscriptions.push(panels, ...panels.registerSerializers());
  return panels;
}

/** "From a product": a product id, or an object carrying `productId` (e.g. a product view). */
function productIdFrom(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg) return arg;
  if (arg && typeof arg === 'object' && typeof (arg as { productId?: unknown }).productId === 'string') return (arg as { productId: string }).productId;
  return undefined;
}

function refFromNode(node: ProductNode): ProvisionedProductRef {
  const r = node.row;
  return {
    id: r.Id ?? '',
    name: r.Name ?? r.Id ?? '?',
    ...(r.Status ? { status: r.Status } : {}),
    ...(r.Type ? { type: r.Type } : {}),
    ...(r.ProductId ? { productId: r.ProductId } : {}),
    ...(r.ProductName ? { productName: r.ProductName } : {}),
    ...(r.ProvisioningArtifactId ? { provisioningArtifactId: r.ProvisioningArtifactId } : {}),
    ...(r.ProvisioningArtifactName ? { provisioningArtifactName: r.ProvisioningArtifactName } : {}),
  };
}

/** The tree item the command was run on, an id/name/ARN, or the user's pick among capable products. */
async function provisionedProductFrom(arg: unknown, capability: Capability, title: string, deps: FormCommandDeps): Promise<ProvisionedProductRef> {
  if (arg instanceof ProductNode) return refFromNode(arg);
  if (typeof arg === 'string' && arg) {
    const node = deps.tree.findProduct(arg);
    if (node) return refFromNode(node);
    return { id: arg, name: arg };
  }
  if (!deps.session.api) throw new RequestError('Not connected to Service Catalog. Connect to AWS or try the sandbox first.');
  const candidates = deps.tree.productNodes.filter((n) => productCapabilities(n.row).includes(capability));
  if (!candidates.length) throw new RequestError('No provisioned product in the tree allows this now.');
  const items = candidates.map((node) => ({ label: inert(node.row.Name ?? node.row.Id ?? '?', 'label'), description: inert(node.row.ProductName, 'label'), detail: inert(node.row.Status, 'label'), node }));
  const picked = await deps.input.pickOne(items, { title, matchOnDescription: true });
  return refFromNode(picked.node);
}
