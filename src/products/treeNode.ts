// The base of the tree's elements and the rows every folder uses. Apart from nodes.ts so the stack
// folders (stackNodes.ts) build on it without an import cycle.
import * as vscode from 'vscode';
import type { CatalogApi } from '../aws/catalogApi';
import type { StackReader } from '../core/stacks/types';
import { inert } from '../core/untrustedText';

/**
 * The `contextValue` of every item but a provisioned product's (that one is productContextValue):
 * `;`-separated tokens that package.json menus match with `viewItem =~ /token/`. The first names the
 * item's kind; `canCopyValue` offers Copy Value. Set contextValue only from here (a unit test holds
 * package.json's when clauses against these values).
 */
export const ITEM_CONTEXT = {
  group: 'group',
  info: 'info',
  copyableInfo: 'info;canCopyValue',
  outputs: 'outputs',
  output: 'output;canCopyValue',
  records: 'records',
  record: 'record;canCopyValue',
  message: 'message',
  tags: 'tags',
  tag: 'tag;canCopyValue',
  stackFolder: 'stackFolder',
  stackResource: 'stackResource',
  copyableStackResource: 'stackResource;canCopyValue',
  stackEvent: 'stackEvent',
  stackInstance: 'stackInstance',
} as const;

/** The connection's CloudFormation reads as the tree needs them (ConnectionStacks; tests give fakes). */
export interface TreeStacks extends Pick<StackReader, 'resources' | 'eventsSince'> {
  /** False once CloudFormation refused the connection: folders show STACK_ACCESS_HINT and ask nothing. */
  readonly readable: boolean;
}

export abstract class TreeNode {
  abstract readonly id: string;
  abstract toTreeItem(): vscode.TreeItem;
  /** `stacks`: the connection's CloudFormation reads, for the stack folders (undefined when not connected). */
  children(_api: CatalogApi, _stacks?: TreeStacks): Promise<TreeNode[]> | TreeNode[] {
    return [];
  }
}

export class InfoNode extends TreeNode {
  constructor(
    readonly id: string,
    private readonly label: string,
    private readonly description: string,
    private readonly icon: string,
    readonly copyValue?: string,
    /** Our own words for the tooltip, in place of the description and label. */
    private readonly explanation?: string,
  ) {
    super();
  }

  toTreeItem(): vscode.TreeItem {
    // Labels hold service text (status messages, role ARNs).
    const label = inert(this.label, 'line');
    const item = new vscode.TreeItem(label);
    item.id = this.id;
    item.description = this.description;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.tooltip = this.explanation ?? (this.description ? `${this.description}: ${inert(this.label, 'line', { maxLength: 2000 })}` : label);
    item.contextValue = this.copyValue ? ITEM_CONTEXT.copyableInfo : ITEM_CONTEXT.info;
    return item;
  }
}
