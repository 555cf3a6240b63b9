// While a product is under change, its open Events folder is read again with each auto-refresh; a
// product's children tell the provider which Events folder is shown.
import { fakeVscode } from '../../support/fakeVscode'; // first: the code below requires 'vscode'
import { strict as assert } from 'node:assert';
import type { CatalogSession } from '../../../src/connections/catalogSession';
import { AutoRefresher } from '../../../src/products/autoRefresher';
import type { TreeNode, TreeStacks } from '../../../src/products/nodes';
import { newProductNodeCache, ProvisionedProductsProvider } from '../../../src/products/provisionedProductsProvider';
import { StackEventsNode } from '../../../src/products/stackNodes';

const STACK = 'arn:aws:cloudformation:us-east-1:123456789012:stack/SC-123456789012-pp-abc/3f1c2a40-cf11-11f0-9d9b-0a1b2c3d4e5f';
const disposable = { dispose: () => undefined };

describe('the Events folder of a product under change', () => {
  const saved = fakeVscode.EventEmitter;
  const fired: unknown[] = [];
  before(() => {
    (fakeVscode as { EventEmitter: unknown }).EventEmitter = class { event = () => disposable; fire(value: unknown) { fired.push(value); } dispose() {} };
  });
  after(() => { fakeVscode.EventEmitter = saved; });

  it('is read again with each auto-refresh of the product, and only its own', async () => {
    const stacks: TreeStacks = { readable: true, resources: async () => [], eventsSince: async () => ({ events: [], truncated: false }) };
    const api = { describeProvisionedProduct: async (id: string) => ({ Id: id, Status: 'UNDER_CHANGE', Type: 'CFN_STACK', PhysicalId: STACK }) };
    const session = { onDidChange: () => disposable, state: { kind: 'connected' }, api, stacks } as unknown as CatalogSession;
    const cache = newProductNodeCache();
    const provider = new ProvisionedProductsProvider(session, cache, '', 'none');
    cache.addNew([
      { Id: 'pp-1', Name: 'orders', Status: 'UNDER_CHANGE', Type: 'CFN_STACK', PhysicalId: STACK },
      { Id: 'pp-2', Name: 'billing', Status: 'AVAILABLE', Type: 'CFN_STACK', PhysicalId: STACK },
    ]);
    const [busy, settled] = ['pp-1', 'pp-2'].map((id) => cache.get(id)!);
    const busyChildren = await provider.getChildren(busy);
    await provider.getChildren(settled);
    const events = busyChildren.find((c): c is StackEventsNode => c instanceof StackEventsNode);
    assert.ok(events);

    const refresher = new AutoRefresher(session, provider, { enabled: () => true, intervalMs: () => 60_000, viewVisible: () => true });
    fired.length = 0;
    await refresher.tick();
    refresher.dispose();
    const redrawn = fired.filter((f): f is TreeNode[] => Array.isArray(f) && f.some((n) => n instanceof StackEventsNode));
    assert.deepEqual(redrawn, [[events]], 'the busy product\'s Events folder, the one VS Code was given');
  });
});
