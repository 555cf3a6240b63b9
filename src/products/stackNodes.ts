// The CloudFormation under a provisioned product: Resources and Events of its stack, or Instances of
// its stack set. Nothing is read until the user opens a folder (no CloudFormation call, nor its
// bundle, at tree load); a refresh of the product reads an open folder again. Once CloudFormation
// refused the connection, every folder shows the one hint and asks nothing more. The rows are in
// stackRowNodes.ts (dist/stacks.js), required when a folder first has rows to show.
import * as vscode from 'vscode';
import type { CatalogApi } from '../aws/catalogApi';
import { STACK_ACCESS_HINT, STACK_READ_ACTIONS, StackAccessDeniedError } from '../core/stacks/stackAccess';
import { locateStack, type LocatableProduct } from '../core/stacks/stackLocation';
import { isMissingStack } from '../core/stacks/stackRows';
import { inert } from '../core/untrustedText';
import { loadStacksModule } from '../connections/lazyModules';
import { InfoNode, ITEM_CONTEXT, TreeNode, type TreeStacks } from './treeNode';

/**
 * The stack folders of a product. A product with no stack (Terraform, External, or a stack product
 * Service Catalog names no stack for yet) gets one inert line saying so, in place of folders: a user
 * who looks for the resources learns why there are none without opening an empty folder.
 */
export function stackFolders(productId: string, product: LocatableProduct): TreeNode[] {
  const location = locateStack(product);
  if (location.kind === 'stack') return [new StackResourcesNode(productId, location.stackId), new StackEventsNode(productId, location.stackId)];
  if (location.kind === 'stackSet') return [new StackInstancesNode(productId, location.provisionedProductId)];
  return [new InfoNode(`${productId}/noStack`, 'No CloudFormation stack', location.reason, 'circle-slash', undefined, location.reason)];
}

/** A folder of stack rows; a refusal (now or before) is the hint, a deleted stack says so. */
abstract class StackFolderNode extends TreeNode {
  protected abstract readonly label: string;
  protected abstract readonly icon: string;
  protected abstract readonly what: string;

  constructor(protected readonly parentId: string) {
    super();
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = ITEM_CONTEXT.stackFolder;
    return item;
  }

  override async children(api: CatalogApi, stacks?: TreeStacks): Promise<TreeNode[]> {
    if (stacks && !stacks.readable) return [this.hint()];
    try {
      const nodes = await this.read(api, stacks);
      return nodes.length ? nodes : [new InfoNode(`${this.id}/none`, `No ${this.what}`, '', 'info')];
    } catch (error) {
      if (error instanceof StackAccessDeniedError) return [this.hint()];
      if (isMissingStack(error)) return [new InfoNode(`${this.id}/gone`, 'The stack does not exist', inert((error as Error).message, 'line'), 'circle-slash')];
      throw error; // the provider's "Could not load" row, with its words
    }
  }

  protected abstract read(api: CatalogApi, stacks: TreeStacks | undefined): Promise<TreeNode[]>;

  private hint(): TreeNode {
    const needs = `needs ${STACK_READ_ACTIONS.join(', ')}`;
    return new InfoNode(`${this.id}/denied`, 'CloudFormation details are off for this connection', needs, 'lock', undefined, STACK_ACCESS_HINT);
  }
}

function required(stacks: TreeStacks | undefined): TreeStacks {
  if (!stacks) throw new Error('Not connected.');
  return stacks;
}

export class StackResourcesNode extends StackFolderNode {
  protected readonly label = 'Resources';
  protected readonly icon = 'symbol-class';
  protected readonly what = 'resources';

  constructor(parentId: string, readonly stackId: string) {
    super(parentId);
  }

  get id(): string {
    return `${this.parentId}/stackResources`;
  }

  protected async read(_api: CatalogApi, stacks: TreeStacks | undefined): Promise<TreeNode[]> {
    const resources = await required(stacks).resources(this.stackId);
    return loadStacksModule().resourceNodes(this.id, resources);
  }
}

export class StackEventsNode extends StackFolderNode {
  protected readonly label = 'Events';
  protected readonly icon = 'history';
  protected readonly what = 'events';

  constructor(parentId: string, readonly stackId: string) {
    super(parentId);
  }

  get id(): string {
    return `${this.parentId}/stackEvents`;
  }

  /** The newest page of events (DescribeStackEvents, up to 100), failures first. */
  protected async read(_api: CatalogApi, stacks: TreeStacks | undefined): Promise<TreeNode[]> {
    const { events } = await required(stacks).eventsSince(this.stackId);
    return loadStacksModule().eventNodes(this.id, events);
  }
}

export class StackInstancesNode extends StackFolderNode {
  protected readonly label = 'Instances';
  protected readonly icon = 'layers';
  protected readonly what = 'stack instances';

  constructor(parentId: string, readonly provisionedProductId: string) {
    super(parentId);
  }

  get id(): string {
    return `${this.parentId}/stackInstances`;
  }

  /** Service Catalog's ListStackInstancesForProvisionedProduct: no CloudFormation call, so no gate. */
  protected async read(api: CatalogApi): Promise<TreeNode[]> {
    const instances = await api.stackInstances(this.provisionedProductId);
    return loadStacksModule().instanceNodes(this.id, instances);
  }
}
