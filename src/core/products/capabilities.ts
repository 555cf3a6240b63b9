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

/**
 * Provisioned product types that have plans: the model's ProvisionedProductPlanType is CLOUDFORMATION
 * only, so Terraform, external and Control Tower products (CONTROL_TOWER_ACCOUNT) have none.
 */
const PLANNABLE_TYPES: ReadonlySet<string> = new Set(['CFN_STACK', 'CFN_STACKSET']);

/**
 * What a product (ProductViewSummary.Type) is provisioned as. Marketplace products are CloudFormation
 * templates too, provisioned as CFN_STACK; Terraform and external products are their own types.
 */
const PROVISIONED_TYPE_OF_PRODUCT: ReadonlyMap<string, string> = new Map([
  ['CLOUD_FORMATION_TEMPLATE', 'CFN_STACK'],
  ['MARKETPLACE', 'CFN_STACK'],
]);

/** Whether a provisioned product of this type can have plans; an unknown type cannot be assumed to. */
export function plansSupported(provisionedProductType: string | undefined): boolean {
  return PLANNABLE_TYPES.has(provisionedProductType ?? '');
}

/** Whether a product of this type (ProductViewSummary.Type) can be launched through a plan: the rule of what it provisions as. */
export function productPlansSupported(productType: string | undefined): boolean {
  return plansSupported(PROVISIONED_TYPE_OF_PRODUCT.get(productType ?? ''));
}

/** Why plans are not offered for a provisioned product of this type. */
export function plansUnsupportedReason(type: string | undefined): string {
  return `Plans (Preview changes) exist only for CloudFormation products; this provisioned product is of type ${type ?? 'unknown'}.`;
}

/** What the status alone allows (a form page knows only the status it last heard). */
export function statusCapabilities(status: string | undefined): ProductCapability[] {
  const caps: ProductCapability[] = [];
  const known = status ?? 'UNKNOWN';
  const settled = SETTLED_PRODUCT_STATUSES.has(known);
  if (settled) caps.push('canUpdate', 'canTerminate', 'canChangeProperties');
  // A product waiting on its plan can only move on by executing or deleting that plan.
  if (settled || known === 'PLAN_IN_PROGRESS') caps.push('canPlan');
  if (known === 'AVAILABLE' || known === 'TAINTED') caps.push('canRunAction');
  return caps;
}

/** What the status and the type allow: plans only for CloudFormation products. */
export function productCapabilities(p: ProductFacts): ProductCapability[] {
  return statusCapabilities(p.Status).filter((c) => c !== 'canPlan' || plansSupported(p.Type));
}

export function productContextValue(p: ProductFacts): string {
  return ['provisionedProduct', `status-${p.Status ?? 'UNKNOWN'}`, `type-${p.Type ?? 'UNKNOWN'}`, ...productCapabilities(p)].join(';');
}

/**
 * Why a form cannot work on a provisioned product whose detail lacks its product or version (old
 * provisioned products have neither ProductId nor ProvisioningArtifactId): nothing names what to
 * update or which version's actions to list, and nothing is guessed.
 */
export function missingProductReason(name: string, what: 'Update' | 'Self-service actions', detail: { readonly ProductId?: string; readonly ProvisioningArtifactId?: string }): string | undefined {
  const missing = [!detail.ProductId && 'its product', !detail.ProvisioningArtifactId && 'its version'].filter(Boolean);
  if (!missing.length) return undefined;
  return `${what} unavailable for ${name}: Service Catalog does not say ${missing.join(' or ')} (older provisioned products lack them), so there is nothing to ${what === 'Update' ? 'update from' : 'list actions for'}. Nothing was sent.`;
}
