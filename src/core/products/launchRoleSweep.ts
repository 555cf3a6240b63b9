// The launch role is not in SearchProvisionedProducts' attributes, only in a product's detail. Reading
// the details of a small list with ScanProvisionedProducts (20 a page) is far cheaper than one
// DescribeProvisionedProduct per product, so tooltips and launch-role items can show it at once.
// Larger lists keep reading it per product, on hover or expand. No vscode import: unit-tested.
import type { ProvisionedProductDetail } from '@aws-sdk/client-service-catalog';
import { SCAN_PAGE_SIZE } from '../paging';

/** Lists up to this size get their launch roles in one sweep; beyond it the sweep would cost too many calls. */
export const LAUNCH_ROLE_SWEEP_MAX_PRODUCTS = 200;
export const LAUNCH_ROLE_SWEEP_MAX_PAGES = Math.ceil(LAUNCH_ROLE_SWEEP_MAX_PRODUCTS / SCAN_PAGE_SIZE);

/** What the sweep needs of the AWS layer: ScanProvisionedProducts page by page (CatalogApi has it). */
export interface ScanApi {
  scanProvisionedProducts(onPage: (details: readonly ProvisionedProductDetail[]) => boolean | void, maxPages?: number): Promise<number>;
}

export interface SweepResult {
  readonly pages: number;
  /** Ids still without a detail (e.g. not visible to Scan, or past the page cap). */
  readonly missing: ReadonlySet<string>;
}

/** Whether a list of `listed` products, `missing` of them without a detail, is worth a sweep. */
export function shouldSweep(listed: number, missing: number): boolean {
  return missing > 0 && listed <= LAUNCH_ROLE_SWEEP_MAX_PRODUCTS;
}

/**
 * Scans until every id in `wanted` has been seen (or the page cap), handing each page's wanted
 * details to `apply`. Stops as soon as nothing is missing, so a sweep for a few products costs few pages.
 */
export async function sweepLaunchRoles(api: ScanApi, wanted: Iterable<string>, apply: (details: ProvisionedProductDetail[]) => void): Promise<SweepResult> {
  const missing = new Set(wanted);
  if (!missing.size) return { pages: 0, missing };
  const pages = await api.scanProvisionedProducts((details) => {
    const found = details.filter((d) => d.Id !== undefined && missing.delete(d.Id));
    if (found.length) apply(found);
    return missing.size > 0;
  }, LAUNCH_ROLE_SWEEP_MAX_PAGES);
  return { pages, missing };
}
