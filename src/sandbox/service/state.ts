// CatalogState wraps the JSON-safe CatalogData with the indexes that keep lookups O(1)
// (names of live provisioned products, each product's records, unfinished records and plans). Indexes are rebuilt
// from the data on restore, so they never need to be snapshotted. Every read by id goes through
// here, with own-property lookups (ids come from clients).
import { lookup } from './dictionary';
import { SearchIndex } from './searchIndex';
import type { Artifact, CatalogData, IdempotencyEntry, PlanData, Portfolio, Product, ProvisionedProduct, RecordData, ServiceAction } from './types';

export class CatalogState {
  private readonly liveNames = new Map<string, string>();
  private readonly productsById = new Map<string, Product>();
  private readonly productsByViewId = new Map<string, Product>();
  /** Records not yet settled: the only ones time can still change. */
  readonly pendingRecords = new Set<string>();
  /** Plans still being created. */
  readonly pendingPlans = new Set<string>();
  /** Each provisioned product's record ids, oldest first (its stack is derived from them). */
  private readonly recordIdsByProduct = new Map<string, string[]>();
  /** What SearchProvisionedProducts sees: the state as it was searchLagMs ago. */
  readonly searchIndex = new SearchIndex();

  constructor(readonly data: CatalogData) {
    for (const product of data.products) {
      this.productsById.set(product.id, product);
      this.productsByViewId.set(product.viewId, product);
    }
    for (const pp of this.liveProvisionedProducts()) this.liveNames.set(pp.name, pp.id);
    for (const id of data.recordOrder) {
      const record = this.record(id);
      if (record) this.indexRecord(record);
    }
    for (const plan of this.plansInOrder()) if (plan.status === 'CREATE_IN_PROGRESS') this.pendingPlans.add(plan.id);
  }

  /** A new id like AWS's: prefix-<13 lowercase alphanumerics>, deterministic from a serial number. */
  newId(prefix: string): string {
    for (;;) {
      const id = `${prefix}-${scramble(++this.data.serial)}`;
      if (!this.record(id) && !this.provisionedProduct(id) && !this.plan(id)) return id;
    }
  }

  product(id: string): Product | undefined { return this.productsById.get(id); }
  productByViewId(viewId: string): Product | undefined { return this.productsByViewId.get(viewId); }
  productByName(name: string): Product | undefined { return this.data.products.find((p) => p.name === name); }
  portfolio(id: string): Portfolio | undefined { return this.data.portfolios.find((p) => p.id === id); }
  portfolioByPathId(pathId: string): Portfolio | undefined { return this.data.portfolios.find((p) => p.pathId === pathId); }
  serviceAction(id: string): ServiceAction | undefined { return this.data.serviceActions.find((a) => a.id === id); }
  artifact(product: Product, id: string): Artifact | undefined { return product.artifacts.find((a) => a.id === id); }

  /** A provisioned product, terminated ones included (their records and plans refer to them). */
  provisionedProduct(id: string): ProvisionedProduct | undefined { return lookup(this.data.provisionedProducts, id); }
  /** A provisioned product that has not been terminated. */
  liveProvisionedProduct(id: string): ProvisionedProduct | undefined {
    const pp = this.provisionedProduct(id);
    return pp && !pp.terminated ? pp : undefined;
  }
  liveProvisionedProductByName(name: string): ProvisionedProduct | undefined {
    const id = this.liveNames.get(name);
    return id ? this.provisionedProduct(id) : undefined;
  }
  *liveProvisionedProducts(): Iterable<ProvisionedProduct> {
    for (const id of this.data.provisionedProductOrder) {
      const pp = this.provisionedProduct(id);
      if (pp && !pp.terminated) yield pp;
    }
  }

  /** The live provisioned products as SearchProvisionedProducts sees them at `now` (see SearchIndex). */
  searchableProvisionedProducts(now: number): Iterable<ProvisionedProduct> {
    return this.searchIndex.visible(this.data.provisionedProductOrder, (id) => this.liveProvisionedProduct(id), now);
  }

  addProvisionedProduct(pp: ProvisionedProduct): void {
    this.data.provisionedProducts[pp.id] = pp;
    this.data.provisionedProductOrder.push(pp.id);
    this.liveNames.set(pp.name, pp.id);
  }
  /** Terminated products stay in the data (their records refer to them) but leave every listing. */
  markTerminated(pp: ProvisionedProduct): void {
    pp.terminated = true;
    if (this.liveNames.get(pp.name) === pp.id) this.liveNames.delete(pp.name);
  }
  /** A plan for a new product that is deleted unexecuted: its placeholder never existed. */
  removeProvisionedProduct(pp: ProvisionedProduct): void {
    this.markTerminated(pp);
    delete this.data.provisionedProducts[pp.id];
    const index = this.data.provisionedProductOrder.lastIndexOf(pp.id);
    if (index >= 0) this.data.provisionedProductOrder.splice(index, 1);
  }

  record(id: string): RecordData | undefined { return lookup(this.data.records, id); }
  addRecord(record: RecordData): void {
    this.data.records[record.id] = record;
    this.data.recordOrder.push(record.id);
    this.indexRecord(record);
  }
  /** A provisioned product's records, oldest first, without scanning every record. */
  *recordsOf(provisionedProductId: string): Iterable<RecordData> {
    for (const id of this.recordIdsByProduct.get(provisionedProductId) ?? []) {
      const record = this.record(id);
      if (record) yield record;
    }
  }
  private indexRecord(record: RecordData): void {
    if (!record.settled) this.pendingRecords.add(record.id);
    const ids = this.recordIdsByProduct.get(record.provisionedProductId);
    if (ids) ids.push(record.id);
    else this.recordIdsByProduct.set(record.provisionedProductId, [record.id]);
  }

  plan(id: string): PlanData | undefined { return lookup(this.data.plans, id); }
  *plansInOrder(): Iterable<PlanData> {
    for (const id of this.data.planOrder) {
      const plan = this.plan(id);
      if (plan) yield plan;
    }
  }
  addPlan(plan: PlanData): void {
    this.data.plans[plan.id] = plan;
    this.data.planOrder.push(plan.id);
    if (plan.status === 'CREATE_IN_PROGRESS') this.pendingPlans.add(plan.id);
  }
  deletePlan(plan: PlanData): void {
    delete this.data.plans[plan.id];
    this.pendingPlans.delete(plan.id);
    const index = this.data.planOrder.indexOf(plan.id);
    if (index >= 0) this.data.planOrder.splice(index, 1);
  }

  /** Keyed by `<operation>:<token>`. */
  idempotencyEntry(key: string): IdempotencyEntry | undefined { return lookup(this.data.idempotency, key); }
  addIdempotencyEntry(key: string, entry: IdempotencyEntry): void { this.data.idempotency[key] = entry; }
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Mixes a serial number into 13 random-looking characters (two 32-bit hashes, so no practical collisions). */
export function scramble(serial: number): string {
  let a = hash32(serial, 0x9e3779b9);
  let b = hash32(serial, 0x85ebca6b);
  let out = '';
  for (let i = 0; i < 13; i++) {
    const source = i < 6 ? a : b;
    out += ALPHABET[source % 36];
    if (i < 6) a = Math.floor(a / 36) ^ (i * 7919); else b = Math.floor(b / 36) ^ (i * 104729);
    a >>>= 0; b >>>= 0;
  }
  return out;
}

export function hash32(value: number | string, seed = 0x811c9dc5): number {
  const text = String(value);
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
