// What can be done with a provisioned product in its status, encoded in `contextValue` for menus:
// `provisionedProduct;status-AVAILABLE;type-CFN_STACK;canUpdate;canTerminate;...` matched with `viewItem =~ /canUpdate/`.
import { SETTLED_PRODUCT_STATUSES } from '../statuses';

export interface ProductFacts {
  readonly Status?: string;
  readonly Type?: string;
  readonly Arn?: string;
}

/** Every capability a provisioned product can have; each is a `contextValue` token some menu matches. */
export const PRODUCT_CAPABILITIES = ['canUpdate', 'canTerminate', 'canChangeProperties', 'canPlan', 'canRunAction'] as const;
export type ProductCapability = (typeof PRODUCT_CAPABILITIES)[number];

export function productCapabilities(p: ProductFacts): ProductCapability[] {
  const caps: ProductCapability[] = [];
  const status = p.Status ?? 'UNKNOWN';
  const settled = SETTLED_PRODUCT_STATUSES.has(status);
  if (settled) caps.push('canUpdate', 'canTerminate', 'canChangeProperties');
  // A product waiting on its plan can only move on by executing or deleting that plan.
  if (settled || status === 'PLAN_IN_PROGRESS') caps.push('canPlan');
  if (status === 'AVAILABLE' || status === 'TAINTED') caps.push('canRunAction');
  return caps;
}

export function productContextValue(p: ProductFacts): string {
  return ['provisionedProduct', `status-${p.Status ?? 'UNKNOWN'}`, `type-${p.Type ?? 'UNKNOWN'}`, ...productCapabilities(p)].join(';');
}
