// How the tree orders and groups provisioned products: by name (numbers in order, case ignored), and
// in groups by status (the ones needing attention first) or by product (alphabetical). No vscode import.
import type { ProductRow } from './productRow';

/** Anything that carries a product row (the tree's nodes). */
export interface HasRow {
  readonly row: ProductRow;
}

export type Grouping = 'status' | 'product';

export interface ProductGroup<P extends HasRow> {
  /** The status, or the product's name (its id when the name is unknown). */
  readonly key: string;
  readonly members: P[];
}

/** Groups by status come in this order; a status not listed comes first. */
export const STATUS_ORDER: readonly string[] = ['ERROR', 'TAINTED', 'UNDER_CHANGE', 'PLAN_IN_PROGRESS', 'AVAILABLE'];

// Made on first sort, not at load (locale data is loaded off the activation path).
let byName: Intl.Collator | undefined;

/** By name: "web-2" before "web-10", case and accents ignored. */
export function sortByName<P extends HasRow>(products: Iterable<P>): P[] {
  const collator = (byName ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }));
  return [...products].sort((a, b) => collator.compare(a.row.Name ?? '', b.row.Name ?? ''));
}

/** The group a product belongs to. */
export function groupKey(row: ProductRow, by: Grouping): string {
  return by === 'status' ? row.Status ?? 'UNKNOWN' : row.ProductName ?? row.ProductId ?? '?';
}

/** The groups in their order, each with its members sorted by name. */
export function groupProducts<P extends HasRow>(products: Iterable<P>, by: Grouping): ProductGroup<P>[] {
  const byKey = new Map<string, P[]>();
  for (const product of sortByName(products)) {
    const key = groupKey(product.row, by);
    const members = byKey.get(key);
    if (members) members.push(product);
    else byKey.set(key, [product]);
  }
  const keys = [...byKey.keys()].sort((a, b) => (by === 'status' ? STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b) : a.localeCompare(b)));
  return keys.map((key) => ({ key, members: byKey.get(key)! }));
}
