// Resolving the "Id or Name" pairs the API takes everywhere, with the service's errors.
import type { OpEnv } from './env';
import { fail } from './errors';
import { requireLaunchPaths } from './launchPaths';
import type { Artifact, Portfolio, Product, ProvisionedProduct } from './types';

/** Exactly one of the two must be given. */
export function requireOneOf(env: OpEnv, idName: string, nameName: string, id: unknown, name: unknown): void {
  const given = [id, name].filter((v) => v !== undefined && v !== '').length;
  if (given !== 1) fail(env.operation, 'invalidParameters', `Specify either ${idName} or ${nameName}, but not both.`);
}

export function resolveProduct(env: OpEnv, id: string | undefined, name: string | undefined, idName = 'ProductId', nameName = 'ProductName'): Product {
  requireOneOf(env, idName, nameName, id, name);
  const product = id !== undefined ? env.state.product(id) : env.state.productByName(name!);
  if (!product) fail(env.operation, 'notFound', id !== undefined ? `Product ${id} not found.` : `Product with name ${name} not found.`);
  return product;
}

export function resolveArtifact(env: OpEnv, product: Product, id: string | undefined, name: string | undefined): Artifact {
  requireOneOf(env, 'ProvisioningArtifactId', 'ProvisioningArtifactName', id, name);
  const artifact = product.artifacts.find((a) => (id !== undefined ? a.id === id : a.name === name));
  if (!artifact) fail(env.operation, 'notFound', `Provisioning artifact ${id ?? name} not found for product ${product.id}.`);
  return artifact;
}

/** A launch path of the caller's: given, or the product's only one. */
export function resolvePath(env: OpEnv, product: Product, pathId: string | undefined, pathName: string | undefined): Portfolio {
  if (pathId !== undefined && pathName !== undefined) fail(env.operation, 'invalidParameters', 'Specify either PathId or PathName, but not both.');
  const portfolios = requireLaunchPaths(env, product);
  if (pathId === undefined && pathName === undefined) {
    if (portfolios.length !== 1) {
      fail(env.operation, 'invalidParameters', `Product ${product.id} has more than one launch path; specify PathId (see ListLaunchPaths).`);
    }
    return portfolios[0];
  }
  const path = portfolios.find((p) => (pathId !== undefined ? p.pathId === pathId : p.displayName === pathName));
  if (!path) fail(env.operation, 'notFound', `Launch path ${pathId ?? pathName} not found for product ${product.id}.`);
  return path;
}

export function launchRoleFor(product: Product, portfolioId: string): string | undefined {
  return product.launchConstraints.find((c) => c.portfolioId === portfolioId)?.launchRoleArn;
}

/** Accepts an id, a name or (where the model allows) the provisioned product's ARN. */
export function resolveProvisionedProduct(
  env: OpEnv,
  id: string | undefined,
  nameOrArn: string | undefined,
  idName = 'ProvisionedProductId',
  nameName = 'ProvisionedProductName',
): ProvisionedProduct {
  requireOneOf(env, idName, nameName, id, nameOrArn);
  const pp = id !== undefined ? env.state.liveProvisionedProduct(id) : byNameOrArn(env, nameOrArn!);
  if (!pp) fail(env.operation, 'notFound', `Provisioned product ${id ?? nameOrArn} not found.`);
  return pp;
}

function byNameOrArn(env: OpEnv, nameOrArn: string): ProvisionedProduct | undefined {
  if (!nameOrArn.startsWith('arn:')) return env.state.liveProvisionedProductByName(nameOrArn);
  const id = nameOrArn.split('/').pop() ?? '';
  const pp = env.state.liveProvisionedProduct(id);
  return pp?.arn === nameOrArn ? pp : undefined;
}

/** UNDER_CHANGE and PLAN_IN_PROGRESS products accept no new change until the current one ends. */
export function requireNotBusy(env: OpEnv, pp: ProvisionedProduct): void {
  if (pp.status === 'UNDER_CHANGE' || pp.status === 'PLAN_IN_PROGRESS') {
    fail(env.operation, 'invalidState', `Provisioned product ${pp.id} is ${pp.status}; wait until its current operation (record ${pp.lastRecordId}) finishes.`);
  }
}
