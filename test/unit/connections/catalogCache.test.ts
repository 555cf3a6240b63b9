// The catalog reads every form, record document and spec file shares, per connection, through the real
// SDK against the sandbox (its call counters say what reached the service): one read for every caller
// until it ages out, is refreshed or fails; one cache per connection; only calls an end user may make.
import * as assert from 'node:assert/strict';
import type { DescribeProductOutput } from '@aws-sdk/client-service-catalog';
import { ProvisioningService } from '../../../src/aws/provisioningService';
import { CatalogCache, type CatalogReader } from '../../../src/connections/catalogCache';
import { CATALOG_MAX_AGE_MS } from '../../../src/core/catalog/catalogFacts';
import type { Sandbox, SandboxPersona } from '../../../src/sandbox/index';
import { SEED } from '../../../src/sandbox/service/index';
import { sdkClient, startTestSandbox } from '../../support/sandbox';

const WEB = SEED.products.staticWebsite;
const PLATFORM_PATH = SEED.portfolios.platform.pathId;
/** The reads the cache makes, all granted by the end-user managed policies. */
const END_USER_READS = ['DescribeProduct', 'DescribeProvisioningParameters', 'ListLaunchPaths', 'SearchProducts'];

describe('catalog cache (the catalog reads of a connection, shared)', () => {
  let sandbox: Sandbox;
  before(async () => (sandbox = await startTestSandbox()));
  after(() => sandbox?.stop());
  beforeEach(() => sandbox.resetStats());

  const connection = (persona: SandboxPersona = 'endUser') => new ProvisioningService(sdkClient(sandbox, { persona }));
  const calls = () => sandbox.stats().byOperation;
  /** Every read a spec file makes of one product, version and path. */
  const readAll = (cache: CatalogCache, reader: CatalogReader) => {
    const catalog = cache.of(reader);
    return Promise.all([catalog.products(), catalog.product(WEB.id), catalog.launchPaths(WEB.id), catalog.provisioningParameters(WEB.id, WEB.versions.v20, PLATFORM_PATH)]);
  };
  const ONE_EACH = { SearchProducts: 1, DescribeProduct: 1, ListLaunchPaths: 1, DescribeProvisioningParameters: 1 };

  it('reads once for callers at the same time and once for later ones', async () => {
    const cache = new CatalogCache();
    const api = connection();
    const [first, second] = await Promise.all([readAll(cache, api), readAll(cache, api)]);
    assert.deepEqual(calls(), ONE_EACH, 'two callers at once: one call of each');
    assert.deepEqual(first, second);
    await readAll(cache, api);
    assert.deepEqual(calls(), ONE_EACH, 'a later look reads nothing');
  });

  it('says what the end user sees, as plain data', async () => {
    const [products, facts, paths, parameters] = await readAll(new CatalogCache(), connection());
    assert.ok(products.some((p) => p.id === WEB.id && p.name === 'Static Website' && p.type === 'CLOUD_FORMATION_TEMPLATE'));
    assert.ok(!products.some((p) => p.id === SEED.products.accountFactory.id), 'a product of no portfolio shared with the user is not listed');
    assert.equal(facts.name, 'Static Website');
    assert.equal(facts.versions.get(WEB.versions.v20), 'v2.0');
    assert.equal(facts.artifacts.find((a) => a.Id === WEB.versions.v10)?.Guidance, 'DEPRECATED', 'a deprecated version says so');
    assert.ok(paths.some((p) => p.id === PLATFORM_PATH && p.name === SEED.portfolios.platform.name && p.constraintTypes.includes('LAUNCH')));
    assert.ok(parameters.ProvisioningArtifactParameters?.some((p) => p.ParameterKey === 'CacheTtlSeconds'), 'v2.0 adds CacheTtlSeconds');
  });

  it('reads again after a refresh, and tells who listens', async () => {
    const cache = new CatalogCache();
    const api = connection();
    const refreshed: CatalogReader[] = [];
    cache.onDidRefresh((reader) => refreshed.push(reader));
    await readAll(cache, api);
    cache.refresh(api);
    await readAll(cache, api);
    assert.deepEqual(calls(), { SearchProducts: 2, DescribeProduct: 2, ListLaunchPaths: 2, DescribeProvisioningParameters: 2 });
    assert.deepEqual(refreshed, [api]);
  });

  it('reads again once an answer is CATALOG_MAX_AGE_MS old, not before', async () => {
    let now = 1_000_000;
    const cache = new CatalogCache({ now: () => now });
    const api = connection();
    await readAll(cache, api);
    now += CATALOG_MAX_AGE_MS - 1;
    await readAll(cache, api);
    assert.deepEqual(calls(), ONE_EACH, 'younger than the limit: kept');
    now += 1;
    await readAll(cache, api);
    assert.deepEqual(calls(), { SearchProducts: 2, DescribeProduct: 2, ListLaunchPaths: 2, DescribeProvisioningParameters: 2 });
  });

  it('keeps no failure: a throttled read rejects with the service\'s error, and the next look reads again', async () => {
    const cache = new CatalogCache();
    const api = connection();
    sandbox.setKnobs({ throttleRate: 1 });
    try {
      await assert.rejects(cache.of(api).product(WEB.id), { name: 'ThrottlingException' });
      await assert.rejects(cache.of(api).provisioningParameters(WEB.id, WEB.versions.v20, PLATFORM_PATH), { name: 'ThrottlingException' });
    } finally {
      sandbox.setKnobs({ throttleRate: 0 });
    }
    assert.equal((await cache.of(api).product(WEB.id)).name, 'Static Website');
    assert.ok(await cache.of(api).provisioningParameters(WEB.id, WEB.versions.v20, PLATFORM_PATH));
    assert.deepEqual([calls().DescribeProduct, calls().DescribeProvisioningParameters], [2, 2]);
  });

  it('names nothing when DescribeProduct fails, says why once, and reads again', async () => {
    const warnings: string[] = [];
    const cache = new CatalogCache({ warn: (m) => warnings.push(m) });
    const api = connection();
    assert.equal(await cache.of(api).productFacts('prod-doesnotexist1'), undefined);
    assert.match(warnings.join('\n'), /prod-doesnotexist1: Product prod-doesnotexist1 not found/);
    assert.equal(await cache.of(api).productFacts('prod-doesnotexist1'), undefined);
    assert.equal(calls().DescribeProduct, 2);
  });

  it('keeps one cache per connection: another connection reads for itself and sees its own catalog', async () => {
    const cache = new CatalogCache();
    const [user, admin] = [connection(), connection('admin')];
    const [userProducts] = await readAll(cache, user);
    const [adminProducts] = await readAll(cache, admin);
    assert.deepEqual(calls(), { SearchProducts: 2, DescribeProduct: 2, ListLaunchPaths: 2, DescribeProvisioningParameters: 2 });
    assert.ok(adminProducts.some((p) => p.id === SEED.products.accountFactory.id), 'the admin sees the Account Factory product');
    assert.ok(!userProducts.some((p) => p.id === SEED.products.accountFactory.id), 'the user\'s cached listing is not the admin\'s');
    cache.refresh(user);
    await readAll(cache, admin);
    assert.equal(calls().SearchProducts, 2, 'a refresh of one connection keeps the other\'s reads');
  });

  for (const persona of ['endUser', 'readOnly'] as const) {
    it(`makes only reads the ${persona} managed policy grants, and each is granted`, async () => {
      const cache = new CatalogCache();
      const api = connection(persona);
      await readAll(cache, api);
      await cache.of(api).searchProducts('website');
      assert.deepEqual(Object.keys(calls()).sort(), END_USER_READS, 'SearchProducts, not SearchProductsAsAdmin; DescribeProduct, not ListProvisioningArtifacts');
    });
  }

  it('searches with the service\'s own matching, once per query; no query reuses the listing once read', async () => {
    const cache = new CatalogCache();
    const catalog = cache.of(connection());
    const found = await catalog.searchProducts('static');
    assert.deepEqual(found.map((p) => p.ProductId), [WEB.id]);
    await catalog.searchProducts(' static ');
    assert.equal(calls().SearchProducts, 1, 'the same query (trimmed) reads nothing');
    const listing = await catalog.productSummaries();
    assert.deepEqual(await catalog.searchProducts(''), listing, 'no query: the products by title');
    assert.equal(calls().SearchProducts, 2);
  });

  it('keeps a read started after a refresh when the older one then fails', async () => {
    const cache = new CatalogCache();
    let fail!: (error: Error) => void;
    const reader = { describeProduct: () => new Promise<DescribeProductOutput>((_resolve, reject) => (fail = reject)) } as unknown as CatalogReader & { describeProduct: CatalogReader['describeProduct'] };
    const older = cache.of(reader).product('prod-1');
    await new Promise((resolve) => setImmediate(resolve));
    cache.refresh(reader);
    reader.describeProduct = async () => ({ ProductViewSummary: { Name: 'Newer' } });
    const newer = cache.of(reader).product('prod-1');
    fail(new Error('timed out'));
    await assert.rejects(older, /timed out/);
    assert.equal(cache.of(reader).product('prod-1'), newer, 'the newer read is still the one kept');
    assert.equal((await newer).name, 'Newer');
  });
});
