// The filter's pick list: every status (from the one status table), the products and types in the
// list, each as the SearchQuery term it sends (`status:ERROR`, `productName:web`), added to the terms
// already in the filter in place of one on the same field. SearchProvisionedProducts takes only
// SearchQuery: free text and `field:value` terms, all of which must match. No vscode import.
import { PRODUCT_STATUSES } from '../statuses';
import { STATUS_ORDER } from './productGroups';
import type { ProductRow } from './productRow';

export type FilterField = 'status' | 'productName' | 'type';

export interface FilterChoice {
  readonly field: FilterField;
  /** The value as the service spells it (ERROR, CFN_STACK, a product's name). */
  readonly value: string;
  /** The whole filter once this choice is made. */
  readonly query: string;
}

/** Products offered by name at most (a long catalog is searched by typing). */
export const MAX_PRODUCT_CHOICES = 30;

// One term: `field:"two words"`, `"two words"`, or a run of non-spaces (as the service splits them).
const TERM = /(?:[^\s"]+:)?"[^"]*"|\S+/g;

/** The terms of a filter, as written. */
export function filterTerms(filter: string): string[] {
  return filter.match(TERM) ?? [];
}

/** The field of a `field:value` term, lower-cased; undefined for free text. */
function termField(term: string): string | undefined {
  const colon = term.indexOf(':');
  return colon > 0 && !term.startsWith('"') ? term.slice(0, colon).toLowerCase() : undefined;
}

/**
 * Whether SearchQuery can spell the value: it has no escape, so a quote would end or start a quoted
 * value and the service would search for another one.
 */
export function isSpellable(value: string): boolean {
  return !value.includes('"');
}

/** `field:value`, quoted when the value has spaces; the value must be spellable (see isSpellable). */
export function searchTerm(field: FilterField, value: string): string {
  return /\s/.test(value) ? `${field}:"${value}"` : `${field}:${value}`;
}

/** The filter with `field:value` in place of any term on that field, other terms kept in order. */
export function withTerm(filter: string, field: FilterField, value: string): string {
  const others = filterTerms(filter).filter((term) => termField(term) !== field.toLowerCase());
  return [...others, searchTerm(field, value)].join(' ');
}

/** The status the filter asks for (`status:ERROR`), if any. */
export function filteredStatus(filter: string): string | undefined {
  const term = filterTerms(filter).find((t) => termField(t) === 'status');
  return term?.slice(term.indexOf(':') + 1).replace(/"/g, '').toUpperCase();
}

export function filterChoices(filter: string, rows: readonly ProductRow[]): FilterChoice[] {
  const choice = (field: FilterField, value: string): FilterChoice => ({ field, value, query: withTerm(filter, field, value) });
  const statuses = [...PRODUCT_STATUSES].sort((a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b));
  // A name SearchQuery cannot spell is left out rather than changed into another name.
  const products = distinct(rows.map((r) => r.ProductName)).filter(isSpellable).slice(0, MAX_PRODUCT_CHOICES);
  const types = distinct(rows.map((r) => r.Type)).filter(isSpellable);
  return [
    ...statuses.map((s) => choice('status', s)),
    ...products.map((p) => choice('productName', p)),
    // A type is worth a choice only where the list mixes them.
    ...(types.length > 1 ? types.map((t) => choice('type', t)) : []),
  ];
}

function distinct(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b));
}
