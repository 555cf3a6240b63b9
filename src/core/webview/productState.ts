// What a form page knows of its provisioned product and how it learns more: the status last heard, the
// banner's merge of what the record tracker and the tree say, and what the host's `init` makes true
// again. Pure, so the pages (media/shared/productNotice) and unit tests share it.
import { statusCapabilities, type ProductCapability } from '../products/capabilities';
import { BUSY_PRODUCT_STATUSES } from '../statuses';
import type { ProductChange, ProvisionedProductRef } from './protocol';
import { RequestError } from './requestError';

/** What a page knows of its product's state: the status last heard, and whether it is gone. */
export interface ProductState {
  readonly status?: string;
  readonly gone?: boolean;
}

/** Whether the product's state allows `capability` (the tree's menus, the pages and the hosts ask this one rule). */
export function stateAllows(capability: ProductCapability, state: ProductState): boolean {
  return !state.gone && (!state.status || statusCapabilities(state.status).includes(capability));
}

/** The state after a change: a change that says nothing of the status keeps the one known. */
export function stateAfter(state: ProductState, change: ProductChange): ProductState {
  return { status: change.productStatus ?? state.status, gone: !!(state.gone || change.gone) };
}

/** Why the page's action (e.g. "Update") cannot be sent in this state, or undefined when it can. */
export function blockedReason(capability: ProductCapability, action: string, state: ProductState): string | undefined {
  if (stateAllows(capability, state)) return undefined;
  if (state.gone) return `${action} is unavailable: this provisioned product no longer exists.`;
  return `${action} is unavailable while the provisioned product is ${state.status}; Reload once the operation on it has ended.`;
}

/** The hosts' refusal of a request the product's state does not allow (the page disables it too): the same words. */
export function refuseUnlessAllowed(capability: ProductCapability, action: string, state: ProductState): void {
  const reason = blockedReason(capability, action, state);
  if (reason) throw new RequestError(`${reason} Nothing was sent.`, undefined, 'ProductBusy');
}

/**
 * What the banner says after `next`: about the same record, both sources together (the record's type
 * and outcome from the tracker, the product's status and version from the tree); otherwise `next`.
 * A record that ended makes a busy status heard while it ran old news; a settled one the tree read
 * (AVAILABLE, ERROR, TAINTED) is the product's status now, whichever of the two came first.
 */
export function mergedChange(previous: ProductChange | undefined, next: ProductChange): ProductChange {
  if (!previous || !next.recordId || previous.recordId !== next.recordId) return next;
  const { productStatus, ...merged } = { ...previous, ...next };
  const ended = !!next.status && !next.productStatus;
  const over = ended && !!productStatus && BUSY_PRODUCT_STATUSES.has(productStatus);
  return over || !productStatus ? merged : { ...merged, productStatus };
}

/**
 * The page's saved product state and banner once a host introduced the panel (`init`: a window
 * reload, the tab shown again, Reload): the host just read the product, so its status is the one in
 * force; a saved change stays only while what it says still holds (same status, same version; a
 * product the host introduces is not gone).
 */
export function afterInit(
  saved: { readonly change?: ProductChange },
  product: ProvisionedProductRef,
): { readonly product: ProductState; readonly change?: ProductChange } {
  const change = saved.change;
  const holds = !!change && !change.gone
    && (change.productStatus === undefined || change.productStatus === product.status)
    && (change.version === undefined || change.version.id === product.provisioningArtifactId);
  return { product: { status: product.status }, ...(holds ? { change } : {}) };
}
