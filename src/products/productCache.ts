// The provisioned products the view knows, by id: the one place the tree renders from and commands
// and records read from. Keeps each product's object across listings (the tree's identity and
// expansion), merges fresh details into rows, holds the activity shown while an operation runs, and
// says what changed. No vscode import: unit-tested.
import type { ProvisionedProductDetail } from '@aws-sdk/client-service-catalog';
import { ListenerSet, type Subscription } from '../core/records/listeners';
import { mergeDetail, type ProductRow } from '../core/products/productRow';
import { BUSY_PRODUCT_STATUSES } from '../core/statuses';

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
  /** Which of these objects are still the products known (a view's selection can outlive them). */
  stillKnown(products: readonly P[]): { readonly known: P[]; readonly gone: P[] };
  /** Applies a freshly read detail to its product, if known. */
  applyDetail(detail: ProvisionedProductDetail): P | undefined;
  /**
   * A product read with DescribeProvisionedProduct that the tree must show at once (just provisioned:
   * SearchProvisionedProducts may not list it yet), with the names the detail lacks.
   */
  know(detail: ProvisionedProductDetail, names?: Pick<ProductRow, 'ProductName' | 'ProvisioningArtifactName'>): P | undefined;
  /** Shows an activity ("Terminating…") on a product while an operation runs; undefined clears it. */
  setActivity(id: string, activity: string | undefined): void;
  /** Forgets a product the service no longer knows. */
  remove(id: string): void;
  /**
   * While an operation followed here runs on a product, a listing or detail that would settle it (a
   * new settled status, or its absence) is kept back and `onNews` is told, so the operation reports
   * the end first: the tree, the output and the notification then change together.
   */
  hold(id: string, holder: string, onNews: () => void): void;
  /**
   * Ends `holder`'s hold (each operation holds its own: two records may run on one product); the
   * last one to end puts in place what was kept back (the latest row, or the product's removal).
   */
  release(id: string, holder: string): void;
  /** Runs `change` and announces what it changed once, at the end. */
  batch(change: () => void): void;
}

/**
 * How long a removed product stays out of listings. Provisioned-product ids are never reused, so a
 * row with a departed id is a lagging index (Search lists a terminated product for a while), whenever
 * its listing began.
 */
const DEPARTED_KEPT_MS = 10 * 60_000;

/** What a hold kept back: the newest row or detail, or that the product left the listing. */
type KeptBack = { readonly row: ProductRow } | { readonly detail: ProvisionedProductDetail } | 'gone';

interface Hold {
  /** Each holder (a record id) and whom to tell of its product's news. */
  readonly holders: Map<string, () => void>;
  kept?: KeptBack;
  /** When news was first kept back: a hold whose operation never reports lets it through after a while. */
  keptSinceMs?: number;
}

/** Longest the tree waits for an operation to report an end the service already shows (a few round trips). */
const HOLD_MAX_MS = 30_000;

/**
 * How long what DescribeProvisionedProduct said of a product outranks a SearchProvisionedProducts row
 * that disagrees. Search's index lags writes by seconds (awslabs/aws-service-catalog-puppet#284 moved to
 * ScanProvisionedProducts for that reason: a just-provisioned product is not listed yet,
 * a just-ended operation still shows its old status); a lagging index is not the service saying the
 * old state is current. Past this bound the listing wins again: the product may have changed since
 * (someone else's operation), and a Search row is then the newest word the tree has.
 */
export const SEARCH_LAG_TRUST_MS = 60_000;

/** What DescribeProvisionedProduct said of a product, and when it was read. */
interface Described {
  readonly detail: ProvisionedProductDetail;
  readonly atMs: number;
}

/**
 * Whether a Search row has caught up with a detail read before: it names the same last record, and
 * its status is the detail's or later (a busy detail whose operation the row shows ended).
 */
function listingCaughtUp(row: ProductRow, detail: ProvisionedProductDetail): boolean {
  if (row.LastRecordId !== detail.LastRecordId) return false;
  return row.Status === detail.Status || BUSY_PRODUCT_STATUSES.has(detail.Status ?? '');
}

export class ProductCache<P extends CachedProduct> implements KnownProducts<P> {
  private byId = new Map<string, P>();
  private readonly changes = new ListenerSet<[ProductChange<P>]>();
  private readonly holds = new Map<string, Hold>();
  /** When each product was removed: a listing read before then must not bring it back. */
  private readonly departed = new Map<string, number>();
  /** The last detail read of each product, while a lagging listing may still disagree with it. */
  private readonly described = new Map<string, Described>();
  /** Products known from a detail only (just provisioned) that no listing has shown yet. */
  private readonly notYetListed = new Set<string>();
  private batching = 0;
  private batched = false;

  /** `make`: the object that stands for a newly listed product (the tree's node). */
  constructor(private readonly make: (row: ProductRow) => P) {}

  private emit(change: ProductChange<P>): void {
    if (this.batching) this.batched = true;
    else this.changes.emit(change);
  }

  batch(change: () => void): void {
    this.batching++;
    try {
      change();
    } finally {
      this.batching--;
      if (!this.batching && this.batched) {
        this.batched = false;
        this.changes.emit({});
      }
    }
  }

  hold(id: string, holder: string, onNews: () => void): void {
    const hold = this.holds.get(id);
    if (hold) hold.holders.set(holder, onNews);
    else this.holds.set(id, { holders: new Map([[holder, onNews]]) });
  }

  release(id: string, holder: string): void {
    const hold = this.holds.get(id);
    if (!hold?.holders.delete(holder) || hold.holders.size) return;
    this.holds.delete(id);
    const kept = hold.kept;
    if (kept === undefined) return;
    if (kept === 'gone') this.remove(id);
    else if ('row' in kept) {
      const existing = this.byId.get(id);
      if (existing) existing.row = { ...kept.row, LaunchRoleArn: existing.row.LaunchRoleArn };
      else this.byId.set(id, this.make(kept.row));
      this.emit({});
    } else this.applyDetail(kept.detail);
  }

  /** Whether a held product's news is kept back (and its operation told); `status` undefined: it left the listing. */
  private keptBack(id: string, news: KeptBack, status: string | undefined): boolean {
    const hold = this.holds.get(id);
    if (!hold) return false;
    const current = this.byId.get(id)?.row.Status;
    const settles = news === 'gone' ? this.byId.has(id) : status !== current && !BUSY_PRODUCT_STATUSES.has(status ?? '');
    if (!settles) return false;
    hold.keptSinceMs ??= Date.now();
    if (Date.now() - hold.keptSinceMs > HOLD_MAX_MS) {
      this.holds.delete(id); // the service's word wins
      return false;
    }
    hold.kept = news;
    for (const onNews of hold.holders.values()) onNews();
    return true;
  }

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

  /**
   * Which of these objects (a view's selection, kept by the editor) are still the products known, and
   * which are gone: terminated, no longer listed, or of an earlier connection.
   */
  stillKnown(products: readonly P[]): { readonly known: P[]; readonly gone: P[] } {
    const isKnown = (p: P) => !!p.row.Id && this.byId.get(p.row.Id) === p;
    return { known: products.filter(isKnown), gone: products.filter((p) => !isKnown(p)) };
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
    for (const row of rows) if (row.Id && !this.byId.has(row.Id) && !this.hasDeparted(row.Id)) this.byId.set(row.Id, this.make(row));
    this.emit({});
  }

  /**
   * Puts a whole listing in place. The object of an id already known is kept (so expansion and
   * identity survive), with its detail while its status has not moved. A product removed here (a
   * terminate that ended) is not brought back by a lagging row, whenever the listing began
   * (`_readSinceMs`, kept for callers).
   * A new product Search has not indexed yet is kept until the lag bound, by a filtered listing
   * (`filter`: its text) only when its name or id holds that text.
   * Returns the products whose row names another last record than the detail read of them: not
   * necessarily older (someone else's operation may have followed), so the caller describes each
   * once more and applies that detail; the detail stays until then.
   */
  replace(rows: readonly ProductRow[], _readSinceMs?: number, { filter = '' }: { readonly filter?: string } = {}): string[] {
    const next = new Map<string, P>();
    const toRedescribe: string[] = [];
    for (const [id, at] of this.departed) if (Date.now() - at > DEPARTED_KEPT_MS) this.departed.delete(id);
    const listed = new Set<string>();
    for (const row of rows) {
      if (!row.Id || this.hasDeparted(row.Id)) continue;
      listed.add(row.Id);
      this.notYetListed.delete(row.Id);
      const existing = this.byId.get(row.Id);
      if (existing && this.listingLags(row)) {
        if (row.LastRecordId !== this.described.get(row.Id)?.detail.LastRecordId) toRedescribe.push(row.Id);
        next.set(row.Id, existing);
        continue;
      }
      if (this.keptBack(row.Id, { row }, row.Status)) {
        if (existing) next.set(row.Id, existing);
        continue;
      }
      if (existing) {
        const keepDetail = existing.row.detailLoaded && existing.row.Status === row.Status;
        existing.row = keepDetail ? { ...row, LaunchRoleArn: existing.row.LaunchRoleArn, detailLoaded: true } : row;
        next.set(row.Id, existing);
      } else {
        next.set(row.Id, this.make(row));
      }
    }
    for (const [id, existing] of this.byId) {
      if (next.has(id) || listed.has(id)) continue;
      // Described but not listed yet (a new product Search has not indexed): kept while the lag is
      // believable, through a filtered listing too when its name or id holds the filter's text.
      const keepNew = this.notYetListed.has(id) && matchesLocally(existing.row, filter) && this.describedRecently(id);
      if (keepNew || this.keptBack(id, 'gone', undefined)) next.set(id, existing);
      else this.notYetListed.delete(id);
    }
    this.byId = next;
    this.emit({});
    return toRedescribe;
  }

  /** Whether the product was removed less than DEPARTED_KEPT_MS ago. */
  private hasDeparted(id: string): boolean {
    const at = this.departed.get(id);
    if (at !== undefined && Date.now() - at > DEPARTED_KEPT_MS) this.departed.delete(id);
    return this.departed.has(id);
  }

  remove(id: string): void {
    if (this.keptBack(id, 'gone', undefined)) return;
    this.described.delete(id);
    this.notYetListed.delete(id);
    if (!this.byId.delete(id)) return;
    this.departed.set(id, Date.now());
    this.emit({});
  }

  clear(): void {
    this.holds.clear();
    this.described.clear();
    this.notYetListed.clear();
    this.byId.clear();
    this.emit({});
  }

  /** A Search row that disagrees with a detail read less than SEARCH_LAG_TRUST_MS ago (the index lags); the detail stays. */
  private listingLags(row: ProductRow): boolean {
    const described = row.Id ? this.described.get(row.Id) : undefined;
    if (!described) return false;
    if (Date.now() - described.atMs > SEARCH_LAG_TRUST_MS || listingCaughtUp(row, described.detail)) {
      this.described.delete(row.Id!);
      return false;
    }
    return true;
  }

  private describedRecently(id: string): boolean {
    const described = this.described.get(id);
    if (described && Date.now() - described.atMs > SEARCH_LAG_TRUST_MS) this.described.delete(id);
    return this.described.has(id);
  }

  private noteDescribed(detail: ProvisionedProductDetail): void {
    if (detail.Id) this.described.set(detail.Id, { detail, atMs: Date.now() });
  }

  know(detail: ProvisionedProductDetail, names: Pick<ProductRow, 'ProductName' | 'ProvisioningArtifactName'> = {}): P | undefined {
    if (!detail.Id) return undefined;
    if (this.byId.has(detail.Id)) return this.applyDetail(detail);
    this.departed.delete(detail.Id);
    this.noteDescribed(detail);
    this.notYetListed.add(detail.Id);
    const product = this.make(rowFromDetail(detail, names));
    this.byId.set(detail.Id, product);
    this.emit({});
    return product;
  }

  applyDetail(detail: ProvisionedProductDetail): P | undefined {
    const product = detail.Id ? this.byId.get(detail.Id) : undefined;
    if (product) this.noteDescribed(detail);
    if (!product || this.keptBack(detail.Id!, { detail }, detail.Status)) return product;
    const statusBefore = product.row.Status;
    product.row = mergeDetail(product.row, detail);
    this.emit(statusBefore !== product.row.Status ? { products: product, regroups: 'status' } : { products: product });
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
      if (this.keptBack(detail.Id!, { detail }, detail.Status)) continue;
      statusMoved ||= detail.Status !== product.row.Status;
      product.row = mergeDetail(product.row, detail);
      updated.push(product);
    }
    if (updated.length) this.emit(statusMoved ? { products: updated, regroups: 'status' } : { products: updated });
  }

  /** A detail read while the product's item is being shown (its tooltip): said only when its status moved. */
  fillDetail(product: P, detail: ProvisionedProductDetail): void {
    this.noteDescribed(detail);
    if (product.row.Id && this.keptBack(product.row.Id, { detail }, detail.Status)) return;
    const statusBefore = product.row.Status;
    product.row = mergeDetail(product.row, detail);
    if (product.row.Status !== statusBefore) this.emit({ products: product, regroups: 'status' });
  }

  /** Puts a whole attribute (with names) in place of a product's row, e.g. after its version changed. */
  applyRow(row: ProductRow): void {
    const product = row.Id ? this.byId.get(row.Id) : undefined;
    if (!product || this.listingLags(row) || this.keptBack(row.Id!, { row }, row.Status)) return;
    product.row = { ...row, LaunchRoleArn: product.row.LaunchRoleArn, detailLoaded: product.row.detailLoaded };
    this.emit({ products: product, regroups: 'any' });
  }

  setActivity(id: string, activity: string | undefined): void {
    const product = this.byId.get(id);
    if (!product) return;
    product.activity = activity;
    this.emit({ products: product });
  }
}

/**
 * A row from a detail alone: its ids, status and records, the names the caller read, and no tags
 * (only SearchProvisionedProducts has them: marked to be read), nothing else made up.
 */
function rowFromDetail(detail: ProvisionedProductDetail, names: Pick<ProductRow, 'ProductName' | 'ProvisioningArtifactName'>): ProductRow {
  const row: ProductRow = {
    Id: detail.Id, Name: detail.Name, Arn: detail.Arn, Type: detail.Type, Status: detail.Status, StatusMessage: detail.StatusMessage,
    CreatedTime: detail.CreatedTime, IdempotencyToken: detail.IdempotencyToken, LastRecordId: detail.LastRecordId,
    LastProvisioningRecordId: detail.LastProvisioningRecordId, LastSuccessfulProvisioningRecordId: detail.LastSuccessfulProvisioningRecordId,
    ProductId: detail.ProductId, ProvisioningArtifactId: detail.ProvisioningArtifactId,
    ProductName: names.ProductName, ProvisioningArtifactName: names.ProvisioningArtifactName,
    LaunchRoleArn: detail.LaunchRoleArn, detailLoaded: true, tagsOutdated: true,
  };
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined));
}

/** Whether a product's name or id holds a filter's text (case aside); no filter: yes. */
function matchesLocally(row: ProductRow, filter: string): boolean {
  const text = filter.trim().toLowerCase();
  return !text || [row.Name, row.Id].some((v) => v?.toLowerCase().includes(text));
}
