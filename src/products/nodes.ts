// The tree's elements. Each has a stable `id` (so VS Code keeps expansion across refreshes) and
// builds its own TreeItem; children are loaded when the user expands them.
import * as vscode from 'vscode';
import type { RecordDetail, RecordOutput, Tag } from '@aws-sdk/client-service-catalog';
import type { CatalogApi } from '../aws/catalogApi';
import { productContextValue } from '../core/products/capabilities';
import type { ProductRow } from '../core/products/productRow';
import type { LastOperation } from '../core/products/lastOperations';
import { operationSince, splitTags } from '../core/products/productSummary';
import { OUTPUTS_NOT_CURRENT, outputSourceNote, RECORD_OUTPUTS_EXPLANATION } from '../core/products/outputSource';
import { BUSY_PRODUCT_STATUSES, humanizeStatus, isHealthyProductStatus } from '../core/statuses';
import { activityIcon, productStatusIcon, recordStatusIcon } from './statusStyle';
import { formatTime } from '../core/localTime';
import { productTooltip, recordTooltip } from './tooltips';
import { inert, webUrl } from '../core/untrustedText';
import { COMMANDS } from '../ui/commandIds';
import { InfoNode, ITEM_CONTEXT, TreeNode } from './treeNode';
import { stackFolders } from './stackNodes';

export { InfoNode, ITEM_CONTEXT, TreeNode, type TreeStacks } from './treeNode';

/** How many of its newest records a provisioned product shows under "Recent records" in the tree. */
export const RECORDS_UNDER_A_PRODUCT = 10;

export class ProductNode extends TreeNode {
  /** Shown on the item while an operation started here runs ("Updating…"). */
  activity?: string;

  constructor(public row: ProductRow) {
    super();
  }

  get id(): string {
    return `pp/${this.row.Id}`;
  }

  /**
   * `underItsProduct`: shown in a group named after its product, so the description gives just the version.
   * `operation`: what the product's last record says runs on it (LastOperations.of).
   */
  toTreeItem(underItsProduct = false, operation?: LastOperation, now = new Date()): vscode.TreeItem {
    const r = this.row;
    const item = new vscode.TreeItem(inert(r.Name ?? r.Id ?? '?', 'line'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const version = r.ProvisioningArtifactName ?? r.ProvisioningArtifactId;
    const product = inert([underItsProduct ? undefined : r.ProductName ?? r.ProductId, version].filter(Boolean).join(' · '), 'line');
    const lead = statusLead(r, operation, this.activity, now);
    item.description = [lead, product].filter(Boolean).join(' · ');
    item.iconPath = this.activity ? activityIcon() : productStatusIcon(r.Status);
    item.contextValue = productContextValue(r);
    // Until the detail (launch role) is read, leave the tooltip to resolveTreeItem, which runs on hover.
    item.tooltip = r.detailLoaded ? productTooltip(r, operation, now) : undefined;
    // The status is always said; the lead adds what runs on it.
    const status = humanizeStatus(r.Status);
    item.accessibilityInformation = { label: [inert(r.Name, 'line'), status, lead !== status ? lead : undefined, product].filter(Boolean).join(', ') };
    return item;
  }

  override async children(api: CatalogApi): Promise<TreeNode[]> {
    const id = this.row.Id!;
    const detail = await api.describeProvisionedProduct(id);
    this.row = { ...this.row, LaunchRoleArn: detail.LaunchRoleArn, StatusMessage: detail.StatusMessage, detailLoaded: true };
    const nodes: TreeNode[] = [];
    if (detail.StatusMessage) nodes.push(new InfoNode(`${this.id}/message`, detail.StatusMessage, 'Status message', 'comment'));
    nodes.push(new InfoNode(`${this.id}/launchRole`, detail.LaunchRoleArn ?? 'none', 'Launch role', 'shield', detail.LaunchRoleArn));
    nodes.push(new TagsNode(this), new OutputsNode(this), ...stackFolders(this.id, this.row), new RecordsNode(this.id, id));
    return nodes;
  }
}

/**
 * The first words of a product's description, what a user scanning the list needs without hovering:
 * the operation its last record says runs on a busy product ("Updating since 14:02"); else the one
 * started here before its record shows ("Updating…"); else the status unless AVAILABLE ("Error").
 */
export function statusLead(row: ProductRow, operation: LastOperation | undefined, activity: string | undefined, now: Date): string | undefined {
  if (operation && BUSY_PRODUCT_STATUSES.has(row.Status ?? '')) return operationSince(operation, now);
  if (activity) return activity;
  return isHealthyProductStatus(row.Status) ? undefined : humanizeStatus(row.Status);
}

/**
 * A product's tags as SearchProvisionedProducts last gave them: the user's, then the service's own
 * (`aws:…`) in a folder of their own. After an operation the list's tags may be old: they are read again.
 */
export class TagsNode extends TreeNode {
  constructor(private readonly product: ProductNode) {
    super();
  }

  get id(): string {
    return `${this.product.id}/tags`;
  }

  toTreeItem(): vscode.TreeItem {
    const row = this.product.row;
    const item = new vscode.TreeItem('Tags', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = row.tagsOutdated ? 'read on expand' : String(splitTags(row.Tags).user.length);
    item.iconPath = new vscode.ThemeIcon('tag');
    item.contextValue = ITEM_CONTEXT.tags;
    return item;
  }

  override async children(api: CatalogApi): Promise<TreeNode[]> {
    const row = this.product.row;
    if (row.tagsOutdated) {
      const [fresh] = await api.listProvisionedProducts({ query: `id:${row.Id}` });
      if (!fresh) return [new InfoNode(`${this.id}/gone`, 'No longer listed', '', 'info')];
      this.product.row = { ...this.product.row, Tags: fresh.Tags, tagsOutdated: false };
    }
    const { user, system } = splitTags(this.product.row.Tags);
    const nodes: TreeNode[] = user.map((tag) => new TagNode(this.id, tag));
    if (!user.length) nodes.push(new InfoNode(`${this.id}/none`, 'No tags', '', 'info'));
    if (system.length) nodes.push(new SystemTagsNode(this.id, system));
    return nodes;
  }
}

/** The `aws:…` tags the service adds, apart from the user's. */
class SystemTagsNode extends TreeNode {
  constructor(
    private readonly parentId: string,
    private readonly tags: readonly Tag[],
  ) {
    super();
  }

  get id(): string {
    return `${this.parentId}/aws`;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('AWS tags', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = String(this.tags.length);
    item.tooltip = 'Tags the service adds (keys starting with aws:)';
    item.iconPath = new vscode.ThemeIcon('tag');
    item.contextValue = ITEM_CONTEXT.tags;
    return item;
  }

  override children(): TreeNode[] {
    return this.tags.map((tag) => new TagNode(this.id, tag));
  }
}

export class TagNode extends TreeNode {
  constructor(
    private readonly parentId: string,
    readonly tag: Tag,
  ) {
    super();
  }

  get id(): string {
    return `${this.parentId}/${this.tag.Key}`;
  }

  /** What Copy Value copies. */
  get copyValue(): string | undefined {
    return this.tag.Value;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(inert(this.tag.Key ?? '?', 'line'));
    item.id = this.id;
    item.description = inert(this.tag.Value, 'line');
    item.tooltip = `${inert(this.tag.Key, 'line', { maxLength: 2000 })} = ${inert(this.tag.Value, 'line', { maxLength: 2000 })}`;
    item.iconPath = new vscode.ThemeIcon('tag');
    item.contextValue = ITEM_CONTEXT.tag;
    return item;
  }
}

export class GroupNode extends TreeNode {
  constructor(
    readonly id: string,
    private readonly label: string,
    readonly members: ProductNode[],
    private readonly icon: vscode.ThemeIcon,
  ) {
    super();
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = String(this.members.length);
    item.iconPath = this.icon;
    item.contextValue = ITEM_CONTEXT.group;
    return item;
  }

  override children(): TreeNode[] {
    return this.members;
  }
}

/**
 * A product's outputs: the current ones (GetProvisionedProductOutputs), or where the caller may not
 * read those, its last successful provisioning record's, with a first line saying which record.
 */
export class OutputsNode extends TreeNode {
  constructor(private readonly product: ProductNode) {
    super();
  }

  get id(): string {
    return `${this.product.id}/outputs`;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Outputs', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('output');
    item.contextValue = ITEM_CONTEXT.outputs;
    return item;
  }

  override async children(api: CatalogApi): Promise<TreeNode[]> {
    const { outputs, source } = await api.outputsOf(this.product.row);
    const note = outputSourceNote(source);
    const nodes: TreeNode[] = note ? [new InfoNode(`${this.id}/source`, humanizeFirst(note), OUTPUTS_NOT_CURRENT, 'history', undefined, RECORD_OUTPUTS_EXPLANATION)] : [];
    if (!outputs.length && source.kind !== 'noRecord') nodes.push(new InfoNode(`${this.id}/none`, 'No outputs', '', 'info'));
    return [...nodes, ...outputs.map((o) => new OutputNode(this.id, o))];
  }
}

function humanizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export class OutputNode extends TreeNode {
  constructor(
    private readonly parentId: string,
    readonly output: RecordOutput,
  ) {
    super();
  }

  get id(): string {
    return `${this.parentId}/${this.output.OutputKey}`;
  }

  toTreeItem(): vscode.TreeItem {
    const o = this.output;
    const item = new vscode.TreeItem(inert(o.OutputKey ?? '?', 'line'));
    item.id = this.id;
    item.description = inert(o.OutputValue, 'line');
    item.tooltip = [o.OutputKey, o.OutputValue, o.Description].filter(Boolean).map((text) => inert(text, 'line', { maxLength: 2000 })).join('\n');
    const url = webUrl(o.OutputValue);
    item.iconPath = new vscode.ThemeIcon(url ? 'link-external' : 'symbol-constant');
    item.contextValue = ITEM_CONTEXT.output;
    if (url) item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(url, true)] };
    return item;
  }
}

class RecordsNode extends TreeNode {
  constructor(
    private readonly parentId: string,
    private readonly provisionedProductId: string,
  ) {
    super();
  }

  get id(): string {
    return `${this.parentId}/records`;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Recent records', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('history');
    item.contextValue = ITEM_CONTEXT.records;
    return item;
  }

  override async children(api: CatalogApi): Promise<TreeNode[]> {
    const records = await api.listRecordsOfProvisionedProduct(this.provisionedProductId, RECORDS_UNDER_A_PRODUCT);
    if (!records.length) return [new InfoNode(`${this.id}/none`, 'No records', '', 'info')];
    return records.map((r) => new RecordNode(this.id, r));
  }
}

export class RecordNode extends TreeNode {
  constructor(
    private readonly parentId: string,
    readonly record: RecordDetail,
  ) {
    super();
  }

  get id(): string {
    return `${this.parentId}/${this.record.RecordId}`;
  }

  toTreeItem(): vscode.TreeItem {
    const r = this.record;
    const item = new vscode.TreeItem(humanizeStatus(r.RecordType ?? 'record'));
    item.id = this.id;
    item.description = `${humanizeStatus(r.Status)} · ${r.CreatedTime ? formatTime(r.CreatedTime) : ''} · ${inert(r.RecordId, 'line')}`;
    item.iconPath = recordStatusIcon(r.Status);
    item.tooltip = recordTooltip(r);
    item.contextValue = ITEM_CONTEXT.record;
    if (r.RecordId) item.command = { command: COMMANDS.openRecord, title: 'Open Record', arguments: [r.RecordId] };
    return item;
  }
}

/** A line that stands for a failure or a stale list, with a click to retry. */
export class MessageNode extends TreeNode {
  constructor(
    readonly id: string,
    private readonly label: string,
    private readonly detail: string,
    private readonly icon: vscode.ThemeIcon,
    private readonly command?: vscode.Command,
  ) {
    super();
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label);
    item.id = this.id;
    item.description = this.detail;
    item.tooltip = `${this.label}\n${this.detail}`;
    item.iconPath = this.icon;
    item.command = this.command;
    item.contextValue = ITEM_CONTEXT.message;
    return item;
  }
}
