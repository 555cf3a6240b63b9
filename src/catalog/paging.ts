// Follows PageToken/NextPageToken to the end. Page requests are sequential by nature (each needs the
// previous token), so the floor is one round trip per page; `onPage` lets callers show results early.

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken?: string;
}

export async function collectAllPages<T>(
  fetchPage: (token: string | undefined) => Promise<Page<T>>,
  onPage?: (items: readonly T[], pageIndex: number) => void,
  maxPages = 10_000,
): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const { items, nextToken } = await fetchPage(token);
    for (const item of items) all.push(item);
    onPage?.(items, page);
    if (!nextToken) return all;
    token = nextToken;
  }
  throw new Error(`Stopped paging after ${maxPages} pages: the service kept returning a next page token.`);
}
