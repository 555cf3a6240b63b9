// What validation needs to know of the live catalog at one moment: a synchronous snapshot the VS Code
// layer takes of the connection's catalog cache (core/catalog CatalogFacts: DescribeProduct,
// ListLaunchPaths, DescribeProvisioningParameters) and of the tree's provisioned products. Plain data
// and lookups: validation never calls the service.
import type { DescribeProvisioningParametersOutput } from '@aws-sdk/client-service-catalog';

export interface SnapshotVersion {
  readonly id: string;
  /** Versions made by API may have no name. */
  readonly name?: string;
  readonly description?: string;
  /** false: no longer offered (only a provisioned product already on it may stay). Default true. */
  readonly active?: boolean;
  /** The version's guidance: DEPRECATED versions still work but are not recommended. */
  readonly guidance?: string;
}

export interface SnapshotLaunchPath {
  readonly id: string;
  /** The portfolio's name, as ListLaunchPaths gives it. */
  readonly name?: string;
}

export interface SnapshotProduct {
  readonly id: string;
  readonly name: string;
  /** CLOUD_FORMATION_TEMPLATE, TERRAFORM_OPEN_SOURCE, … */
  readonly type?: string;
  readonly versions: readonly SnapshotVersion[];
  /** The product's launch paths; empty when not read (then a path is not checked). */
  readonly launchPaths: readonly SnapshotLaunchPath[];
}

/** A provisioned product that exists under the spec's name: applying the spec updates it. */
export interface ExistingProvisionedProduct {
  readonly id: string;
  readonly productId?: string;
  readonly versionId?: string;
  /** The parameter keys in use (they can be kept); unknown: the target version's keys are taken as in use. */
  readonly parameterKeys?: readonly string[];
  /** The user's tags (no `aws:` ones) as last read; an update whose tags equal them sends none. */
  readonly tags?: Readonly<Record<string, string>>;
}

export interface CatalogSnapshot {
  readonly products: readonly SnapshotProduct[];
  /** DescribeProvisioningParameters of a version on a path (the default path: undefined); undefined while not read. */
  provisioningParameters(productId: string, versionId: string, pathId: string | undefined): DescribeProvisioningParametersOutput | undefined;
  /** The provisioned product of that name, if there is one. */
  provisionedProduct?(name: string): ExistingProvisionedProduct | undefined;
}

/** A name or id looked up among named things (by id first, then by exact name): found, ambiguous, or neither, with the closest name. */
export interface Lookup<T> {
  readonly found?: T;
  readonly ambiguous?: readonly T[];
  readonly suggestion?: string;
}

export class NamedIndex<T extends { readonly id: string; readonly name?: string }> {
  private readonly byId = new Map<string, T>();
  private readonly byName = new Map<string, T[]>();

  constructor(readonly items: readonly T[]) {
    for (const item of items) {
      this.byId.set(item.id, item);
      if (!item.name) continue;
      const named = this.byName.get(item.name);
      if (named) named.push(item);
      else this.byName.set(item.name, [item]);
    }
  }

  lookup(nameOrId: string, closest: (word: string, candidates: Iterable<string>) => string | undefined): Lookup<T> {
    const byId = this.byId.get(nameOrId);
    if (byId) return { found: byId };
    const named = this.byName.get(nameOrId) ?? [];
    if (named.length === 1) return { found: named[0] };
    if (named.length > 1) return { ambiguous: named };
    const suggestion = closest(nameOrId, this.byName.keys());
    return suggestion === undefined ? {} : { suggestion };
  }

  /** How the file should name an item: by name when it has a unique one, else by id. */
  nameOf(item: T): string {
    return item.name && this.byName.get(item.name)?.length === 1 ? item.name : item.id;
  }
}

/** The facts' lookups, built once per facts object (products by name and id, and each product's versions and paths). */
export interface CatalogIndex {
  readonly products: NamedIndex<SnapshotProduct>;
  versions(product: SnapshotProduct): NamedIndex<SnapshotVersion>;
  launchPaths(product: SnapshotProduct): NamedIndex<SnapshotLaunchPath>;
}

const indexes = new WeakMap<CatalogSnapshot, CatalogIndex>();

export function catalogIndex(facts: CatalogSnapshot): CatalogIndex {
  const known = indexes.get(facts);
  if (known) return known;
  const versions = new Map<SnapshotProduct, NamedIndex<SnapshotVersion>>();
  const paths = new Map<SnapshotProduct, NamedIndex<SnapshotLaunchPath>>();
  const index: CatalogIndex = {
    products: new NamedIndex(facts.products),
    versions: (product) => getOrAdd(versions, product, () => new NamedIndex(product.versions)),
    launchPaths: (product) => getOrAdd(paths, product, () => new NamedIndex(product.launchPaths)),
  };
  indexes.set(facts, index);
  return index;
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const known = map.get(key);
  if (known) return known;
  const made = make();
  map.set(key, made);
  return made;
}

export function isDeprecated(version: SnapshotVersion): boolean {
  return version.guidance === 'DEPRECATED';
}

export function isActive(version: SnapshotVersion): boolean {
  return version.active !== false;
}
