// The live catalog as a spec file's checks need it: reads (cached per connection by the catalog cache)
// only the products, versions, paths and parameters the file names, and hands validation a synchronous
// CatalogSnapshot. Told when the connection changes or its catalog is refreshed, so open files check again.
import * as vscode from 'vscode';
import type { CatalogFacts } from '../core/catalog/catalogFacts';
import {
  userTags, validateSpec, type CatalogSnapshot, type ExistingProvisionedProduct, type ParsedSpec, type SnapshotProduct,
} from '../core/specs';
import type { DescribeProvisioningParametersOutput } from '@aws-sdk/client-service-catalog';
import type { KnownProducts } from '../products/productCache';

/** Where the catalog comes from: the session's current connection (undefined unless connected). */
export interface SpecCatalogSources {
  catalogFacts(): CatalogFacts | undefined;
  /** The tree's provisioned products (applying a spec whose name exists updates it). */
  readonly products?: Pick<KnownProducts, 'find'>;
  /** Fired when the connection changes or its catalog is refreshed. */
  readonly onDidChangeCatalog: vscode.Event<unknown>;
}

/** Why live checks are off: not connected, or the catalog could not be read. */
export class CatalogUnavailable extends Error {}

/** Rounds of DescribeProvisioningParameters reads: a validation can ask for parameters only once its target resolves. */
const MAX_PARAMETER_ROUNDS = 3;

export class SpecCatalog implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly sources: SpecCatalogSources) {
    this.subscription = sources.onDidChangeCatalog(() => this.changed.fire());
  }

  /** The snapshot the spec needs: rejects with CatalogUnavailable when there is no connection or the listing fails. */
  async snapshotFor(parsed: ParsedSpec): Promise<CatalogSnapshot> {
    const facts = this.sources.catalogFacts();
    if (!facts) throw new CatalogUnavailable('Not connected: connect to check products, versions and parameters against the catalog.');
    const listed = await facts.products().catch((error: unknown) => {
      throw new CatalogUnavailable(`The catalog could not be read (${messageOf(error)}): products, versions and parameters are not checked.`);
    });
    const named = namedProducts(parsed);
    const products = await Promise.all(listed.map((product) =>
      named.has(product.id) || named.has(product.name) ? readProduct(facts, product) : Promise.resolve(unread(product))));
    const parameters = new Map<string, DescribeProvisioningParametersOutput>();
    const snapshot: CatalogSnapshot = {
      products: products.filter((p): p is SnapshotProduct => p !== undefined),
      provisioningParameters: (productId, versionId, pathId) => parameters.get(parametersKey(productId, versionId, pathId)),
      provisionedProduct: (name) => this.provisionedProduct(name),
    };
    for (let round = 0; round < MAX_PARAMETER_ROUNDS; round++) {
      const pending = validateSpec(parsed, snapshot).pending.filter((p) => !parameters.has(parametersKey(p.productId, p.versionId, p.pathId)));
      if (pending.length === 0) break;
      await Promise.all(pending.map(async ({ productId, versionId, pathId }) => {
        // A failed read leaves the version's parameters unchecked (it is read again next time).
        const output = await facts.provisioningParameters(productId, versionId, pathId).catch(() => undefined);
        if (output) parameters.set(parametersKey(productId, versionId, pathId), output);
      }));
      if (pending.every((p) => !parameters.has(parametersKey(p.productId, p.versionId, p.pathId)))) break;
    }
    return snapshot;
  }

  private provisionedProduct(name: string): ExistingProvisionedProduct | undefined {
    const row = this.sources.products?.find(name)?.row;
    if (!row?.Id || row.Name !== name) return undefined;
    const tags = row.Tags && !row.tagsOutdated ? userTags(row.Tags) : undefined;
    return {
      id: row.Id,
      ...(row.ProductId ? { productId: row.ProductId } : {}),
      ...(row.ProvisioningArtifactId ? { versionId: row.ProvisioningArtifactId } : {}),
      ...(tags ? { tags } : {}),
    };
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** The product names and ids the spec writes (only those are described). */
function namedProducts(parsed: ParsedSpec): Set<string> {
  return new Set(parsed.products.flatMap((p) => (p.product ? [p.product.value] : [])));
}

function unread(product: { id: string; name: string; type?: string }): SnapshotProduct {
  return { id: product.id, name: product.name, ...(product.type ? { type: product.type } : {}), versions: [], launchPaths: [] };
}

/** DescribeProduct and ListLaunchPaths of a named product; a product the user cannot describe is left out. */
async function readProduct(facts: CatalogFacts, product: { id: string; name: string; type?: string }): Promise<SnapshotProduct | undefined> {
  const [described, paths] = await Promise.all([
    facts.product(product.id).catch(() => undefined),
    facts.launchPaths(product.id).catch(() => []),
  ]);
  if (!described) return undefined;
  return {
    ...unread(product),
    versions: described.artifacts.flatMap((a) => (a.Id ? [{
      id: a.Id,
      ...(a.Name ? { name: a.Name } : {}),
      ...(a.Description ? { description: a.Description } : {}),
      ...(a.Guidance ? { guidance: a.Guidance } : {}),
    }] : [])),
    launchPaths: paths.map((p) => ({ id: p.id, ...(p.name ? { name: p.name } : {}) })),
  };
}

function parametersKey(productId: string, versionId: string, pathId: string | undefined): string {
  return `${productId}\n${versionId}\n${pathId ?? ''}`;
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** What the spec files' catalog reads of the session: its connection's catalog, told of connection changes and catalog refreshes. */
export interface SessionCatalog {
  readonly catalogFacts: CatalogFacts | undefined;
  readonly onDidChange: vscode.Event<unknown>;
  readonly catalog: { onDidRefresh(listener: () => void): vscode.Disposable };
}

/** The tree's products, told when they change (a provision, an update, a refresh). */
export type WatchedProducts = Pick<KnownProducts, 'find'> & { onDidChange(listener: () => void): vscode.Disposable };

/**
 * The spec files' catalog of the session's current connection. It tells of connection changes, catalog
 * refreshes and changes of the tree's products: which names exist decides whether a spec provisions or
 * updates, and so which form its values are checked against.
 */
export function specCatalogOfSession(session: SessionCatalog, products?: WatchedProducts): SpecCatalog {
  const onDidChangeCatalog: vscode.Event<unknown> = (listener, thisArgs, disposables) => {
    const tell = () => void listener.call(thisArgs, undefined);
    const subscriptions = [session.onDidChange(listener, thisArgs), session.catalog.onDidRefresh(tell), ...(products ? [products.onDidChange(tell)] : [])];
    const subscription = { dispose: () => subscriptions.forEach((s) => void s.dispose()) };
    disposables?.push(subscription);
    return subscription;
  };
  return new SpecCatalog({ catalogFacts: () => session.catalogFacts, ...(products ? { products } : {}), onDidChangeCatalog });
}
