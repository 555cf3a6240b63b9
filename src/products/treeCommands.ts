import * as vscode from 'vscode';
import type { GroupBy } from '../connections/settings';
import { readSettings, updateSetting } from '../connections/settings';
import type { InfoNode, OutputNode, ProductNode, RecordNode } from './nodes';
import type { ProvisionedProductsProvider } from './provisionedProductsProvider';
import type { UserInput } from '../ui/userInput';
import { inert } from '../core/untrustedText';

export async function promptFilter(provider: ProvisionedProductsProvider, input: UserInput): Promise<void> {
  const text = await input.inputText({
    title: 'Filter provisioned products',
    prompt: 'Free text, or field:value terms such as status:ERROR or productName:web (sent as SearchQuery).',
    value: provider.filter,
  });
  await provider.setFilter(text);
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

/** Copies what a detail row stands for: the launch role ARN, an output's value, a record's id. */
export async function copyNodeValue(node: InfoNode | OutputNode | RecordNode | undefined): Promise<void> {
  const value = node && ('output' in node ? node.output.OutputValue : 'record' in node ? node.record.RecordId : node.copyValue);
  if (!value) return;
  await vscode.env.clipboard.writeText(value);
  vscode.window.setStatusBarMessage(`Copied: ${inert(value, 'label', { maxLength: 80 })}`, 3000);
}
