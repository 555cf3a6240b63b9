// While any product is UNDER_CHANGE or PLAN_IN_PROGRESS and the view is visible, re-reads just those
// products (DescribeProvisionedProduct), never the whole list, and stops once they all settle.
import type { CatalogSession } from '../connections/catalogSession';
import { Disposable } from '../ui/disposable';
import { log } from '../ui/log';
import type { ProvisionedProductsProvider } from './provisionedProductsProvider';
import { BUSY_PRODUCT_STATUSES } from '../core/statuses';
import { classifyError } from '../core/errors';

export interface AutoRefreshOptions {
  enabled: () => boolean;
  intervalMs: () => number;
  viewVisible: () => boolean;
}

export class AutoRefresher extends Disposable {
  private timer?: ReturnType<typeof setTimeout>;
  private ticking = false;
  /** Re-reads done so far; tests and benchmarks read it to prove only busy items are re-read. */
  describeCalls = 0;

  constructor(
    private readonly session: CatalogSession,
    private readonly provider: ProvisionedProductsProvider,
    private readonly options: AutoRefreshOptions,
  ) {
    super();
    this.register(provider.onDidRefresh(() => this.reschedule()));
    this.register({ dispose: () => this.cancel() });
  }

  get isScheduled(): boolean {
    return this.timer !== undefined;
  }

  /** Called when something may have changed: a refresh, the view becoming visible, a setting. */
  reschedule(): void {
    this.cancel();
    if (this.disposed || this.ticking || !this.shouldRun()) return;
    this.timer = setTimeout(() => void this.tick(), this.options.intervalMs());
  }

  /** Catches up at once (e.g. when the window regains focus) if anything is being watched. */
  catchUp(): void {
    if (!this.disposed && this.shouldRun()) void this.tick();
  }

  private shouldRun(): boolean {
    return this.options.enabled() && this.options.viewVisible() && this.provider.busyProducts().length > 0;
  }

  /** Re-reads the busy products now (also used by tests to avoid waiting for the timer). */
  async tick(): Promise<void> {
    this.cancel();
    const api = this.session.api;
    if (!api || this.ticking) return;
    this.ticking = true;
    const busy = this.provider.busyProducts().map((n) => n.row.Id!);
    try {
      await Promise.all(
        this.provider.busyProducts().map(async (node) => {
          const id = node.row.Id!;
          try {
            this.describeCalls++;
            const detail = await api.describeProvisionedProduct(id);
            const before = node.row.ProvisioningArtifactId;
            this.provider.products.applyDetail(detail);
            // The detail has no names: after a version change, read this one product's attribute once.
            if (!BUSY_PRODUCT_STATUSES.has(detail.Status ?? '') && detail.ProvisioningArtifactId !== before) {
              const [row] = await api.listProvisionedProducts({ query: `id:${id}` });
              if (row) this.provider.products.applyRow(row);
            }
          } catch (error) {
            if (classifyError(error).kind === 'not-found') this.provider.products.remove(id);
            else log().warn(`Auto-refresh of ${id} failed: ${(error as Error).message}`);
          }
        }),
      );
    } finally {
      // An open Events folder of a product under change shows its stack's new events with each re-read.
      this.provider.refreshStackEvents(busy);
      this.ticking = false;
      this.reschedule();
    }
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
