// What a connection's catalog says, as the spec files' checks and completions read it: the products
// the end user can launch, each product's versions and launch paths, and what a launch of a version
// on a path needs. Plain data (SDK output *types* only, no SDK values), so pure code in src/core can
// depend on it; src/connections/catalogCache.ts implements it with reads cached per connection.
import type { DescribeProvisioningParametersOutput, ProvisioningArtifact } from '@aws-sdk/client-service-catalog';

/** A product the end user can launch (SearchProducts' ProductViewSummary). Its texts are the catalog admin's (untrusted). */
export interface CatalogProduct {
  readonly id: string;
  readonly name: string;
  /** ProductViewSummary.Type: CLOUD_FORMATION_TEMPLATE, TERRAFORM_OPEN_SOURCE, … */
  readonly type?: string;
  readonly owner?: string;
  readonly shortDescription?: string;
  readonly distributor?: string;
}

/** What DescribeProduct says of a product: its name, type, versions and launch paths. */
export interface ProductFacts {
  readonly name?: string;
  /** The product's type (ProductViewSummary.Type: CLOUD_FORMATION_TEMPLATE, TERRAFORM_OPEN_SOURCE, …). */
  readonly type?: string;
  /** The versions DescribeProduct lists (the active ones, for an end user), as it gives them (Guidance DEPRECATED marks a deprecated one). */
  readonly artifacts: readonly ProvisioningArtifact[];
  /** Version id → name, for the versions DescribeProduct lists (the active ones). */
  readonly versions: ReadonlyMap<string, string>;
  /** Launch path id → name. */
  readonly launchPaths: ReadonlyMap<string, string>;
}

/** A launch path of a product (ListLaunchPaths), with the types of its constraints (LAUNCH, STACKSET, RESOURCE_UPDATE, …). */
export interface CatalogLaunchPath {
  readonly id: string;
  readonly name?: string;
  readonly constraintTypes: readonly string[];
}

/**
 * One connection's catalog. Each answer may come from a cache of at most a few minutes
 * (CATALOG_MAX_AGE_MS); a failed read rejects with the service's error and is read again next time.
 */
export interface CatalogFacts {
  /** Every product the end user can launch, by name (SearchProducts, all pages). */
  products(): Promise<readonly CatalogProduct[]>;
  /** DescribeProduct's facts (rejects with ResourceNotFoundException for a product the user cannot launch). */
  product(productId: string): Promise<ProductFacts>;
  /** The product's launch paths (ListLaunchPaths, all pages). */
  launchPaths(productId: string): Promise<readonly CatalogLaunchPath[]>;
  /** What launching the version on the path needs: parameters, constraints, tag options (DescribeProvisioningParameters). */
  provisioningParameters(productId: string, versionId: string, pathId?: string): Promise<DescribeProvisioningParametersOutput>;
}

/** How old a cached catalog read may be before it is read again: an admin's new version or constraint shows within this. */
export const CATALOG_MAX_AGE_MS = 5 * 60_000;
