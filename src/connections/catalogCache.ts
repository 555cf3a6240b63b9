// The end user's catalog reads, cached per connection and shared by everything that reads the catalog:
// the forms (product picker, versions, paths, parameters), the plans and action panels, record
// documents (names) and the spec files' checks and completions (through CatalogFacts). Only end-user
// calls: SearchProducts (not SearchProductsAsAdmin), DescribeProduct (not ListProvisioningArtifacts),
// ListLaunchPaths, DescribeProvisioningParameters.
//
// - Callers at the same time share one read; a failed read is not kept (the next look reads again).
// - A read is kept CATALOG_MAX_AGE_MS (5 minutes) from its answer, then read again on the next look:
//   an admin's new version, retired version or new constraint shows within that, without a call per
//   keystroke in a spec file. Short enough that nothing shown as current is much older than a form
//   left open for a coffee; long enough that a file's diagnostics and a form opened next reuse it.
// - Refresh (the Refresh Catalog command, a form's Reload) drops everything the connection read.
// - One cache per connection: keyed by the connection's reader (one ProvisioningService per
//   CatalogApi), so a new connection starts empty and the old one's entries go with it.
// No vscode import (unit-tested in Node against the sandbox).
import type {
  DescribeProductOutput, DescribeProvisioningParametersOutput, LaunchPathSummary, ProductViewSummary,
} from '@aws-sdk/client-service-catalog';
import type { ParametersTarget } from '../aws/provisioningService';
import {
  CATALOG_MAX_AGE_MS, type CatalogFacts, type CatalogLaunchPath, type CatalogProduct, type ProductFacts,
} from '../core/catalog/catalogFacts';

export type { ProductFacts } from '../core/catalog/catalogFacts';

/** A connection's catalog calls (ProvisioningService); the object itself stands for the connection. */
export interface CatalogReader {
  /** SearchProducts, every page, by title. */
  listProducts(): Promise<readonly ProductViewSummary[]>;
  /** SearchProducts' first page for a query (the picker's search as you type). */
  searchProducts(query: string): Promise<readonly ProductViewSummary[]>;
  describeProduct(productId: string): Promise<DescribeProductOutput>;
  listLaunchPaths(productId: string): Promise<readonly LaunchPathSummary[]>;
  describeProvisioningParameters(target: ParametersTarget): Promise<DescribeProvisioningParametersOutput>;
}

export interface CatalogCacheOptions {
  readonly maxAgeMs?: number;
  /** Milliseconds, as Date.now (tests move it). */
  readonly now?: () => number;
  readonly warn?: (message: string) => void;
}

/** The picker's search without a query shows this many products (SearchProducts' first page, as before the cache). */
const FIRST_PAGE = 50;
/** Distinct search queries kept per connection (search as you type makes many); the oldest go first. */
const MAX_SEARCHES = 100;

export class CatalogCache {
  private readonly byConnection = new WeakMap<CatalogReader, ConnectionCatalog>();
  private readonly listeners = new Set<(reader: CatalogReader) => void>();
  private readonly options: Required<CatalogCacheOptions>;

  constructor(options: CatalogCacheOptions = {}) {
    this.options = { maxAgeMs: CATALOG_MAX_AGE_MS, now: Date.now, warn: () => {}, ...options };
  }

  /** The catalog of the reader's connection. */
  of(reader: CatalogReader): ConnectionCatalog {
    let catalog = this.byConnection.get(reader);
    if (!catalog) this.byConnection.set(reader, (catalog = new ConnectionCatalog(reader, this.options)));
    return catalog;
  }

  /** Everything the connection read is read again on its next look; listeners (spec files) check again. */
  refresh(reader: CatalogReader): void {
    this.byConnection.get(reader)?.drop();
    for (const listener of this.listeners) listener(reader);
  }

  /** Told after each refresh, with the connection refreshed. */
  onDidRefresh(listener: (reader: CatalogReader) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}

/** One connection's catalog: SDK shapes for the forms, CatalogFacts for pure code. */
export class ConnectionCatalog implements CatalogFacts {
  private readonly listing: TimedReads<readonly ProductViewSummary[]>;
  private readonly searches: TimedReads<readonly ProductViewSummary[]>;
  private readonly described: TimedReads<ProductFacts>;
  private readonly paths: TimedReads<readonly LaunchPathSummary[]>;
  private readonly parameters: TimedReads<DescribeProvisioningParametersOutput>;

  constructor(
    private readonly reader: CatalogReader,
    private readonly options: Required<CatalogCacheOptions>,
  ) {
    const reads = <T>(maxEntries?: number) => new TimedReads<T>(options.maxAgeMs, options.now, maxEntries);
    [this.listing, this.searches, this.described, this.paths, this.parameters] = [reads(), reads(MAX_SEARCHES), reads(), reads(), reads()];
  }

  /** Every product the user can launch, as SearchProducts gives them. */
  productSummaries(): Promise<readonly ProductViewSummary[]> {
    return this.listing.get('', () => this.reader.listProducts());
  }

  /**
   * The picker's products for a query: SearchProducts' own full-text search (the service's matching,
   * not ours), one read per query. No query: the listing's first products when it is read already.
   */
  searchProducts(query: string): Promise<readonly ProductViewSummary[]> {
    const text = query.trim();
    const listed = text ? undefined : this.listing.peek('');
    if (listed) return listed.then((products) => products.slice(0, FIRST_PAGE));
    return this.searches.get(text, () => this.reader.searchProducts(text));
  }

  /** DescribeProduct's facts; rejects when the read fails. */
  product(productId: string): Promise<ProductFacts> {
    return this.described.get(productId, () => this.reader.describeProduct(productId).then(productFacts));
  }

  /** The names of a product, its versions and paths; undefined (and a warning) when they cannot be read: callers say ids rather than guess. */
  productFacts(productId: string): Promise<ProductFacts | undefined> {
    return this.product(productId).catch((error: unknown) => {
      this.options.warn(`Could not read the names of product ${productId}: ${(error as Error)?.message ?? String(error)}`);
      return undefined;
    });
  }

  launchPathSummaries(productId: string): Promise<readonly LaunchPathSummary[]> {
    return this.paths.get(productId, () => this.reader.listLaunchPaths(productId));
  }

  provisioningParameters(productId: string, versionId: string, pathId?: string): Promise<DescribeProvisioningParametersOutput> {
    const target = { productId, provisioningArtifactId: versionId, ...(pathId ? { pathId } : {}) };
    return this.parameters.get(JSON.stringify([productId, versionId, pathId ?? '']), () => this.reader.describeProvisioningParameters(target));
  }

  async products(): Promise<readonly CatalogProduct[]> {
    return (await this.productSummaries()).filter((p) => p.ProductId && p.Name).map(catalogProduct);
  }

  async launchPaths(productId: string): Promise<readonly CatalogLaunchPath[]> {
    return (await this.launchPathSummaries(productId))
      .filter((p) => p.Id)
      .map((p) => ({
        id: p.Id!,
        ...(p.Name ? { name: p.Name } : {}),
        constraintTypes: (p.ConstraintSummaries ?? []).map((c) => c.Type).filter((t): t is string => !!t),
      }));
  }

  /** Forgets every read (the next look reads again). */
  drop(): void {
    for (const reads of [this.listing, this.searches, this.described, this.paths, this.parameters]) reads.clear();
  }
}

/**
 * Reads by key: callers at the same time share one, an answer is kept `maxAgeMs` from when it came,
 * a failure is not kept. A read started after clear() stays when an older one then fails.
 */
class TimedReads<T> {
  private readonly entries = new Map<string, { readonly value: Promise<T>; answeredAt?: number }>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly now: () => number,
    private readonly maxEntries = Infinity,
  ) {}

  get(key: string, read: () => Promise<T>): Promise<T> {
    const kept = this.peek(key);
    if (kept) return kept;
    const entry: { value: Promise<T>; answeredAt?: number } = { value: Promise.resolve().then(read) };
    entry.value.then(
      () => (entry.answeredAt = this.now()),
      () => this.entries.get(key) === entry && this.entries.delete(key),
    );
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry.value;
  }

  /** The read kept for the key (answered or under way) while not too old. */
  peek(key: string): Promise<T> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.answeredAt !== undefined && this.now() - entry.answeredAt >= this.maxAgeMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  clear(): void {
    this.entries.clear();
  }
}

function productFacts(out: DescribeProductOutput): ProductFacts {
  const named = (items: readonly { Id?: string; Name?: string }[] | undefined) =>
    new Map((items ?? []).filter((i) => i.Id && i.Name).map((i) => [i.Id!, i.Name!]));
  return {
    ...(out.ProductViewSummary?.Name ? { name: out.ProductViewSummary.Name } : {}),
    ...(out.ProductViewSummary?.Type ? { type: out.ProductViewSummary.Type } : {}),
    artifacts: out.ProvisioningArtifacts ?? [],
    versions: named(out.ProvisioningArtifacts),
    launchPaths: named(out.LaunchPaths),
  };
}

function catalogProduct(p: ProductViewSummary): CatalogProduct {
  return {
    id: p.ProductId!,
    name: p.Name!,
    ...(p.Type ? { type: p.Type } : {}),
    ...(p.Owner ? { owner: p.Owner } : {}),
    ...(p.ShortDescription ? { shortDescription: p.ShortDescription } : {}),
    ...(p.Distributor ? { distributor: p.Distributor } : {}),
  };
}
