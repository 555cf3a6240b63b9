// What every command handler is handed first (in the style of vscode-azuretools' IActionContext):
// the connected catalog and the one "which provisioned product?" prompt, so no command builds its own.
import type { CatalogApi } from '../aws/catalogApi';
import { productCapabilities, type ProductCapability } from '../core/products/capabilities';
import { humanizeStatus } from '../core/statuses';
import { inert } from '../core/untrustedText';
import type { ProductNode } from '../products/nodes';
import type { KnownProducts } from '../products/productCache';
import type { CommandId } from './commandIds';
import type { UserInput } from './userInput';

/** What the contexts are made from: built once by the composition root, shared by every command. */
export interface CommandServices {
  /** The AWS profile in the settings, for failure messages and fixes. */
  readonly profile: () => string | undefined;
  readonly session: { readonly api: CatalogApi | undefined };
  /** The provisioned products the view knows (the product cache): what commands pick from and find. */
  readonly products: KnownProducts<ProductNode>;
  readonly input: UserInput;
}

export interface PickProductOptions {
  /** The prompt's title; by default "Which provisioned product?" (or "…products?" for several). */
  readonly title?: string;
}

export interface CommandContext {
  /** The command being run. */
  readonly commandId: CommandId;
  /** The connected catalog; throws "Connect to AWS or the sandbox first." when there is none. */
  requireApi(): CatalogApi;
  /**
   * Asks which provisioned product of the view to act on, among those that have `capability`
   * (all of them without one). Throws when not connected or when none qualifies.
   */
  pickProvisionedProduct(capability?: ProductCapability, options?: PickProductOptions): Promise<ProductNode>;
  /** As pickProvisionedProduct, several at once (all of them without a capability). */
  pickProvisionedProducts(capability?: ProductCapability, options?: PickProductOptions): Promise<ProductNode[]>;
}

export const NOT_CONNECTED = 'Connect to AWS or the sandbox first.';

export function commandContext(commandId: CommandId, services: CommandServices): CommandContext {
  const requireApi = (): CatalogApi => {
    const api = services.session.api;
    if (!api) throw new Error(NOT_CONNECTED);
    return api;
  };
  const candidates = (capability: ProductCapability | undefined) => {
    requireApi();
    const nodes = services.products.all;
    const able = capability ? nodes.filter((n) => productCapabilities(n.row).includes(capability)) : nodes;
    if (!able.length) throw new Error(capability ? 'No provisioned product in the view can do this now.' : 'No provisioned products are shown.');
    return able.map((node) => productPick(node));
  };
  return {
    commandId,
    requireApi,
    pickProvisionedProduct: async (capability, options) => {
      const items = candidates(capability);
      return (await services.input.pickOne(items, { title: options?.title ?? 'Which provisioned product?', matchOnDescription: true })).node;
    },
    pickProvisionedProducts: async (capability, options) => {
      const items = candidates(capability);
      return (await services.input.pickMany(items, { title: options?.title ?? 'Which provisioned products?', matchOnDescription: true })).map((i) => i.node);
    },
  };
}

/** A product in the pick: its name, then status, product and id (all service text, made inert). */
function productPick(node: ProductNode) {
  const r = node.row;
  return {
    label: inert(r.Name ?? r.Id ?? '?', 'label'),
    description: inert([r.Status && humanizeStatus(r.Status), r.ProductName, r.Id].filter(Boolean).join(' · '), 'label'),
    node,
  };
}
