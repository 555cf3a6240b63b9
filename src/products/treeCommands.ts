// The view's own commands: refresh, filter, group, and copying what an item shows.
import * as vscode from 'vscode';
import type { GroupBy } from '../connections/settings';
import { readSettings, updateSetting } from '../connections/settings';
import type { InfoNode, OutputNode, ProductNode, RecordNode, TagNode } from './nodes';
import type { StackResourceNode } from './stackRowNodes';
import type { ProvisionedProductsProvider } from './provisionedProductsProvider';
import type { UserInput } from '../ui/userInput';
import { inert } from '../core/untrustedText';
import { filterChoices, filteredStatus, type FilterField } from '../core/products/filterChoices';
import type { ProductRow } from '../core/products/productRow';
import { humanizeStatus, productStatusIcon } from '../core/statuses';
import { statusGlyph } from './statusStyle';
import { registerCommand, type CommandServices } from '../ui/commandErrors';
import { COMMANDS } from '../ui/commandIds';

/** Where the view's filter is kept (workspace state), so it survives a reload. */
const FILTER_KEY = 'serviceCatalogExplorer.filter';

export interface TreeCommandDeps extends CommandServices {
  readonly tree: ProvisionedProductsProvider;
  readonly workspaceState: vscode.Memento;
}

/** The filter kept for this workspace (the tree starts with it). */
export function savedFilter(workspaceState: vscode.Memento): string {
  return workspaceState.get<string>(FILTER_KEY, '');
}

export function registerTreeCommands(deps: TreeCommandDeps): vscode.Disposable[] {
  const { tree, input, workspaceState } = deps;
  return [
    registerCommand(COMMANDS.refresh, () => tree.refresh(), deps),
    registerCommand(COMMANDS.filter, async () => {
      await promptFilter(tree, input);
      await workspaceState.update(FILTER_KEY, tree.filter);
    }, deps),
    registerCommand(COMMANDS.clearFilter, async () => {
      await tree.setFilter('');
      await workspaceState.update(FILTER_KEY, '');
    }, deps),
    registerCommand(COMMANDS.groupBy, () => promptGroupBy(input), deps),
    registerCommand(COMMANDS.copyId, (_context, node?: ProductNode, selected?: unknown[]) => copyField(node, 'Id', selected), deps),
    registerCommand(COMMANDS.copyArn, (_context, node?: ProductNode, selected?: unknown[]) => copyField(node, 'Arn', selected), deps),
    registerCommand(COMMANDS.copyName, (_context, node?: ProductNode, selected?: unknown[]) => copyField(node, 'Name', selected), deps),
    registerCommand(COMMANDS.copyValue, (_context, node?: InfoNode | OutputNode | RecordNode | TagNode | StackResourceNode) => copyNodeValue(node), deps),
  ];
}

/** `query`: the filter the item sets; without one, the filter is typed in a box. */
type FilterItem = vscode.QuickPickItem & { readonly query?: string };

const FIELD_SECTIONS: Readonly<Record<FilterField, string>> = { status: 'Status', productName: 'Product', type: 'Type' };

/**
 * A pick of filters: clear, each status, the listed products and types (each added to the filter's
 * other terms), or free text / `field:value` typed in the box. All is sent as SearchQuery.
 */
export async function promptFilter(provider: ProvisionedProductsProvider, input: UserInput): Promise<void> {
  const current = provider.filter;
  const items = filterItems(current, provider.productNodes.map((n) => n.row));
  const title = current ? `Filter provisioned products (now: ${inert(current, 'label', { maxLength: 80 })})` : 'Filter provisioned products';
  const typedLabel = (value: string) => (value ? `$(search) Filter by "${inert(value, 'label', { maxLength: 80 })}"` : '$(edit) Type free text or field:value terms…');
  let query: string | undefined;
  if (input.pickOrType) {
    const pick = await input.pickOrType(items, { title, placeHolder: 'A status, a product, or free text', matchOnDescription: true, typedLabel, typedFirst: (value) => /[\s:]/.test(value) });
    query = 'typed' in pick ? pick.typed || undefined : pick.query;
  } else {
    const edit: FilterItem = { label: typedLabel('') };
    const pick = await input.pickOne([...items, edit], { title, matchOnDescription: true });
    query = pick.query;
  }
  await provider.setFilter(query ?? (await typeFilter(provider, input)));
}

/** The box of old: free text or field:value terms, starting from the filter in use. */
function typeFilter(provider: ProvisionedProductsProvider, input: UserInput): Promise<string> {
  return input.inputText({
    title: 'Filter provisioned products',
    prompt: 'Free text, or field:value terms such as status:ERROR or productName:web (sent as SearchQuery).',
    value: provider.filter,
  });
}

export function filterItems(current: string, rows: readonly ProductRow[]): FilterItem[] {
  const items: FilterItem[] = current ? [{ label: '$(clear-all) Clear filter', description: inert(current, 'label'), query: '' }] : [];
  const status = filteredStatus(current);
  let section: FilterField | undefined;
  for (const choice of filterChoices(current, rows)) {
    if (choice.field !== section) {
      section = choice.field;
      items.push({ label: FIELD_SECTIONS[section], kind: vscode.QuickPickItemKind.Separator });
    }
    const label = choice.field === 'status' ? `${statusGlyph(productStatusIcon(choice.value), false)} ${humanizeStatus(choice.value)}` : inert(choice.value, 'label');
    const now = choice.field === 'status' && choice.value === status ? ' (current)' : '';
    items.push({ label: `${label}${now}`, description: inert(choice.query, 'label'), query: choice.query });
  }
  return items;
}

export async function promptGroupBy(input: UserInput): Promise<void> {
  const current = readSettings().groupBy;
  const items: (vscode.QuickPickItem & { value: GroupBy })[] = [
    { label: 'None', value: 'none' },
    { label: 'Status', value: 'status' },
    { label: 'Product', value: 'product' },
  ].map((item) => ({ ...item, value: item.value as GroupBy, description: item.value === current ? 'current' : undefined, picked: item.value === current }));
  const pick = await input.pickOne(items, { title: 'Group provisioned products by' });
  await updateSetting('groupBy', pick.value);
}

/** Copies a field of the clicked product, or of every selected product (one per line). */
export async function copyField(node: ProductNode | undefined, field: 'Id' | 'Arn' | 'Name', selected?: readonly unknown[]): Promise<void> {
  const nodes = selected?.length ? selected.filter((n): n is ProductNode => !!n && typeof n === 'object' && 'row' in n) : node ? [node] : [];
  const values = nodes.map((n) => n.row[field]).filter((v): v is string => !!v);
  if (!values.length) return;
  await vscode.env.clipboard.writeText(values.join('\n'));
  const what = field === 'Arn' ? 'ARN' : field.toLowerCase();
  vscode.window.setStatusBarMessage(values.length === 1 ? `Copied ${what}: ${inert(values[0], 'label', { maxLength: 80 })}` : `Copied ${values.length} ${what}s`, 3000);
}

/** Copies what a detail row stands for: the launch role ARN, an output's value, a record's id, a tag's value. */
export async function copyNodeValue(node: InfoNode | OutputNode | RecordNode | TagNode | StackResourceNode | undefined): Promise<void> {
  const value = node && ('output' in node ? node.output.OutputValue : 'record' in node ? node.record.RecordId : node.copyValue);
  if (!value) return;
  await vscode.env.clipboard.writeText(value);
  vscode.window.setStatusBarMessage(`Copied: ${inert(value, 'label', { maxLength: 80 })}`, 3000);
}
