// The provisioned products the view knows, by id: the one place the tree renders from and commands
// and records read from. Keeps each product's object across listings (the tree's identity and
// expansion), merges fresh details into rows, holds the activity shown while an operation runs, and
// says what changed. No vscode import: unit-tested.
import type { ProvisionedProductDetail } from '@aws-sdk/client-service-catalog';
import { ListenerSet, type Subscription } from '../core/records/listeners';
import { mergeDetail, type ProductRow } from '../core/products/productRow';

/** One known product: its row, and the operation started here that runs on it ("Updating…"), if any. */
export interface CachedProduct {
  row: ProductRow;
  activity?: string;
}

/**
 * What changed: some products, or (without `products`) the list itself — products added, removed or
 * replaced. `regroups` says whether the change can move them to another group: 'status' when a status
 * moved (grouping by status), 'any' when the whole row was replaced (names too, so any grouping).
 */
export interface ProductChange<P> {
  readonly products?: P | P[];
  readonly regroups?: 'status' | 'any';
}

/** What commands and records use of the known products. */
export interface KnownProducts<P extends CachedProduct = CachedProduct> {
  /** Every known product, in listing order (a copy). */
  readonly all: P[];
  /** By id, name or ARN. */
  find(idNameOrArn: string): P | undefined;
  /** Applies a freshly read detail to its product, if known. */
  applyDetail(detail: ProvisionedProductDetail): P | undefined;
  /** Shows an activity ("Terminating…") on a product while an operation runs; undefined clears it. */
  setActivity(id: string, activity: string | undefined): void;
}

export class ProductCache<P extends CachedProduct> implements KnownProducts<P> {
  private byId = new Map<string, P>();
  private readonly changes = new ListenerSet<[ProductChange<P>]>();

  /** `make`: the object that stands for a newly listed product (the tree's node). */
  constructor(private readonly make: (row: ProductRow) => P) {}

  onDidChange(listener: (change: ProductChange<P>) => void): Subscription {
    return this.changes.add(listener);
  }

  get size(): number {
    return this.byId.size;
  }

  get all(): P[] {
    return [...this.byId.values()];
  }

  get(id: string): P | undefined {
    return this.byId.get(id);
  }

  find(idNameOrArn: string): P | undefined {
    const key = idNameOrArn.trim();
    for (const product of this.byId.values()) {
      const r = product.row;
      if (r.Id === key || r.Name === key || r.Arn === key) return product;
    }
    return undefined;
  }

  /** Adds the products of a page not known yet (an empty view filling page by page). */
  addNew(rows: readonly ProductRow[]): void {
    for (const row of rows) if (row.Id && !this.byId.has(row.Id)) this.byId.set(row.Id, this.make(row));
    this.changes.emit({});
  }

  /**
   * Puts a whole listing in place. The object of an id already known is kept (so expansion and
   * identity survive), with its detail while its status has not moved.
   */
  replace(rows: readonly ProductRow[]): void {
    const next = new Map<string, P>();
    for (const row of rows) {
      if (!row.Id) continue;
      const existing = this.byId.get(row.Id);
      if (existing) {
        const keepDetail = existing.row.detailLoaded && existing.row.Status === row.Status;
        existing.row = keepDetail ? { ...row, LaunchRoleArn: existing.row.LaunchRoleArn, detailLoaded: true } : row;
        next.set(row.Id, existing);
      } else {
        next.set(row.Id, this.make(row));
      }
    }
    this.byId = next;
    this.changes.emit({});
  }

  remove(id: string): void {
    if (this.byId.delete(id)) this.changes.emit({});
  }

  clear(): void {
    this.byId.clear();
    this.changes.emit({});
  }

  applyDetail(detail: ProvisionedProductDetail): P | undefined {
    const product = detail.Id ? this.byId.get(detail.Id) : undefined;
    if (!product) return undefined;
    const statusBefore = product.row.Status;
    product.row = mergeDetail(product.row, detail);
    this.changes.emit(statusBefore !== product.row.Status ? { products: product, regroups: 'status' } : { products: product });
    return product;
  }

  /**
   * Details read in bulk (the launch-role sweep), for products still without one. A product whose
   * version changed since the listing is left alone: the detail has no names, the next listing brings them.
   */
  fillDetails(details: readonly ProvisionedProductDetail[]): void {
    const updated: P[] = [];
    let statusMoved = false;
    for (const detail of details) {
      const product = detail.Id ? this.byId.get(detail.Id) : undefined;
      if (!product || product.row.detailLoaded || detail.ProvisioningArtifactId !== product.row.ProvisioningArtifactId) continue;
      statusMoved ||= detail.Status !== product.row.Status;
      product.row = mergeDetail(product.row, detail);
      updated.push(product);
    }
    if (updated.length) this.changes.emit(statusMoved ? { products: updated, regroups: 'status' } : { products: updated });
  }

  /** A detail read while the product's item is being shown (its tooltip): said only when its status moved. */
  fillDetail(product: P, detail: ProvisionedProductDetail): void {
    const statusBefore = product.row.Status;
    product.row = mergeDetail(product.row, detail);
    if (product.row.Status !== statusBefore) this.changes.emit({ products: product, regroups: 'status' });
  }

  /** Puts a whole attribute (with names) in place of a product's row, e.g. after its version changed. */
  applyRow(row: ProductRow): void {
    const product = row.Id ? this.byId.get(row.Id) : undefined;
    if (!product) return;
    product.row = { ...row, LaunchRoleArn: product.row.LaunchRoleArn, detailLoaded: product.row.detailLoaded };
    this.changes.emit({ products: product, regroups: 'any' });
  }

  setActivity(id: string, activity: string | undefined): void {
    const product = this.byId.get(id);
    if (!product) return;
    product.activity = activity;
    this.changes.emit({ products: product });
  }
}
