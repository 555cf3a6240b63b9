// The provisioned products tree: lists every visible product (all pages), groups them, keeps the last
// good list when a refresh fails, and updates single items in place when they are re-read.
import * as vscode from 'vscode';
import type { ProvisionedProductDetail } from '@aws-sdk/client-service-catalog';
import type { CatalogApi } from '../aws/catalogApi';
import { classifyError, type Failure } from '../core/errors';
import type { CatalogSession } from '../connections/catalogSession';
import { readSettings, type GroupBy } from '../connections/settings';
import { fixActionLabel } from '../core/awsCli';
import { Disposable } from '../ui/disposable';
import { log } from '../ui/log';
import { inert } from '../core/untrustedText';
import { shouldSweep, sweepLaunchRoles } from '../core/products/launchRoleSweep';
import { GroupNode, MessageNode, ProductNode, type TreeNode } from './nodes';
import { mergeDetail, type ProductRow } from '../core/products/productRow';
import { BUSY_PRODUCT_STATUSES, humanize, productStatusIcon } from './statusStyle';
import { productTooltip } from './tooltips';

export type ViewState = 'signedOut' | 'loading' | 'empty' | 'ready' | 'error';

const CREDENTIAL_FAILURES: ReadonlySet<string> = new Set(['sso-expired', 'no-credentials', 'invalid-credentials', 'access-denied']);
// Made on first sort, not at load (locale data is loaded off the activation path).
let byName: Intl.Collator | undefined;
const STATUS_ORDER = ['ERROR', 'TAINTED', 'UNDER_CHANGE', 'PLAN_IN_PROGRESS', 'AVAILABLE'];

export class ProvisionedProductsProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = this.register(new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly settled = this.register(new vscode.EventEmitter<void>());
  /** Fires after every refresh attempt (success or failure) has been applied. */
  readonly onDidRefresh = this.settled.event;

  private products = new Map<string, ProductNode>();
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

  constructor(
    private readonly session: CatalogSession,
    private filterText: string,
    private groupBy: GroupBy,
  ) {
    super();
    this.register(session.onDidChange(() => this.onSessionChanged()));
  }

  get filter(): string {
    return this.filterText;
  }

  get productNodes(): readonly ProductNode[] {
    return [...this.products.values()];
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
    if (this.failure && this.products.size && this.incomplete) {
      return `Incomplete: listing stopped after ${this.products.size} provisioned products. ${inert(this.failure.message, 'line')}`;
    }
    if (this.failure && this.products.size) {
      const when = this.lastSuccess ? this.lastSuccess.toLocaleTimeString() : 'earlier';
      return `Stale: showing the list from ${when}. Last refresh failed: ${inert(this.failure.message, 'line')}`;
    }
    if (this.capped) return `Showing the first ${this.products.size} provisioned products; filter to find the others.`;
    // An empty filtered list says so in the welcome content (with Clear Filter), which VS Code shows only without a message.
    if (this.filterText && this.products.size) return `Filtered by "${this.filterText}"`;
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
    try {
      // An empty view fills page by page (the first 100 after one round trip); a full one is replaced at the end.
      const progressive = this.products.size === 0;
      this.incomplete = progressive;
      const rows = await api.listProvisionedProducts({ query: this.filterText, onPage: progressive ? (page) => this.showPage(api, page) : undefined });
      if (api !== this.session.api) return;
      this.replaceProducts(rows);
      this.capped = rows.incomplete;
      this.failure = undefined;
      this.incomplete = false;
      this.lastSuccess = new Date();
      this.startLaunchRoleSweep(api);
    } catch (error) {
      if (api !== this.session.api) return;
      this.failure = classifyError(error, api.connection.kind === 'aws' ? api.connection.profile : undefined);
      log().warn(`Listing provisioned products failed: ${this.failure.message}`);
    } finally {
      this.loadedOnce = true;
      this.changed.fire(undefined);
      this.settled.fire();
    }
  }

  private showPage(api: CatalogApi, rows: readonly ProductRow[]): void {
    if (api !== this.session.api) return;
    for (const row of rows) if (row.Id && !this.products.has(row.Id)) this.products.set(row.Id, new ProductNode(row));
    this.changed.fire(undefined);
  }

  /** Keeps node objects for ids already shown, so expansion and identity survive the refresh. */
  private replaceProducts(rows: readonly ProductRow[]): void {
    const next = new Map<string, ProductNode>();
    for (const row of rows) {
      if (!row.Id) continue;
      const existing = this.products.get(row.Id);
      if (existing) {
        const keepDetail = existing.row.detailLoaded && existing.row.Status === row.Status;
        existing.row = keepDetail ? { ...row, LaunchRoleArn: existing.row.LaunchRoleArn, detailLoaded: true } : row;
        next.set(row.Id, existing);
      } else {
        next.set(row.Id, new ProductNode(row));
      }
    }
    this.products = next;
  }

  /** Resolves once the launch-role sweep of the last refresh has ended (tests and benchmarks wait on it). */
  whenDetailsSettled(): Promise<void> {
    return this.sweeping ?? Promise.resolve();
  }

  /** Reads the launch roles of a small list in the background, after the list is shown. */
  private startLaunchRoleSweep(api: CatalogApi): void {
    const missing = this.productNodes.filter((n) => !n.row.detailLoaded).map((n) => n.row.Id!);
    if (!shouldSweep(this.products.size, missing.length)) return;
    const afterRefresh = new Promise((resolve) => setTimeout(resolve, 0));
    this.sweeping = afterRefresh
      .then(() => (api === this.session.api ? sweepLaunchRoles(api, missing, (details) => this.applyScannedDetails(api, details)) : undefined))
      .then(
        () => undefined,
        (error) => log().warn(`Reading launch roles with ScanProvisionedProducts failed: ${(error as Error).message}`),
      );
  }

  private applyScannedDetails(api: CatalogApi, details: readonly ProvisionedProductDetail[]): void {
    if (api !== this.session.api) return;
    const updated: ProductNode[] = [];
    let statusMoved = false;
    for (const detail of details) {
      const node = this.products.get(detail.Id!);
      // A product whose version changed since the listing would lose its names: the next refresh brings them.
      if (!node || node.row.detailLoaded || detail.ProvisioningArtifactId !== node.row.ProvisioningArtifactId) continue;
      statusMoved ||= detail.Status !== node.row.Status;
      node.row = mergeDetail(node.row, detail);
      updated.push(node);
    }
    if (updated.length) this.changed.fire(statusMoved && this.groupBy === 'status' ? undefined : updated);
  }

  /** Applies a freshly read detail to one item; fires only for that item unless grouping moves it. */
  applyDetail(detail: ProvisionedProductDetail): ProductNode | undefined {
    const node = detail.Id ? this.products.get(detail.Id) : undefined;
    if (!node) return undefined;
    const statusBefore = node.row.Status;
    node.row = mergeDetail(node.row, detail);
    const moves = this.groupBy === 'status' && statusBefore !== node.row.Status;
    this.changed.fire(moves ? undefined : node);
    return node;
  }

  /** Puts a whole attribute (with names) in place of an item, e.g. after its version changed. */
  applyRow(row: ProductRow): void {
    const node = row.Id ? this.products.get(row.Id) : undefined;
    if (!node) return;
    node.row = { ...row, LaunchRoleArn: node.row.LaunchRoleArn, detailLoaded: node.row.detailLoaded };
    this.changed.fire(this.groupBy === 'none' ? node : undefined);
  }

  removeProduct(id: string): void {
    if (this.products.delete(id)) this.changed.fire(undefined);
  }

  /** Shows an activity ("Terminating…") on an item while an operation runs; undefined clears it. */
  setActivity(id: string, activity: string | undefined): void {
    const node = this.products.get(id);
    if (!node) return;
    node.activity = activity;
    this.changed.fire(node);
  }

  busyProducts(): ProductNode[] {
    return this.productNodes.filter((n) => BUSY_PRODUCT_STATUSES.has(n.row.Status ?? ''));
  }

  findProduct(idNameOrArn: string): ProductNode | undefined {
    const key = idNameOrArn.trim();
    return this.productNodes.find((n) => n.row.Id === key || n.row.Name === key || n.row.Arn === key);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node instanceof ProductNode ? node.toTreeItem(this.groupBy === 'product') : node.toTreeItem();
  }

  /** The launch role is only in DescribeProvisionedProduct: read it when the user hovers, not for every row. */
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode): Promise<vscode.TreeItem> {
    const api = this.session.api;
    if (!(node instanceof ProductNode)) return item;
    if (node.row.detailLoaded || !api) {
      item.tooltip ??= productTooltip(node.row);
      return item;
    }
    try {
      const statusBefore = node.row.Status;
      node.row = mergeDetail(node.row, await api.describeProvisionedProduct(node.row.Id!));
      if (node.row.Status !== statusBefore) this.changed.fire(this.groupBy === 'status' ? undefined : node);
      item.tooltip = productTooltip(node.row);
    } catch (error) {
      log().warn(`Reading ${node.row.Id} for its tooltip failed: ${(error as Error).message}`);
      item.tooltip = productTooltip(node.row);
    }
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (!(node instanceof ProductNode) || this.groupBy === 'none') return undefined;
    return this.groups().find((g) => g.members.includes(node));
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) {
      const api = this.session.api;
      if (!api) return [];
      try {
        return await node.children(api);
      } catch (error) {
        const failure = classifyError(error);
        return [new MessageNode(`${node.id}/error`, 'Could not load', failure.message, new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')))];
      }
    }
    return this.rootNodes();
  }

  private rootNodes(): TreeNode[] {
    const state = this.session.state;
    if (state.kind === 'failed') return this.failureNodes(state.failure, 'Could not connect');
    if (state.kind !== 'connected') return [];
    if (!this.loadedOnce && !this.inFlight) void this.refresh();
    if (this.failure && !this.products.size) return this.failureNodes(this.failure, 'Could not list provisioned products');
    if (this.groupBy === 'none') return this.sortedProducts();
    return this.groups();
  }

  /** The failure in its own words with its fix (or Retry), plus the way out when it is about credentials. */
  private failureNodes(failure: Failure, title: string): MessageNode[] {
    const icon = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    const fixLabel = failure.fix ? fixActionLabel(failure.fix, readSettings().profile) : undefined;
    const command = fixLabel
      ? { command: 'serviceCatalogExplorer.runFix', title: 'Fix', arguments: [failure.fix] }
      : { command: 'serviceCatalogExplorer.retry', title: 'Retry' };
    const hint = fixLabel ? `Click to ${fixLabel.toLowerCase()}.` : 'Click to retry.';
    const nodes = [new MessageNode('error', `${title}: ${inert(failure.message, 'line')}`, hint, icon, command)];
    if (fixLabel) {
      nodes.push(new MessageNode('error/retry', 'Retry', 'after signing in', new vscode.ThemeIcon('refresh'), { command: 'serviceCatalogExplorer.retry', title: 'Retry' }));
    }
    if (CREDENTIAL_FAILURES.has(failure.kind)) {
      nodes.push(new MessageNode('error/switch', 'Switch connection…', 'another profile, region or the sandbox', new vscode.ThemeIcon('plug'), { command: 'serviceCatalogExplorer.switchConnection', title: 'Switch Connection' }));
    }
    return nodes;
  }


  private sortedProducts(): ProductNode[] {
    const collator = (byName ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }));
    return [...this.products.values()].sort((a, b) => collator.compare(a.row.Name ?? '', b.row.Name ?? ''));
  }

  private groups(): GroupNode[] {
    const byKey = new Map<string, ProductNode[]>();
    const keyOf = (n: ProductNode) => (this.groupBy === 'status' ? n.row.Status ?? 'UNKNOWN' : n.row.ProductName ?? n.row.ProductId ?? '?');
    for (const node of this.sortedProducts()) {
      const key = keyOf(node);
      byKey.set(key, [...(byKey.get(key) ?? []), node]);
    }
    const keys = [...byKey.keys()].sort((a, b) =>
      this.groupBy === 'status' ? STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b) : a.localeCompare(b),
    );
    return keys.map((key) =>
      this.groupBy === 'status'
        ? new GroupNode(`group/status/${key}`, humanize(key), byKey.get(key)!, productStatusIcon(key))
        : new GroupNode(`group/product/${key}`, key, byKey.get(key)!, new vscode.ThemeIcon('package')),
    );
  }

  private onSessionChanged(): void {
    this.products.clear();
    this.loadedOnce = false;
    this.failure = undefined;
    this.lastSuccess = undefined;
    this.changed.fire(undefined);
    if (this.session.api) void this.refresh();
  }
}
