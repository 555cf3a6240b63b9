// Page tokens are opaque to clients: base64 of the next offset plus a tag naming the listing,
// so a token from one operation isn't silently accepted by another.

export interface Page<T> { items: T[]; nextPageToken?: string }

export function encodePageToken(listing: string, offset: number): string {
  return Buffer.from(JSON.stringify({ l: listing, o: offset })).toString('base64url');
}

/** The offset a token points at, or undefined when the token is not one of ours for this listing. */
export function decodePageToken(listing: string, token: string | undefined): number | undefined {
  if (token === undefined || token === '') return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { l?: unknown; o?: unknown };
    if (parsed.l !== listing || typeof parsed.o !== 'number' || !Number.isInteger(parsed.o) || parsed.o < 0) return undefined;
    return parsed.o;
  } catch {
    return undefined;
  }
}

/** A page size of 0 or none means the service's default. */
export function pageOf<T>(items: readonly T[], offset: number, pageSize: number | undefined, defaultSize: number, listing: string): Page<T> {
  const size = pageSize && pageSize > 0 ? pageSize : defaultSize;
  const end = offset + size;
  return { items: items.slice(offset, end), nextPageToken: end < items.length ? encodePageToken(listing, end) : undefined };
}
