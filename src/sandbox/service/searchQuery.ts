// SearchProvisionedProducts' Filters.SearchQuery: each entry is free text and/or `field:value`
// terms (all terms of an entry must match; any entry may match). Field names are AWS's.

export const EXACT_FIELDS = [
  'id', 'status', 'type', 'productId', 'provisioningArtifactId', 'lastRecordId',
  'lastProvisioningRecordId', 'lastSuccessfulProvisioningRecordId', 'idempotencyToken',
] as const;
export const CONTAINS_FIELDS = [
  'name', 'arn', 'productName', 'provisioningArtifactName', 'userArn', 'userArnSession', 'physicalId', 'tags', 'createdTime',
] as const;
export type SearchField = (typeof EXACT_FIELDS)[number] | (typeof CONTAINS_FIELDS)[number];

/** Reads one field of a provisioned product (tags as "key=value" strings, createdTime as ISO text); lazy so unused fields cost nothing. */
export type SearchableValues = (field: SearchField) => string | string[] | undefined;

export interface SearchTerm { field?: SearchField; value: string }

const FIELD_BY_LOWER = new Map<string, SearchField>([...EXACT_FIELDS, ...CONTAINS_FIELDS].map((f) => [f.toLowerCase(), f]));
const EXACT = new Set<string>(EXACT_FIELDS);
// Not the ARN: every ARN holds "servicecatalog", the region and the account, so free text like
// "service" would match everything. `arn:…` still searches it.
const FREE_TEXT_FIELDS: SearchField[] = ['name', 'id', 'productName', 'provisioningArtifactName', 'status', 'type', 'physicalId', 'tags'];

/** Splits a query into terms; quotes group words ("my app", name:"my app"). */
export function parseSearchQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const tokenPattern = /(?:[^\s"]+:)?"[^"]*"|\S+/g;
  for (const token of query.match(tokenPattern) ?? []) {
    const colon = token.indexOf(':');
    // Only a known field name makes a field term, so a pasted ARN still works as free text.
    const field = colon > 0 ? FIELD_BY_LOWER.get(token.slice(0, colon).toLowerCase()) : undefined;
    const raw = field ? token.slice(colon + 1) : token;
    const value = unquote(raw).toLowerCase();
    if (value) terms.push({ field, value });
  }
  return terms;
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

export function matchesTerm(term: SearchTerm, values: SearchableValues): boolean {
  const fields = term.field ? [term.field] : FREE_TEXT_FIELDS;
  return fields.some((field) => {
    const exact = term.field !== undefined && EXACT.has(field);
    return asList(values(field)).some((v) => (exact ? v.toLowerCase() === term.value : v.toLowerCase().includes(term.value)));
  });
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** A compiled filter: true when any query matches (all of its terms). No queries matches everything. */
export function compileSearchQueries(queries: readonly string[]): (values: SearchableValues) => boolean {
  const parsed = queries.map(parseSearchQuery).filter((terms) => terms.length > 0);
  if (!parsed.length) return () => true;
  return (values) => parsed.some((terms) => terms.every((term) => matchesTerm(term, values)));
}
