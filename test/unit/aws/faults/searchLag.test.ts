// Search's index behind writes (the sandbox's searchLagMs knob, as SearchProvisionedProducts lags on
// AWS): a product provisioned from the form is in the tree's product cache at once, read with
// DescribeProvisionedProduct; the lagging listings that follow neither drop it nor take its newer
// status back, and once Search catches up there is one product, not two. A terminated product that
// Search still lists does not come back.
import * as assert from 'node:assert/strict';
import { ProvisioningService } from '../../../../src/aws/provisioningService';
import type { ProductRow } from '../../../../src/core/products/productRow';
import { ProductCache, type CachedProduct } from '../../../../src/products/productCache';
import { ProvisionFormController } from '../../../../src/provisioning/provisionFormController';
import type { Handlers } from '../../../../src/ui/webview/messageRouter';
import type { Sandbox } from '../../../../src/sandbox/index';
import { SEED } from '../../../../src/sandbox/service/index';
import { controllerDeps } from '../../../support/formDeps';
import { startTestSandbox } from '../../../support/sandbox';
import { newIdempotencyToken } from '../../../../src/core/parameters/validators';
import { extensionApi, settle, sleep } from '../../../support/faults';

const P = SEED.products.devInstance;
/** Search lags writes by 1.5 s (wall-clock): long enough to list in between, short enough to wait out. */
const SEARCH_LAG_MS = 1500;

function call<M extends keyof Handlers>(handlers: Handlers, method: M, params: Parameters<NonNullable<Handlers[M]>>[0]) {
  return (handlers[method] as (p: unknown) => Promise<any>)(params);
}

describe('faults: a lagging search index', function () {
  this.timeout(60_000);
  let sandbox: Sandbox | undefined;
  after(() => sandbox?.stop());

  it('shows a just-provisioned product at once, keeps its described status over lagging rows, and never twice', async () => {
    sandbox = await startTestSandbox({ searchLagMs: SEARCH_LAG_MS, seed: 12 });
    const api = extensionApi(sandbox);
    const provisioning = new ProvisioningService(api.client);
    const products = new ProductCache<CachedProduct>((row: ProductRow) => ({ row }));
    const listed = () => api.listProvisionedProducts();
    const refresh = async () => {
      const readSinceMs = Date.now();
      const rows = await listed();
      products.replace(rows, readSinceMs);
      return rows;
    };
    try {
      await refresh();
      const form = new ProvisionFormController(controllerDeps(provisioning, { knowProduct: (detail, names) => void products.know(detail, names) }), P.id);
      const options = await call(form.handlers, 'loadProduct', { productId: P.id });
      const target = { productId: P.id, provisioningArtifactId: P.versions.v11, ...(options.preselectedPathId ? { pathId: options.preselectedPathId } : {}) };
      const loaded = await call(form.handlers, 'loadParameters', target);
      const tags = loaded.form.tagOptions.map((g: { key: string; values: string[] }) => ({ key: g.key, value: g.values[0] }));
      const result = await call(form.handlers, 'submit', { target, submission: { provisionedProductName: 'lagging-box', parameters: { InstanceType: 't3.micro' }, tags } });
      const id: string = result.provisionedProductId;
      for (let i = 0; i < 200 && !products.get(id); i++) await sleep(10);
      const known = products.get(id);
      assert.ok(known, 'in the cache at once');
      assert.equal(known.row.ProductName, P.name);

      const lagging = await refresh();
      assert.ok(!lagging.some((r) => r.Id === id), 'Search does not list it yet (the knob is on)');
      assert.equal(products.get(id), known, 'a lagging listing keeps it');

      const record = await settle(api, result.recordId);
      assert.equal(record.Status, 'SUCCEEDED');
      products.applyDetail(await api.describeProvisionedProduct(id));
      assert.equal(known.row.Status, 'AVAILABLE');
      await refresh();
      assert.equal(products.get(id)?.row.Status, 'AVAILABLE', 'a lagging row does not take the status back');

      const deadline = Date.now() + 20_000;
      let rows = await refresh();
      while (!rows.some((r) => r.Id === id && r.Status === 'AVAILABLE') && Date.now() < deadline) {
        await sleep(200);
        rows = await refresh();
      }
      assert.ok(rows.some((r) => r.Id === id), 'Search caught up');
      assert.equal(products.all.filter((p) => p.row.Id === id).length, 1, 'one product, not two');
      assert.equal(products.get(id), known, 'the same object (the tree keeps its expansion)');
      assert.equal(known.row.Status, 'AVAILABLE');
      assert.ok(known.row.Tags?.some((t) => t.Key === 'aws:servicecatalog:provisionedProductArn'), 'the listing\'s tags (the service\'s own included) are in place');
    } finally {
      api.dispose();
    }
  });

  it('keeps a terminated product out of the tree while Search still lists it', async () => {
    const lagging = await startTestSandbox({ searchLagMs: SEARCH_LAG_MS, seed: 12 });
    const api = extensionApi(lagging);
    const products = new ProductCache<CachedProduct>((row: ProductRow) => ({ row }));
    try {
      products.replace(await api.listProvisionedProducts(), Date.now());
      const target = products.all.find((p) => p.row.Status === 'AVAILABLE');
      assert.ok(target?.row.Id, 'the seed lists an available product');
      const id = target.row.Id;
      const termination = await api.terminateProvisionedProduct(id, { token: newIdempotencyToken() });
      assert.equal((await settle(api, termination.RecordId!)).Status, 'SUCCEEDED');
      products.remove(id); // what the record tracker does when the termination ends

      const readSinceMs = Date.now();
      const rows = await api.listProvisionedProducts();
      assert.ok(rows.some((r) => r.Id === id), 'Search still lists it (the knob is on)');
      products.replace(rows, readSinceMs);
      assert.equal(products.get(id), undefined, 'a listing begun after the removal does not bring it back');
      products.clear();
      products.addNew(rows);
      assert.equal(products.get(id), undefined, 'nor does an empty view filling page by page');
    } finally {
      api.dispose();
      await lagging.stop();
    }
  });
});
