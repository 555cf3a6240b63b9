// The spec files' catalog adapter: reads only what the file names, through the catalog facts, and says
// why live checks are off when there is no connection or the listing fails.
import { strict as assert } from 'node:assert';
import '../../support/fakeVscode'; // first: the code below requires 'vscode'
import type { CatalogFacts } from '../../../src/core/catalog/catalogFacts';
import { parseSpec, validateSpec } from '../../../src/core/specs';
import { CatalogUnavailable, SpecCatalog, specCatalogOfSession } from '../../../src/specs/specCatalog';

function facts(calls: string[], options: { listingFails?: boolean } = {}): CatalogFacts {
  return {
    products: async () => {
      calls.push('products');
      if (options.listingFails) throw new Error('AccessDenied');
      return [{ id: 'prod-a', name: 'Alpha' }, { id: 'prod-b', name: 'Beta' }];
    },
    product: async (id) => {
      calls.push(`product ${id}`);
      return { artifacts: [{ Id: `${id}-v1`, Name: 'v1', Guidance: 'DEPRECATED' }, { Id: `${id}-v2`, Name: 'v2' }], versions: new Map(), launchPaths: new Map() };
    },
    launchPaths: async (id) => {
      calls.push(`paths ${id}`);
      return [{ id: `lp-${id}`, name: 'Portfolio', constraintTypes: [] }];
    },
    provisioningParameters: async (productId, versionId) => {
      calls.push(`parameters ${productId} ${versionId}`);
      return { ProvisioningArtifactParameters: [{ ParameterKey: 'Size', IsNoEcho: false }] };
    },
  };
}

const noEvents = () => ({ dispose() {} });
const SPEC = 'provisionedProducts:\n  - name: one\n    product: Alpha\n    version: v2\n';

describe('SpecCatalog', () => {
  it('describes only the named product and reads the parameters of the version the spec resolves to', async () => {
    const calls: string[] = [];
    const catalog = new SpecCatalog({ catalogFacts: () => facts(calls), onDidChangeCatalog: noEvents });
    const snapshot = await catalog.snapshotFor(parseSpec(SPEC));
    assert.deepEqual(calls.sort(), ['parameters prod-a prod-a-v2', 'paths prod-a', 'product prod-a', 'products']);
    const alpha = snapshot.products.find((p) => p.name === 'Alpha');
    assert.deepEqual(alpha?.versions.map((v) => [v.name, v.guidance]), [['v1', 'DEPRECATED'], ['v2', undefined]]);
    assert.deepEqual(snapshot.products.find((p) => p.name === 'Beta')?.versions, []);
    assert.deepEqual(validateSpec(parseSpec(SPEC), snapshot).pending, [], 'nothing left to read');
  });

  it('says live checks are off when not connected or when the listing fails', async () => {
    const offline = new SpecCatalog({ catalogFacts: () => undefined, onDidChangeCatalog: noEvents });
    await assert.rejects(offline.snapshotFor(parseSpec(SPEC)), (e: unknown) => e instanceof CatalogUnavailable && /Not connected/.test(e.message));
    const refused = new SpecCatalog({ catalogFacts: () => facts([], { listingFails: true }), onDidChangeCatalog: noEvents });
    await assert.rejects(refused.snapshotFor(parseSpec(SPEC)), (e: unknown) => e instanceof CatalogUnavailable && /AccessDenied/.test(e.message));
  });

  it('gives the provisioned product of the spec\'s name with its user tags only', async () => {
    const row = { Id: 'pp-1', Name: 'one', ProductId: 'prod-a', ProvisioningArtifactId: 'prod-a-v2', Tags: [{ Key: 'team', Value: 'x' }, { Key: 'aws:x', Value: 'y' }] };
    const catalog = new SpecCatalog({ catalogFacts: () => facts([]), products: { find: (name) => (name === 'one' ? { row } : undefined) }, onDidChangeCatalog: noEvents });
    const snapshot = await catalog.snapshotFor(parseSpec(SPEC));
    assert.deepEqual(snapshot.provisionedProduct?.('one'), { id: 'pp-1', productId: 'prod-a', versionId: 'prod-a-v2', tags: { team: 'x' } });
    assert.equal(snapshot.provisionedProduct?.('two'), undefined);
  });

  it('tells of a change of the tree\'s products, of the connection and of a catalog refresh, and stops when disposed', () => {
    type Listener = (e?: unknown) => unknown;
    const listeners = { products: new Set<Listener>(), session: new Set<Listener>(), refresh: new Set<Listener>() };
    const subscribe = (set: Set<Listener>) => (listener: Listener) => (set.add(listener), { dispose: () => void set.delete(listener) });
    const catalog = specCatalogOfSession(
      { catalogFacts: undefined, onDidChange: subscribe(listeners.session), catalog: { onDidRefresh: subscribe(listeners.refresh) } },
      { find: () => undefined, onDidChange: subscribe(listeners.products) },
    );
    let told = 0;
    catalog.onDidChange(() => told++);
    const fire = (set: Set<Listener>) => set.forEach((listener) => listener());
    // A provision or a refresh of the tree decides whether a spec provisions or updates: its checks change.
    fire(listeners.products);
    fire(listeners.session);
    fire(listeners.refresh);
    assert.equal(told, 3);
    catalog.dispose();
    assert.deepEqual([listeners.products.size, listeners.session.size, listeners.refresh.size], [0, 0, 0]);
  });
});
