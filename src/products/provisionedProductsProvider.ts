// The provisioned products tree: lists every visible product (all pages) into the product cache, reads
// the launch roles of a small list in the background, keeps the last good list when a refresh fails,
// and renders the cache (sorted or grouped), updating single items in place when only they changed.
import * as vscode from 'vscode';
import type { ProvisionedProductDetail, RecordDetail } from '@aws-sdk/client-service-catalog';
import type { CatalogApi } from '../aws/catalogApi';
import { classifyError, type Failure } from '../core/errors';
import type { CatalogSession } from '../connections/catalogSession';
import type { GroupBy } from '../connections/settings';
import { Disposable } from '../ui/disposable';
import { log } from '../ui/log';
import { inert } from '../core/untrustedText';
import { shouldSweep, sweepLaunchRoles } from '../core/products/launchRoleSweep';
import { groupProducts, sortByName, type Grouping } from '../core/products/productGroups';
import type { ProductRow } from '../core/products/productRow';
import { LastOperations } from '../core/products/lastOperations';
import { filterBanner } from '../core/products/filterBanner';
import { failureNodes } from './failureNodes';
import { GroupNode, MessageNode, ProductNode, type TreeNode } from './nodes';
import { StackEventsNode } from './stackNodes';
import { ProductCache, type ProductChange } from './productCache';
import { BUSY_PRODUCT_STATUSES, humanizeStatus } from '../core/statuses';
import { errorIcon, productStatusIcon } from './statusStyle';
import { productTooltip } from './tooltips';

export type ViewState = 'signedOut' | 'loading' | 'empty' | 'ready' | 'error';

/** The product cache of the tree: one node per known product. */
export function newProductNodeCache(): ProductCache<ProductNode> {
  return new ProductCache((row) => new ProductNode(row));
}

export class ProvisionedProductsProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = this.register(new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly settled = this.register(new vscode.EventEmitter<void>());
  /** Fires after every refresh attempt (success or failure) has been applied. */
  readonly onDidRefresh = this.settled.event;

  private loadedOnce = false;
  private failure?: Failure;
  private lastSuccess?: Date;
  private inFlight?: Promise<void>;
  private refreshAgain = false;
  private sweeping?: Promise<void>;
  /** The list shown came page by page and its listing has not finished (or failed part-way). */
  private incomplete = false;
  /** The last listing stopped at the paging cap: there are more products than the view holds. */
  private capped = false;
  /**
   * Ids of the products the user expanded. A product whose group changes (its status, grouped by
   * status) is a new child of another group: VS Code keeps no expansion across parents, this does.
   */
  private readonly expanded = new Set<string>();
  /** Which operation runs on each busy product, from its last record (one DescribeRecord per record). */
  readonly operations = new LastOperations(
    (recordId) => this.describeRecord(recordId),
    (ids) => this.redraw(ids),
    (recordId, error) => log().warn(`Reading record ${recordId} for its product's operation failed: ${(error as Error).message}`),
  );

  constructor(
    private readonly session: CatalogSession,
    /** What the tree shows: it lists into it and renders from it. */
    readonly products: ProductCache<ProductNode>,
    private filterText: string,
    private groupBy: GroupBy,
  ) {
    super();
    this.register(products.onDidChange((change) => this.onProductsChanged(change)));
    this.register(session.onDidChange(() => this.onSessionChanged()));
  }

  get filter(): string {
    return this.filterText;
  }

  /** The cache's products (for the integration tests and benchmarks). */
  get productNodes(): readonly ProductNode[] {
    return this.products.all;
  }

  /** The cache's product by id, name or ARN (for the integration tests). */
  findProduct(idNameOrArn: string): ProductNode | undefined {
    return this.products.find(idNameOrArn);
  }

  /** The products under change: what the auto-refresh re-reads. */
  busyProducts(): ProductNode[] {
    return this.products.all.filter((n) => BUSY_PRODUCT_STATUSES.has(n.row.Status ?? ''));
  }

  /**
   * A record read elsewhere (the record tracker follows it): its operation shows on its product without
   * a DescribeRecord of the tree's own.
   */
  noteRecord(detail: RecordDetail): void {
    this.operations.note(detail);
    const node = detail.ProvisionedProductId ? this.products.get(detail.ProvisionedProductId) : undefined;
    if (node && this.operations.of(node.row)) this.changed.fire(node);
  }

  get lastFailure(): Failure | undefined {
    return this.failure;
  }

  get viewState(): ViewState {
    const kind = this.session.state.kind;
    if (kind === 'signedOut') return 'signedOut';
    if (kind === 'connecting') return 'loading';
    if (kind === 'failed') return 'error';
    if (this.failure && !this.products.size) return 'error';
    if (!this.loadedOnce) return 'loading';
    return this.products.size ? 'ready' : 'empty';
  }

  /** A short line for TreeView.message: the filter in use, or that the list is stale. */
  get viewMessage(): string | undefined {
    const shown = this.products.size;
    if (this.failure && shown && this.incomplete) {
      return `Incomplete: listing stopped after ${shown} provisioned products. ${inert(this.failure.message, 'line')}`;
    }
    if (this.failure && shown) {
      const when = this.lastSuccess ? this.lastSuccess.toLocaleTimeString() : 'earlier';
      return `Stale: showing the list from ${when}. Last refresh failed: ${inert(this.failure.message, 'line')}`;
    }
    if (this.capped) return `Showing the first ${shown} provisioned products; filter to find the others.`;
    // An empty filtered list says so in the welcome content (with Clear Filter), which VS Code shows only without a message.
    if (this.filterText && shown) return filterBanner(this.filterText);
    return undefined;
  }

  setFilter(text: string): Promise<void> {
    this.filterText = text.trim();
    return this.refresh();
  }

  setGroupBy(groupBy: GroupBy): void {
    this.groupBy = groupBy;
    this.changed.fire(undefined);
  }

  /** Re-lists everything. Calls made while one runs are coalesced into one more run. */
  refresh(): Promise<void> {
    if (this.inFlight) {
      this.refreshAgain = true;
      return this.inFlight;
    }
    this.inFlight = this.loadAll().finally(() => {
      this.inFlight = undefined;
      if (this.refreshAgain) {
        this.refreshAgain = false;
        void this.refresh();
      }
    });
    return this.inFlight;
  }

  private async loadAll(): Promise<void> {
    const api = this.session.api;
    if (!api) return;
    this.changed.fire(undefined);
    let shownByCache = false;
    try {
      // An empty view fills page by page (the first 100 after one round trip); a full one is replaced at the end.
      const progressive = this.products.size === 0;
      const readSinceMs = Date.now();
      this.incomplete = progressive;
      const rows = await api.listProvisionedProducts({ query: this.filterText, onPage: progressive ? (page) => this.showPage(api, page) : undefined });
      if (api !== this.session.api) return;
      this.capped = rows.incomplete;
      this.failure = undefined;
      this.incomplete = false;
      this.lastSuccess = new Date();
      this.loadedOnce = true;
      // The new list, announced by the cache with the state above in place.
      this.operations.retryFailed();
      const unsettled = this.products.replace(rows, readSinceMs, { filter: this.filterText });
      for (const id of unsettled) void api.describeProvisionedProduct(id).then((detail) => this.products.applyDetail(detail), () => undefined);
      shownByCache = true;
      this.startLaunchRoleSweep(api);
    } catch (error) {
      if (api !== this.session.api) return;
      this.failure = classifyError(error, api.connection.kind === 'aws' ? api.connection.profile : undefined);
      log().warn(`Listing provisioned products failed: ${this.failure.message}`);
    } finally {
      this.loadedOnce = true;
      if (!shownByCache) this.changed.fire(undefined);
      this.settled.fire();
    }
  }

  private showPage(api: CatalogApi, rows: readonly ProductRow[]): void {
    if (api === this.session.api) this.products.addNew(rows);
  }

  /** Resolves once the launch-role sweep of the last refresh has ended (tests and benchmarks wait on it). */
  whenDetailsSettled(): Promise<void> {
    return this.sweeping ?? Promise.resolve();
  }

  /** Reads the launch roles of a small list in the background, after the list is shown. */
  private startLaunchRoleSweep(api: CatalogApi): void {
    const missing = this.products.all.filter((n) => !n.row.detailLoaded).map((n) => n.row.Id!);
    if (!shouldSweep(this.products.size, missing.length)) return;
    const afterRefresh = new Promise((resolve) => setTimeout(resolve, 0));
    const apply = (details: readonly ProvisionedProductDetail[]) => {
      if (api === this.session.api) this.products.fillDetails(details);
    };
    this.sweeping = afterRefresh
      .then(() => (api === this.session.api ? sweepLaunchRoles(api, missing, apply) : undefined))
      .then(
        () => undefined,
        (error) => log().warn(`Reading launch roles with ScanProvisionedProducts failed: ${(error as Error).message}`),
      );
  }

  /** A change of the cache as the tree's event: just the items that changed, unless grouping may move them. */
  private onProductsChanged({ products, regroups }: ProductChange<ProductNode>): void {
    void this.operations.readMissing(this.busyProducts().map((n) => n.row));
    const moves = regroups === 'any' ? this.groupBy !== 'none' : regroups === 'status' && this.groupBy === 'status';
    this.changed.fire(products === undefined || moves ? undefined : products);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (!(node instanceof ProductNode)) return node.toTreeItem();
    const item = node.toTreeItem(this.groupBy === 'product', this.operations.of(node.row));
    if (this.expanded.has(node.id)) item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
    return item;
  }

  /** The view's expand and collapse events (onDidExpandElement, onDidCollapseElement) of products. */
  noteExpansion(node: unknown, expanded: boolean): void {
    if (!(node instanceof ProductNode)) return;
    if (expanded) this.expanded.add(node.id);
    else this.expanded.delete(node.id);
  }

  private async describeRecord(recordId: string): Promise<RecordDetail> {
    const api = this.session.api;
    if (!api) throw new Error('Not connected.');
    return (await api.describeRecord(recordId)).detail;
  }

  /** Draws these products' items again (their operation was read). */
  private redraw(ids: readonly string[]): void {
    const nodes = ids.map((id) => this.products.get(id)).filter((n): n is ProductNode => !!n);
    if (nodes.length) this.changed.fire(nodes);
  }

  /** The launch role is only in DescribeProvisionedProduct: read it when the user hovers, not for every row. */
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode): Promise<vscode.TreeItem> {
    const api = this.session.api;
    if (!(node instanceof ProductNode)) return item;
    if (node.row.detailLoaded || !api) {
      item.tooltip ??= productTooltip(node.row, this.operations.of(node.row));
      return item;
    }
    try {
      this.products.fillDetail(node, await api.describeProvisionedProduct(node.row.Id!));
    } catch (error) {
      log().warn(`Reading ${node.row.Id} for its tooltip failed: ${(error as Error).message}`);
    }
    item.tooltip = productTooltip(node.row, this.operations.of(node.row));
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (!(node instanceof ProductNode) || this.groupBy === 'none') return undefined;
    return this.groups(this.groupBy).find((g) => g.members.includes(node));
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) {
      const api = this.session.api;
      if (!api) return [];
      try {
        const children = await node.children(api, this.session.stacks);
        if (node instanceof ProductNode) this.noteEventFolders(node, children);
        return children;
      } catch (error) {
        const failure = classifyError(error);
        return [new MessageNode(`${node.id}/error`, 'Could not load', failure.message, errorIcon())];
      }
    }
    return this.rootNodes();
  }

  /** The Events folder last shown under each product: what refreshStackEvents redraws. */
  private readonly eventFolders = new Map<string, StackEventsNode>();

  private noteEventFolders(product: ProductNode, children: readonly TreeNode[]): void {
    const events = children.find((c): c is StackEventsNode => c instanceof StackEventsNode);
    if (events) this.eventFolders.set(product.row.Id!, events);
    else this.eventFolders.delete(product.row.Id!);
  }

  /**
   * While these products are under change, their Events folders are read again (VS Code asks for the
   * children of an open folder only; a closed one costs nothing).
   */
  refreshStackEvents(productIds: readonly string[]): void {
    const folders = productIds.map((id) => this.eventFolders.get(id)).filter((f): f is StackEventsNode => !!f);
    if (folders.length) this.changed.fire(folders);
  }

  private rootNodes(): TreeNode[] {
    const state = this.session.state;
    if (state.kind === 'failed') return failureNodes(state.failure, 'Could not connect');
    if (state.kind !== 'connected') return [];
    if (!this.loadedOnce && !this.inFlight) void this.refresh();
    if (this.failure && !this.products.size) return failureNodes(this.failure, 'Could not list provisioned products');
    if (this.groupBy === 'none') return sortByName(this.products.all);
    return this.groups(this.groupBy);
  }

  private groups(by: Grouping): GroupNode[] {
    return groupProducts(this.products.all, by).map(({ key, members }) =>
      by === 'status'
        ? new GroupNode(`group/status/${key}`, humanizeStatus(key), members, productStatusIcon(key))
        : new GroupNode(`group/product/${key}`, key, members, new vscode.ThemeIcon('package')),
    );
  }

  private onSessionChanged(): void {
    this.loadedOnce = false;
    this.failure = undefined;
    this.lastSuccess = undefined;
    this.operations.clear();
    this.expanded.clear();
    this.eventFolders.clear();
    this.products.clear(); // announced: the tree shows the new session's state
    if (this.session.api) void this.refresh();
  }
}
