// Follows PageToken/NextPageToken, but never forever: a service (or a bug) that always returns a token
// must not keep the extension calling. Every pager in the catalog goes through forEachPage, so one cap
// holds for all. Page requests are sequential by nature (each needs the previous token), so the floor
// is one round trip per page; `onPage` lets callers show results early.

/**
 * The most pages one listing reads before it stops and says it is incomplete: 10,000 provisioned
 * products at SearchProvisionedProducts' 100 a page (the largest list the benchmarks build), 2,000
 * records, outputs or plans at 20 a page, and at most 100 calls against a service that never ends.
 */
export const MAX_PAGES = 100;

/** The model's cap for ScanProvisionedProducts. */
export const SCAN_PAGE_SIZE = 20;

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken?: string;
}

export interface PagingEnd {
  readonly pages: number;
  /** The last page was not reached: the page cap, the caller, or a repeated token stopped paging. */
  readonly incomplete: boolean;
  /** Where a later listing can go on (`startToken`); absent when complete or when the service repeated a token. */
  readonly nextToken?: string;
}

export interface PagingOptions {
  /** Go on from where an earlier listing stopped (its `nextToken`). */
  readonly startToken?: string;
  /** Fewer pages than MAX_PAGES; never more. */
  readonly maxPages?: number;
}

export interface CollectOptions<T> extends PagingOptions {
  readonly onPage?: (items: readonly T[], pageIndex: number) => void;
  /** Stop once this many items are read (the caller needs no more). */
  readonly maxItems?: number;
}

/** A listing's items, with how its paging ended riding along (not enumerable: it still compares, spreads and serializes as a plain array). */
export type Listed<T> = T[] & Pick<PagingEnd, 'incomplete' | 'nextToken'>;

/**
 * Calls `onPage` with each page until the last one, until it returns false, or until the cap. Stops
 * too when the service hands back a token it gave before: following it would go round in a circle.
 */
export async function forEachPage<T>(
  fetchPage: (token: string | undefined) => Promise<Page<T>>,
  onPage: (items: readonly T[], pageIndex: number) => boolean | void,
  options: PagingOptions = {},
): Promise<PagingEnd> {
  const maxPages = Math.min(options.maxPages ?? MAX_PAGES, MAX_PAGES);
  let token = options.startToken;
  const seen = new Set(token ? [token] : []);
  for (let page = 0; page < maxPages; page++) {
    const { items, nextToken } = await fetchPage(token);
    const wantsMore = onPage(items, page) !== false;
    if (!nextToken) return { pages: page + 1, incomplete: false };
    if (seen.has(nextToken)) return { pages: page + 1, incomplete: true };
    if (!wantsMore) return { pages: page + 1, incomplete: true, nextToken };
    seen.add(nextToken);
    token = nextToken;
  }
  return { pages: maxPages, incomplete: true, nextToken: token };
}

/** Every item of a listing, up to the cap; `fetchPage` is told how many items it already has. */
export async function collectPages<T>(
  fetchPage: (token: string | undefined, collected: number) => Promise<Page<T>>,
  options: CollectOptions<T> = {},
): Promise<Listed<T>> {
  const maxItems = options.maxItems ?? Infinity;
  const items: T[] = [];
  const end = await forEachPage((token) => fetchPage(token, items.length), (page, index) => {
    items.push(...page);
    options.onPage?.(page, index);
    return items.length < maxItems;
  }, options);
  if (items.length > maxItems) items.length = maxItems;
  return listed(items, end);
}

function listed<T>(items: T[], end: PagingEnd): Listed<T> {
  return Object.defineProperties(items, { incomplete: { value: end.incomplete }, nextToken: { value: end.nextToken } }) as Listed<T>;
}
