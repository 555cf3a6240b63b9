// The catalog as end users browse it: products, versions, launch paths and what a launch needs.
import type { OpEnv } from '../env';
import { fail } from '../errors';
import { isVisible, launchPathsOf, requireLaunchPaths } from '../launchPaths';
import { launchRoleFor, resolveArtifact, resolvePath, resolveProduct } from '../lookup';
import { pageOf } from '../paging';
import { artifactDetail, artifactSummaries, parameterSpecs, productViewSummary } from '../render';
import type { Artifact, Portfolio, Product } from '../types';
import { offsetFrom } from './access';

type ProductFilter = (product: Product, values: string[]) => boolean;

const PRODUCT_FILTERS = new Map<string, ProductFilter>([
  ['FullTextSearch', (p, values) => values.some((v) => [p.name, p.shortDescription, p.owner, p.distributor].some((field) => field.toLowerCase().includes(v.toLowerCase())))],
  ['Owner', (p, values) => values.some((v) => p.owner.toLowerCase() === v.toLowerCase())],
  ['ProductType', (p, values) => values.includes(p.type)],
  ['SourceProductId', (p, values) => values.includes(p.id)],
]);

const PRODUCT_SORTS = new Map<string, (a: Product, b: Product) => number>([
  ['Title', (a, b) => a.name.localeCompare(b.name)],
  ['VersionCount', (a, b) => a.artifacts.filter((x) => x.active).length - b.artifacts.filter((x) => x.active).length],
  ['CreationDate', (a, b) => a.createdTime - b.createdTime],
]);

export function searchProducts(input: Record<string, any>, env: OpEnv) {
  const filters = Object.entries((input.Filters ?? {}) as Record<string, string[]>).filter(([, values]) => values?.length);
  // Only products the caller can launch: a product of no portfolio shared with them is not listed.
  let products = env.state.data.products.filter((p) => isVisible(env, p) && filters.every(([key, values]) => PRODUCT_FILTERS.get(key)?.(p, values) ?? true));
  const sort = input.SortBy === undefined ? undefined : PRODUCT_SORTS.get(input.SortBy);
  if (sort) {
    const direction = input.SortOrder === 'DESCENDING' ? -1 : 1;
    products = [...products].sort((a, b) => direction * sort(a, b));
  }
  const page = pageOf(products, offsetFrom(env, input.PageToken), input.PageSize, 20, env.operation);
  return {
    ProductViewSummaries: page.items.map((p) => productViewSummary(p, launchPathsOf(env, p).length)),
    ProductViewAggregations: { Owner: countBy(products, (p) => p.owner), ProductType: countBy(products, (p) => p.type) },
    NextPageToken: page.nextPageToken,
  };
}

function countBy(products: Product[], key: (p: Product) => string) {
  const counts = new Map<string, number>();
  for (const p of products) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
  return [...counts].map(([Value, ApproximateCount]) => ({ Value, ApproximateCount }));
}

/** A product the caller can't launch is, to them, a product that does not exist (as DescribeProduct answers it). */
function visibleOrNotFound(env: OpEnv, product: Product, asked: string): Portfolio[] {
  const paths = launchPathsOf(env, product);
  if (!paths.length) fail(env.operation, 'notFound', `Product ${asked} not found.`);
  return paths;
}

export function describeProduct(input: Record<string, any>, env: OpEnv) {
  const product = resolveProduct(env, input.Id, input.Name, 'Id', 'Name');
  const paths = visibleOrNotFound(env, product, input.Id ?? input.Name);
  return {
    ProductViewSummary: productViewSummary(product, paths.length),
    ProvisioningArtifacts: artifactSummaries(product),
    Budgets: [],
    LaunchPaths: paths.map((p) => ({ Id: p.pathId, Name: p.displayName })),
  };
}

export function describeProductView(input: Record<string, any>, env: OpEnv) {
  const product = env.state.productByViewId(input.Id);
  if (!product) fail(env.operation, 'notFound', `Product view ${input.Id} not found.`);
  const paths = visibleOrNotFound(env, product, input.Id);
  return { ProductViewSummary: productViewSummary(product, paths.length), ProvisioningArtifacts: artifactSummaries(product) };
}

/**
 * Constraint summaries as real accounts return them: a Type without a Description (the admin's
 * optional text, which the seed leaves empty), and RESOURCE_UPDATE only where the admin made one.
 */
function constraintSummaries(product: Product, portfolio: Portfolio) {
  const summaries: { Type: string }[] = [];
  if (launchRoleFor(product, portfolio.id)) summaries.push({ Type: 'LAUNCH' });
  if (product.stackSet) summaries.push({ Type: 'STACKSET' });
  if (tagUpdatesAllowed(product, portfolio.id)) summaries.push({ Type: 'RESOURCE_UPDATE' });
  return summaries;
}

export function tagUpdatesAllowed(product: Product, portfolioId: string): boolean {
  return product.tagUpdatesAllowedIn.includes(portfolioId);
}

export function listLaunchPaths(input: Record<string, any>, env: OpEnv) {
  const product = resolveProduct(env, input.ProductId, undefined);
  const paths = requireLaunchPaths(env, product).map((p) => ({ Id: p.pathId, ConstraintSummaries: constraintSummaries(product, p), Tags: p.tags, Name: p.displayName }));
  const page = pageOf(paths, offsetFrom(env, input.PageToken), input.PageSize, 20, env.operation);
  return { LaunchPathSummaries: page.items, NextPageToken: page.nextPageToken };
}

export function listProvisioningArtifacts(input: Record<string, any>, env: OpEnv) {
  const product = resolveProduct(env, input.ProductId, undefined);
  return { ProvisioningArtifactDetails: product.artifacts.map(artifactDetail) };
}

export function describeProvisioningArtifact(input: Record<string, any>, env: OpEnv) {
  const product = resolveProduct(env, input.ProductId, input.ProductName);
  const artifact = resolveArtifact(env, product, input.ProvisioningArtifactId, input.ProvisioningArtifactName);
  return {
    ProvisioningArtifactDetail: artifactDetail(artifact),
    Info: input.Verbose ? { TemplateUrl: `https://sandbox-catalog-templates.s3.amazonaws.com/${product.id}/${artifact.id}/template.${artifact.type === 'CLOUD_FORMATION_TEMPLATE' ? 'yaml' : 'tar.gz'}` } : {},
    Status: 'AVAILABLE',
    ProvisioningArtifactParameters: input.IncludeProvisioningArtifactParameters ? parameterSpecs(artifact) : undefined,
  };
}

export function describeProvisioningParameters(input: Record<string, any>, env: OpEnv) {
  const product = resolveProduct(env, input.ProductId, input.ProductName);
  const portfolio = resolvePath(env, product, input.PathId, input.PathName);
  const artifact = resolveArtifact(env, product, input.ProvisioningArtifactId, input.ProvisioningArtifactName);
  const role = launchRoleFor(product, portfolio.id);
  const outputs = artifact.outputs.map((o) => ({ Key: o.key, Description: o.description }));
  return {
    ProvisioningArtifactParameters: parameterSpecs(artifact),
    ConstraintSummaries: constraintSummaries(product, portfolio),
    UsageInstructions: usageInstructions(product, artifact, portfolio, role),
    TagOptions: portfolio.tagOptions.map((o) => ({ Key: o.key, Values: o.values })),
    // An empty object for a plain stack, as real accounts answer.
    ProvisioningArtifactPreferences: product.stackSet ? { StackSetAccounts: product.stackSet.accounts, StackSetRegions: product.stackSet.regions } : {},
    ProvisioningArtifactOutputs: outputs,
    ProvisioningArtifactOutputKeys: outputs,
  };
}

/** tagUpdateOnProvisionedProduct is NOT_ALLOWED where no RESOURCE_UPDATE constraint allows tag updates. */
function usageInstructions(product: Product, artifact: Artifact, portfolio: Portfolio, role: string | undefined) {
  return [
    { Type: 'rules', Value: '{}' },
    ...(artifact.type === 'CLOUD_FORMATION_TEMPLATE' ? [{ Type: 'version', Value: '2010-09-09' }] : []),
    ...(role ? [{ Type: 'launchAsRole', Value: role }] : []),
    { Type: 'tagUpdateOnProvisionedProduct', Value: tagUpdatesAllowed(product, portfolio.id) ? 'ALLOWED' : 'NOT_ALLOWED' },
  ];
}
