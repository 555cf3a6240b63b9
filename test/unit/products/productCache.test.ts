// The product cache: lookups, keeping objects across listings, merging details, activities, and what
// each change says (the tree turns it into its change event).
import * as assert from 'node:assert/strict';
import type { ProvisionedProductDetail } from '@aws-sdk/client-service-catalog';
import type { ProductRow } from '../../../src/core/products/productRow';
import { ProductCache, SEARCH_LAG_TRUST_MS, type CachedProduct, type ProductChange } from '../../../src/products/productCache';

class Item implements CachedProduct {
  activity?: string;
  constructor(public row: ProductRow) {}
}

const ROWS: ProductRow[] = [
  { Id: 'pp-1', Name: 'orders', Arn: 'arn:aws:servicecatalog:eu-west-1:111122223333:stack/orders/pp-1', Status: 'AVAILABLE', ProvisioningArtifactId: 'pa-1', ProvisioningArtifactName: 'v1' },
  { Id: 'pp-2', Name: 'billing', Status: 'UNDER_CHANGE', ProvisioningArtifactId: 'pa-1' },
];

function cache(rows: ProductRow[] = ROWS): { products: ProductCache<Item>; changes: ProductChange<Item>[] } {
  const products = new ProductCache((row) => new Item(row));
  products.replace(rows);
  const changes: ProductChange<Item>[] = [];
  products.onDidChange((c) => changes.push(c));
  return { products, changes };
}

describe('product cache', () => {
  it('finds a product by id, name or ARN (trimmed), and nothing for others', () => {
    const { products } = cache();
    const orders = products.get('pp-1')!;
    assert.equal(products.find('pp-1'), orders);
    assert.equal(products.find(' orders '), orders);
    assert.equal(products.find(ROWS[0].Arn!), orders);
    assert.equal(products.find('pp-3'), undefined);
    assert.equal(products.size, 2);
    assert.deepEqual(products.all.map((p) => p.row.Id), ['pp-1', 'pp-2']);
  });

  it('keeps the object of a known id across listings, and its detail while the status holds', () => {
    const { products, changes } = cache();
    const orders = products.get('pp-1')!;
    orders.row = { ...orders.row, LaunchRoleArn: 'arn:aws:iam::111122223333:role/launch', detailLoaded: true };
    const billing = products.get('pp-2')!;
    billing.row = { ...billing.row, LaunchRoleArn: 'arn:aws:iam::111122223333:role/old', detailLoaded: true };
    products.replace([{ ...ROWS[0], Name: 'orders' }, { ...ROWS[1], Status: 'AVAILABLE' }, { Name: 'no id' }]);
    assert.equal(products.get('pp-1'), orders);
    assert.equal(orders.row.LaunchRoleArn, 'arn:aws:iam::111122223333:role/launch');
    assert.equal(products.get('pp-2'), billing);
    assert.equal(billing.row.detailLoaded, undefined, 'a moved status drops the detail');
    assert.equal(products.size, 2, 'rows without an id are left out');
    products.replace([ROWS[1]]);
    assert.equal(products.find('pp-1'), undefined);
    assert.deepEqual(changes, [{}, {}], 'a new list is a change of the list');
  });

  it('tells which objects of a kept selection are still its products: a removed one, or one of before a clear, is gone', () => {
    const { products } = cache();
    const [orders, billing] = [products.get('pp-1')!, products.get('pp-2')!];
    products.remove('pp-2');
    assert.deepEqual(products.stillKnown([orders, billing]), { known: [orders], gone: [billing] });
    products.clear();
    products.replace(ROWS);
    const { known, gone } = products.stillKnown([orders]);
    assert.deepEqual([known, gone], [[], [orders]], 'the same id, a new object: the old selection is stale');
    assert.deepEqual(products.stillKnown([products.get('pp-1')!]).known, [products.get('pp-1')]);
  });

  it('adds only unknown products of a page', () => {
    const { products, changes } = cache();
    const orders = products.get('pp-1')!;
    products.addNew([{ ...ROWS[0], Name: 'renamed' }, { Id: 'pp-3', Name: 'web' }]);
    assert.equal(products.get('pp-1'), orders);
    assert.equal(orders.row.Name, 'orders');
    assert.equal(products.find('web')?.row.Id, 'pp-3');
    assert.deepEqual(changes, [{}]);
  });

  it('removes and clears, saying so only when something went', () => {
    const { products, changes } = cache();
    products.remove('pp-9');
    products.remove('pp-1');
    assert.equal(products.find('pp-1'), undefined);
    products.clear();
    assert.equal(products.size, 0);
    assert.deepEqual(changes, [{}, {}]);
  });

  it('applies a detail to its product, saying whether its status moved', () => {
    const { products, changes } = cache();
    const orders = products.get('pp-1')!;
    assert.equal(products.applyDetail({ Id: 'pp-1', Status: 'AVAILABLE', LaunchRoleArn: 'arn:role' }), orders);
    assert.equal(orders.row.LaunchRoleArn, 'arn:role');
    assert.equal(orders.row.detailLoaded, true);
    assert.equal(orders.row.ProvisioningArtifactName, 'v1', 'names kept while the version holds');
    assert.equal(products.applyDetail({ Id: 'pp-1', Status: 'UNDER_CHANGE' }), orders);
    assert.equal(products.applyDetail({ Id: 'pp-9', Status: 'AVAILABLE' }), undefined);
    assert.deepEqual(changes, [{ products: orders }, { products: orders, regroups: 'status' }]);
  });

  it('fills details read in bulk only where missing and for the same version, in one change', () => {
    const { products, changes } = cache([...ROWS, { Id: 'pp-3', Name: 'web', Status: 'AVAILABLE', ProvisioningArtifactId: 'pa-1' }]);
    products.get('pp-3')!.row.detailLoaded = true;
    products.fillDetails([
      { Id: 'pp-1', Status: 'AVAILABLE', ProvisioningArtifactId: 'pa-1', LaunchRoleArn: 'arn:one' },
      { Id: 'pp-2', Status: 'AVAILABLE', ProvisioningArtifactId: 'pa-2', LaunchRoleArn: 'arn:two' },
      { Id: 'pp-3', Status: 'AVAILABLE', ProvisioningArtifactId: 'pa-1', LaunchRoleArn: 'arn:three' },
      { Id: 'pp-9', Status: 'AVAILABLE' },
    ]);
    assert.equal(products.get('pp-1')!.row.LaunchRoleArn, 'arn:one');
    assert.equal(products.get('pp-2')!.row.LaunchRoleArn, undefined, 'a changed version waits for the next listing');
    assert.equal(products.get('pp-3')!.row.LaunchRoleArn, undefined, 'a detail already read stays');
    assert.deepEqual(changes, [{ products: [products.get('pp-1')] }]);
    products.fillDetails([{ Id: 'pp-2', Status: 'AVAILABLE', ProvisioningArtifactId: 'pa-1' }]);
    assert.deepEqual(changes.at(-1), { products: [products.get('pp-2')], regroups: 'status' });
    products.fillDetails([{ Id: 'pp-2', Status: 'AVAILABLE', ProvisioningArtifactId: 'pa-1' }]);
    assert.equal(changes.length, 2, 'nothing filled, nothing said');
  });

  it('says a detail read for a tooltip only when the status moved', () => {
    const { products, changes } = cache();
    const orders = products.get('pp-1')!;
    products.fillDetail(orders, { Id: 'pp-1', Status: 'AVAILABLE', LaunchRoleArn: 'arn:role' });
    assert.equal(orders.row.LaunchRoleArn, 'arn:role');
    assert.deepEqual(changes, []);
    products.fillDetail(orders, { Id: 'pp-1', Status: 'TAINTED' });
    assert.deepEqual(changes, [{ products: orders, regroups: 'status' }]);
  });

  it('puts a whole row in place keeping the detail it had, as a change that can regroup', () => {
    const { products, changes } = cache();
    const orders = products.get('pp-1')!;
    orders.row = { ...orders.row, LaunchRoleArn: 'arn:role', detailLoaded: true };
    products.applyRow({ Id: 'pp-1', Name: 'orders', ProvisioningArtifactId: 'pa-2', ProvisioningArtifactName: 'v2' });
    assert.equal(orders.row.ProvisioningArtifactName, 'v2');
    assert.equal(orders.row.LaunchRoleArn, 'arn:role');
    assert.equal(orders.row.detailLoaded, true);
    products.applyRow({ Id: 'pp-9' });
    assert.deepEqual(changes, [{ products: orders, regroups: 'any' }]);
  });

  it('holds the activity of a product, and says it changed', () => {
    const { products, changes } = cache();
    products.setActivity('pp-2', 'Updating…');
    assert.equal(products.find('billing')?.activity, 'Updating…');
    products.setActivity('pp-2', undefined);
    assert.equal(products.find('billing')?.activity, undefined);
    products.setActivity('pp-9', 'Updating…');
    const billing = products.get('pp-2');
    assert.deepEqual(changes, [{ products: billing }, { products: billing }]);
  });

  it('stops telling a listener that was disposed', () => {
    const { products, changes } = cache();
    const seen: unknown[] = [];
    products.onDidChange((c) => seen.push(c)).dispose();
    products.clear();
    assert.equal(seen.length, 0);
    assert.equal(changes.length, 1);
  });

  it('keeps back the end of a held product (a settled status, its absence) and tells the operation; puts it in place on release', () => {
    const { products, changes } = cache();
    const news: string[] = [];
    products.hold('pp-2', 'rec-2', () => news.push('pp-2'));
    products.replace([ROWS[0], { ...ROWS[1], Status: 'ERROR' }]);
    assert.equal(products.get('pp-2')!.row.Status, 'UNDER_CHANGE', 'the listing does not settle it');
    products.applyDetail({ Id: 'pp-2', Status: 'AVAILABLE' });
    assert.equal(products.get('pp-2')!.row.Status, 'UNDER_CHANGE', 'nor does a detail');
    products.replace([ROWS[0]]);
    products.remove('pp-2');
    assert.ok(products.get('pp-2'), 'nor its absence');
    assert.deepEqual(news, ['pp-2', 'pp-2', 'pp-2', 'pp-2']);
    products.applyDetail({ Id: 'pp-2', Status: 'UNDER_CHANGE', LastRecordId: 'rec-2' });
    assert.equal(products.get('pp-2')!.row.LastRecordId, 'rec-2', 'a detail that keeps it busy comes through');
    changes.length = 0;
    products.release('pp-2', 'rec-2');
    assert.equal(products.get('pp-2'), undefined, 'what was kept back last: it left the listing');
    assert.equal(changes.length, 1);
    products.replace(ROWS, Date.now() - 1_000);
    assert.equal(products.get('pp-2'), undefined, 'a listing read before the removal does not bring it back');
  });

  it('holds a product for each record on it: the first to end does not end the other hold', () => {
    const { products } = cache();
    const news: string[] = [];
    products.hold('pp-2', 'rec-a', () => news.push('rec-a'));
    products.hold('pp-2', 'rec-b', () => news.push('rec-b'));
    products.applyDetail({ Id: 'pp-2', Status: 'AVAILABLE' });
    assert.deepEqual(news, ['rec-a', 'rec-b'], 'each operation is told');
    products.release('pp-2', 'rec-a');
    assert.equal(products.get('pp-2')!.row.Status, 'UNDER_CHANGE', 'still kept back for the record still running');
    products.release('pp-2', 'rec-a');
    assert.equal(products.get('pp-2')!.row.Status, 'UNDER_CHANGE', 'releasing twice does not end the other hold');
    products.release('pp-2', 'rec-b');
    assert.equal(products.get('pp-2')!.row.Status, 'AVAILABLE', 'the last release puts the news in place');
  });

  it('announces a batch of changes once, at its end', () => {
    const { products, changes } = cache();
    products.batch(() => {
      products.setActivity('pp-1', 'Terminating…');
      products.remove('pp-2');
      assert.equal(changes.length, 0);
    });
    assert.deepEqual(changes, [{}]);
  });
});

describe('product cache: a lagging search index', () => {
  const NEW: ProvisionedProductDetail = { Id: 'pp-new', Name: 'fresh', Status: 'UNDER_CHANGE', Type: 'CFN_STACK', ProductId: 'prod-1', ProvisioningArtifactId: 'pa-1', LastRecordId: 'rec-p' };
  const realNow = Date.now;
  afterEach(() => (Date.now = realNow));

  it('shows a just-provisioned product at once, from its detail, with the names given and its tags to be read', () => {
    const { products, changes } = cache();
    const known = products.know(NEW, { ProductName: 'Web', ProvisioningArtifactName: 'v1' })!;
    assert.equal(products.get('pp-new'), known);
    assert.equal(changes.length, 1);
    assert.equal(known.row.Status, 'UNDER_CHANGE');
    assert.equal(known.row.ProductName, 'Web');
    assert.equal(known.row.tagsOutdated, true, 'tags come only from Search: read on expand');
    assert.equal(known.row.Tags, undefined);
    assert.equal('UserArn' in known.row, false, 'nothing the detail does not say');
  });

  it('keeps it while Search does not list it yet, and holds no duplicate once Search catches up', () => {
    const { products } = cache();
    const known = products.know(NEW)!;
    products.replace(ROWS);
    assert.equal(products.get('pp-new'), known, 'not listed yet: kept');
    products.replace([...ROWS, { ...NEW, Status: 'UNDER_CHANGE', Tags: [{ Key: 'team', Value: 'web' }] }]);
    assert.equal(products.all.filter((p) => p.row.Id === 'pp-new').length, 1);
    assert.equal(products.get('pp-new'), known, 'the same object');
    assert.deepEqual(known.row.Tags, [{ Key: 'team', Value: 'web' }]);
    // Listed once: a later listing without it removes it as any product.
    products.replace(ROWS);
    assert.equal(products.get('pp-new'), undefined);
  });

  it('keeps a just-provisioned product through filtered listings its name matches, until the lag bound', () => {
    const { products } = cache();
    const start = realNow();
    Date.now = () => start;
    products.know(NEW);
    products.replace(ROWS, undefined, { filter: 'no-such-product' });
    assert.equal(products.get('pp-new'), undefined, 'a filter it does not match leaves it out');
    products.know(NEW);
    products.replace(ROWS, undefined, { filter: NEW.Name!.slice(1).toUpperCase() });
    assert.ok(products.get('pp-new'), 'a filter it matches does not make it vanish at once');
    Date.now = () => start + SEARCH_LAG_TRUST_MS + 1;
    products.replace(ROWS, undefined, { filter: NEW.Name! });
    assert.equal(products.get('pp-new'), undefined, 'past the bound the listing is the word');
  });

  it('does not let an older Search row overwrite a newer status read with DescribeProvisionedProduct', () => {
    const { products } = cache();
    const billing = products.get('pp-2')!;
    products.replace([ROWS[0], { ...ROWS[1], LastRecordId: 'rec-u' }]);
    products.applyDetail({ Id: 'pp-2', Status: 'AVAILABLE', LastRecordId: 'rec-u', ProvisioningArtifactId: 'pa-1' });
    assert.equal(billing.row.Status, 'AVAILABLE');
    products.replace([ROWS[0], { ...ROWS[1], Status: 'UNDER_CHANGE', LastRecordId: 'rec-u' }]);
    assert.equal(billing.row.Status, 'AVAILABLE', 'the index still shows the operation that ended');
    products.applyRow({ ...ROWS[1], Status: 'UNDER_CHANGE', LastRecordId: 'rec-u' });
    assert.equal(billing.row.Status, 'AVAILABLE', 'a single-product search row lags the same way');
    products.replace([ROWS[0], { ...ROWS[1], Status: 'AVAILABLE', LastRecordId: 'rec-u', ProvisioningArtifactName: 'v1' }]);
    assert.equal(billing.row.ProvisioningArtifactName, 'v1', 'caught up: the listing is used again');
    products.replace([ROWS[0], { ...ROWS[1], Status: 'ERROR', LastRecordId: 'rec-x' }]);
    assert.equal(billing.row.Status, 'ERROR', 'once caught up, later listings are the service\'s word');
  });

  it('asks for one more read of a product whose row names another last record than its detail, instead of taking the row as older', () => {
    const { products } = cache();
    products.applyDetail({ Id: 'pp-2', Status: 'AVAILABLE', LastRecordId: 'rec-u', ProvisioningArtifactId: 'pa-1' });
    assert.deepEqual(products.replace([ROWS[0], { ...ROWS[1], Status: 'UNDER_CHANGE', LastRecordId: 'rec-u' }]), [], 'same record, old status: the index lags');
    assert.deepEqual(products.replace([ROWS[0], { ...ROWS[1], Status: 'UNDER_CHANGE', LastRecordId: 'rec-v' }]), ['pp-2'], 'another record: read it again');
    assert.equal(products.get('pp-2')!.row.Status, 'AVAILABLE', 'the detail stays until that read');
    products.applyDetail({ Id: 'pp-2', Status: 'UNDER_CHANGE', LastRecordId: 'rec-v', ProvisioningArtifactId: 'pa-1' });
    assert.equal(products.get('pp-2')!.row.Status, 'UNDER_CHANGE', 'the newer operation shows');
  });

  it('lets the listing win after a bounded time (the product may have changed since it was described)', () => {
    const { products } = cache();
    const start = realNow();
    Date.now = () => start;
    products.know(NEW);
    products.applyDetail({ Id: 'pp-2', Status: 'AVAILABLE', LastRecordId: 'rec-u' });
    Date.now = () => start + SEARCH_LAG_TRUST_MS + 1;
    products.replace([ROWS[0], { ...ROWS[1], Status: 'UNDER_CHANGE', LastRecordId: 'rec-v' }]);
    assert.equal(products.get('pp-new'), undefined, 'never listed within the bound: gone');
    assert.equal(products.get('pp-2')!.row.Status, 'UNDER_CHANGE');
  });
});
