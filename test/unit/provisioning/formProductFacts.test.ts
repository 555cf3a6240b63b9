// The forms read the catalog through the connection's cache: a second form (or a spec file) reuses
// what the first read, and a form's Reload reads the connection's catalog again. Real SDK, sandbox.
import * as assert from 'node:assert/strict';
import { CatalogCache } from '../../../src/connections/catalogCache';
import { ProvisionFormController } from '../../../src/provisioning/provisionFormController';
import { UpdateFormController } from '../../../src/provisioning/updateFormController';
import { SEED } from '../../../src/sandbox/service/index';
import { call, controllerDeps, useSandboxService } from '../../support/formDeps';

const WEB = SEED.products.staticWebsite;
const web = { productId: WEB.id, provisioningArtifactId: WEB.versions.v20, pathId: SEED.portfolios.platform.pathId };
const CATALOG_READS = ['SearchProducts', 'DescribeProduct', 'ListLaunchPaths', 'DescribeProvisioningParameters'] as const;

describe('the forms\' catalog reads (shared per connection)', () => {
  const sandboxed = useSandboxService();
  beforeEach(() => sandboxed.sandbox.resetStats());

  const catalogCalls = () => {
    const byOperation = sandboxed.sandbox.stats().byOperation;
    return Object.fromEntries(CATALOG_READS.map((op) => [op, byOperation[op] ?? 0]));
  };

  /** What opening a provision form on the Static Website costs: search, product, parameters. */
  async function useProvisionForm(form: ProvisionFormController): Promise<void> {
    await call(form.handlers, 'searchProducts', { query: 'static' });
    await call(form.handlers, 'loadProduct', { productId: WEB.id });
    await call(form.handlers, 'loadParameters', web);
  }

  it('a second provision form reads nothing the first read; its Reload reads again', async () => {
    const deps = controllerDeps(sandboxed.service, { catalog: new CatalogCache() });
    await useProvisionForm(new ProvisionFormController(deps));
    const once = { SearchProducts: 1, DescribeProduct: 1, ListLaunchPaths: 1, DescribeProvisioningParameters: 1 };
    assert.deepEqual(catalogCalls(), once);
    const second = new ProvisionFormController(deps);
    await useProvisionForm(second);
    assert.deepEqual(catalogCalls(), once, 'the second form used the shared reads');
    second.reload();
    await useProvisionForm(second);
    assert.deepEqual(catalogCalls(), { SearchProducts: 2, DescribeProduct: 2, ListLaunchPaths: 2, DescribeProvisioningParameters: 2 });
  });

  it('the update form reads a version\'s parameters through the same cache as the provision form and the files', async () => {
    const deps = controllerDeps(sandboxed.service, { catalog: new CatalogCache() });
    const marketing = SEED.provisionedProducts.webMarketingSite;
    const update = new UpdateFormController(deps, { id: marketing.id, name: marketing.name });
    const init = await update.init();
    if (init.kind !== 'update') return assert.fail('update init');
    await call(update.handlers, 'loadParameters', init.current);
    const read = catalogCalls().DescribeProvisioningParameters;
    const facts = await deps.catalog.of(sandboxed.service).provisioningParameters(init.current.productId, init.current.provisioningArtifactId, init.current.pathId);
    assert.ok(facts.ProvisioningArtifactParameters?.length, 'the version in use has parameters');
    await call(new ProvisionFormController(deps).handlers, 'loadParameters', init.current);
    assert.equal(catalogCalls().DescribeProvisioningParameters, read, 'the files and another form reuse the update form\'s read');
  });
});
