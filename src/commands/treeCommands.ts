import * as vscode from 'vscode';
import type { GroupBy } from '../session/settings';
import { updateSetting } from '../session/settings';
import type { InfoNode, OutputNode, ProductNode } from '../tree/nodes';
import type { ProvisionedProductsProvider } from '../tree/provisionedProductsProvider';
import type { UserInput } from '../ui/userInput';

export async function promptFilter(provider: ProvisionedProductsProvider, input: UserInput): Promise<void> {
  const text = await input.inputText({
    title: 'Filter provisioned products',
    prompt: 'Free text, or field:value terms such as status:ERROR or productName:web (sent as SearchQuery).',
    value: provider.filter,
  });
  await provider.setFilter(text);
}

export async function promptGroupBy(input: UserInput): Promise<void> {
  const items: (vscode.QuickPickItem & { value: GroupBy })[] = [
    { label: 'None', value: 'none' },
    { label: 'Status', value: 'status' },
    { label: 'Product', value: 'product' },
  ];
  const pick = await input.pickOne(items, { title: 'Group provisioned products by' });
  await updateSetting('groupBy', pick.value);
}

export async function copyField(node: ProductNode | undefined, field: 'Id' | 'Arn' | 'Name'): Promise<void> {
  const value = node?.row[field];
  if (!value) return;
  await vscode.env.clipboard.writeText(value);
  vscode.window.setStatusBarMessage(`Copied ${field === 'Arn' ? 'ARN' : field.toLowerCase()}: ${value}`, 3000);
}

/** Copies what a detail row stands for: the launch role ARN, or an output's value. */
export async function copyNodeValue(node: InfoNode | OutputNode | undefined): Promise<void> {
  const value = node && ('output' in node ? node.output.OutputValue : node.copyValue);
  if (!value) return;
  await vscode.env.clipboard.writeText(value);
  vscode.window.setStatusBarMessage(`Copied: ${value}`, 3000);
}
