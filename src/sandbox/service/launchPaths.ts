// Who may see a product and launch it: an end user reaches a product only through a portfolio shared
// with them (a principal association), as in Service Catalog. A caller outside every portfolio of a
// product is told "No launch paths found for resource: prod-…" (ResourceNotFoundException, as in
// aws/aws-cdk#8404), and SearchProducts does not list the product.
import { ssoRoleArn } from '../sso/permissionSets';
import type { OpEnv } from './env';
import { fail } from './errors';
import type { Portfolio, Product } from './types';

const ASSUMED_ROLE = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/.+$/;

/**
 * An assumed-role session (arn:aws:sts::<acct>:assumed-role/<Role>/<session>) acts as its role: the
 * role's ARN, with the path IAM knows it by (the session ARN drops it; only the sandbox's Identity
 * Center roles have one). Anything else is its own principal.
 */
export function principalOf(callerArn: string): string {
  const match = ASSUMED_ROLE.exec(callerArn);
  if (!match) return callerArn;
  return ssoRoleArn(match[1], match[2]) ?? `arn:aws:iam::${match[1]}:role/${match[2]}`;
}

export function canUsePortfolio(portfolio: Portfolio, callerArn: string): boolean {
  const principal = principalOf(callerArn);
  return portfolio.principalArns.some((arn) => arn === callerArn || arn === principal);
}

/** The product's portfolios the caller may launch through (its launch paths), in the product's order. */
export function launchPathsOf(env: OpEnv, product: Product): Portfolio[] {
  return product.portfolioIds
    .map((id) => env.state.portfolio(id))
    .filter((p): p is Portfolio => !!p && canUsePortfolio(p, env.caller.callerArn));
}

/** The caller's launch paths of `product`; none is the service's ResourceNotFoundException. */
export function requireLaunchPaths(env: OpEnv, product: Product): Portfolio[] {
  const paths = launchPathsOf(env, product);
  if (!paths.length) fail(env.operation, 'notFound', `No launch paths found for resource: ${product.id}`);
  return paths;
}

export function isVisible(env: OpEnv, product: Product): boolean {
  return launchPathsOf(env, product).length > 0;
}

/** ARN formats of the system tags (aws-cli's search-provisioned-products example). */
export const catalogArn = {
  product: (region: string, account: string, productId: string) => `arn:aws:catalog:${region}:${account}:product/${productId}`,
  portfolio: (region: string, account: string, portfolioId: string) => `arn:aws:catalog:${region}:${account}:portfolio/${portfolioId}`,
};
