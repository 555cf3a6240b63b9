// The rows of the stack folders (stackNodes.ts): a stack's resources and events, a stack set's
// instances, in the order stackRows sorts them. The entry of dist/stacks.js, required when a stack
// folder first has rows to show.
import * as vscode from 'vscode';
import {
  eventRow, instanceRow, resourceRow, sortEvents, sortInstances, sortResources, stackInstanceIcon, stackStatusIcon, type StackRowText,
} from '../core/stacks/stackRows';
import type { StackEvent, StackInstance, StackResource } from '../core/stacks/types';
import { iconId, type StatusIcon } from '../core/statuses';
import { ITEM_CONTEXT, TreeNode } from './treeNode';

export function resourceNodes(folderId: string, resources: readonly StackResource[]): StackResourceNode[] {
  return sortResources(resources).map((r) => new StackResourceNode(folderId, r));
}

export function eventNodes(folderId: string, events: readonly StackEvent[]): StackEventNode[] {
  return sortEvents(events).map((e) => new StackEventNode(folderId, e));
}

export function instanceNodes(folderId: string, instances: readonly StackInstance[]): StackInstanceNode[] {
  return sortInstances(instances).map((i) => new StackInstanceNode(folderId, i));
}

/** A row of a stack folder: words from stackRows, a status icon. */
abstract class StackRowNode extends TreeNode {
  protected abstract text(): StackRowText;
  protected abstract icon(): StatusIcon;

  toTreeItem(): vscode.TreeItem {
    const text = this.text();
    const item = new vscode.TreeItem(text.label);
    item.id = this.id;
    item.description = text.description;
    item.tooltip = new vscode.MarkdownString(text.tooltip, true);
    const icon = this.icon();
    item.iconPath = new vscode.ThemeIcon(iconId(icon), new vscode.ThemeColor(icon.color));
    item.accessibilityInformation = { label: [text.label, text.description].join(', ') };
    return item;
  }
}

export class StackResourceNode extends StackRowNode {
  constructor(
    private readonly parentId: string,
    readonly resource: StackResource,
  ) {
    super();
  }

  get id(): string {
    return `${this.parentId}/${this.resource.logicalId}`;
  }

  /** What Copy Value copies: the physical id. */
  get copyValue(): string | undefined {
    return this.resource.physicalId;
  }

  protected text(): StackRowText {
    return resourceRow(this.resource);
  }

  protected icon(): StatusIcon {
    return stackStatusIcon(this.resource.status);
  }

  override toTreeItem(): vscode.TreeItem {
    const item = super.toTreeItem();
    item.contextValue = this.copyValue ? ITEM_CONTEXT.copyableStackResource : ITEM_CONTEXT.stackResource;
    return item;
  }
}

export class StackEventNode extends StackRowNode {
  constructor(
    private readonly parentId: string,
    readonly event: StackEvent,
  ) {
    super();
  }

  get id(): string {
    return `${this.parentId}/${this.event.eventId}`;
  }

  protected text(): StackRowText {
    return eventRow(this.event);
  }

  protected icon(): StatusIcon {
    return stackStatusIcon(this.event.status);
  }

  override toTreeItem(): vscode.TreeItem {
    const item = super.toTreeItem();
    item.contextValue = ITEM_CONTEXT.stackEvent;
    return item;
  }
}

export class StackInstanceNode extends StackRowNode {
  constructor(
    private readonly parentId: string,
    readonly instance: StackInstance,
  ) {
    super();
  }

  get id(): string {
    return `${this.parentId}/${this.instance.account}/${this.instance.region}`;
  }

  protected text(): StackRowText {
    return instanceRow(this.instance);
  }

  protected icon(): StatusIcon {
    return stackInstanceIcon(this.instance.status);
  }

  override toTreeItem(): vscode.TreeItem {
    const item = super.toTreeItem();
    item.contextValue = ITEM_CONTEXT.stackInstance;
    return item;
  }
}
