// What can be done with a provisioned product in its status, encoded in `contextValue` for menus:
// `provisionedProduct;status-AVAILABLE;type-CFN_STACK;canUpdate;canTerminate;...` matched with `viewItem =~ /canUpdate/`.

export interface ProductFacts {
  readonly Status?: string;
  readonly Type?: string;
  readonly Arn?: string;
}

export function productCapabilities(p: ProductFacts): string[] {
  const caps: string[] = [];
  const status = p.Status ?? 'UNKNOWN';
  const settled = status === 'AVAILABLE' || status === 'TAINTED' || status === 'ERROR';
  if (settled) caps.push('canUpdate', 'canTerminate', 'canChangeProperties');
  // A product waiting on its plan can only move on by executing or deleting that plan.
  if (settled || status === 'PLAN_IN_PROGRESS') caps.push('canPlan');
  if (status === 'AVAILABLE' || status === 'TAINTED') caps.push('canRunAction');
  if (p.Arn) caps.push('hasArn');
  return caps;
}

export function productContextValue(p: ProductFacts): string {
  return ['provisionedProduct', `status-${p.Status ?? 'UNKNOWN'}`, `type-${p.Type ?? 'UNKNOWN'}`, ...productCapabilities(p)].join(';');
}
