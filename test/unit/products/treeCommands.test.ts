// The filter command: a pick of statuses, products and types (sent as SearchQuery terms), clear, or
// free text typed in the pick; the input box of old when nothing is typed.
import '../../support/fakeVscode'; // first: the code below requires 'vscode'
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { filterItems, promptFilter } from '../../../src/products/treeCommands';
import type { ProvisionedProductsProvider } from '../../../src/products/provisionedProductsProvider';
import type { UserInput } from '../../../src/ui/userInput';

function provider(filter: string) {
  const set: string[] = [];
  const tree = {
    filter,
    productNodes: [{ row: { ProductName: 'Web site', Type: 'CFN_STACK', Status: 'ERROR' } }],
    setFilter: async (text: string) => void set.push(text),
  } as unknown as ProvisionedProductsProvider;
  return { tree, set };
}

type Answer = (items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | { typed: string };
function input(answer: Answer, text?: string, withTyping = true): UserInput & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    pickOrType: withTyping ? (async (items: readonly vscode.QuickPickItem[]) => (asked.push('pickOrType'), answer(items))) as UserInput['pickOrType'] : undefined,
    pickOne: (async (items: readonly vscode.QuickPickItem[]) => (asked.push('pickOne'), answer(items))) as UserInput['pickOne'],
    inputText: async (options: vscode.InputBoxOptions) => (asked.push(`inputText:${options.value}`), text ?? assert.fail('no input box')),
    pickMany: async () => assert.fail('no pickMany'),
    confirm: async () => assert.fail('no confirm'),
  } as UserInput & { asked: string[] };
}

const byDescription = (description: string) => (items: readonly vscode.QuickPickItem[]) => items.find((i) => i.description === description)!;

describe('the filter pick', () => {
  it('sets a status picked from the list, with the other terms kept', async () => {
    const { tree, set } = provider('productName:web');
    await promptFilter(tree, input(byDescription('productName:web status:ERROR')));
    assert.deepEqual(set, ['productName:web status:ERROR']);
  });

  it('lists clear, the statuses, then the products, in sections', () => {
    const items = filterItems('status:ERROR', [{ ProductName: 'Web site' }]);
    assert.equal(items[0].description, 'status:ERROR');
    assert.match(items[0].label, /Clear filter/);
    const labels = items.map((i) => (i.kind === vscode.QuickPickItemKind.Separator ? `[${i.label}]` : i.label.replace(/^\$\([^)]*\) /, '')));
    assert.deepEqual(labels.slice(1), ['[Status]', 'Error (current)', 'Tainted', 'Under change', 'Plan in progress', 'Available', '[Product]', 'Web site']);
  });

  it('clears from the pick', async () => {
    const { tree, set } = provider('status:ERROR');
    await promptFilter(tree, input((items) => items[0]));
    assert.deepEqual(set, ['']);
  });

  it('takes free text typed in the pick, and opens the box with the filter in use when nothing was typed', async () => {
    const typed = provider('');
    await promptFilter(typed.tree, input(() => ({ typed: 'orders' })));
    assert.deepEqual(typed.set, ['orders']);
    const empty = provider('web');
    const asking = input(() => ({ typed: '' }), 'web status:TAINTED');
    await promptFilter(empty.tree, asking);
    assert.deepEqual(asking.asked, ['pickOrType', 'inputText:web']);
    assert.deepEqual(empty.set, ['web status:TAINTED']);
  });

  it('without typing in picks, offers the box as the last entry', async () => {
    const { tree, set } = provider('');
    const asking = input((items) => items[items.length - 1], 'name:x', false);
    await promptFilter(tree, asking);
    assert.deepEqual(asking.asked, ['pickOne', 'inputText:']);
    assert.deepEqual(set, ['name:x']);
  });
});
