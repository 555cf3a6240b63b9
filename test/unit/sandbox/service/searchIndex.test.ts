// The search index's history is bounded: only products changed within the lag keep copies, and
// they are dropped once the horizon passes them. The knob reaches it from every way of setting it.
import assert from 'node:assert/strict';
import * as SC from '@aws-sdk/client-service-catalog';
import { SearchIndex } from '../../../../src/sandbox/service/searchIndex';
import type { ProvisionedProduct } from '../../../../src/sandbox/service/types';
import { KNOB_SPECS, knobsFromEnv, parseKnob } from '../../../../src/sandbox/knobs';
import { admin, sdkClient, startTestSandbox } from '../../../support/sandbox';
import { SEED } from '../../../../src/sandbox/service/index';

function product(id: string, status: ProvisionedProduct['status'] = 'AVAILABLE'): ProvisionedProduct {
  return {
    id, name: id, arn: `arn:aws:servicecatalog:us-east-1:123456789012:stack/${id}/${id}`, type: 'CFN_STACK', productId: 'prod-x', artifactId: 'pa-x',
    pathId: 'lpv3-x', status, createdTime: 0, idempotencyToken: 't', tags: [], userArn: 'arn:aws:iam::123456789012:user/u', parameters: [], outputs: [], terminated: false,
  };
}

describe('search index', () => {
  it('keeps copies only for the lag, then reads the state again', () => {
    const index = new SearchIndex();
    index.lag = () => 1000;
    const states = new Map<string, ProvisionedProduct>();
    const a = product('pp-a');
    states.set(a.id, a);
    const seen = (now: number) => [...index.visible([a.id], (id) => states.get(id), now)].map((pp) => pp.status);
    for (let t = 0; t < 10; t++) index.change(a, t * 100, () => { a.status = t % 2 ? 'AVAILABLE' : 'UNDER_CHANGE'; });
    assert.ok(index.trackedCount === 1);
    assert.deepEqual(seen(1000), ['UNDER_CHANGE'], 'as it was at t=0');
    assert.deepEqual(seen(5000), ['AVAILABLE'], 'the state once every change is older than the lag');
    assert.equal(index.trackedCount, 0, 'nothing kept');
  });

  it('keeps nothing without a lag', () => {
    const index = new SearchIndex();
    const a = product('pp-b');
    index.created(a, 0);
    index.change(a, 1, () => { a.status = 'UNDER_CHANGE'; });
    assert.equal(index.trackedCount, 0);
  });

  it('bounds a product changed again and again within the lag', () => {
    const index = new SearchIndex();
    index.lag = () => 1e9;
    const a = product('pp-c');
    for (let t = 0; t < 1000; t++) index.change(a, t, () => { a.status = t % 2 ? 'AVAILABLE' : 'UNDER_CHANGE'; });
    const copies = (index as unknown as { history: Map<string, unknown[]> }).history.get(a.id)!;
    assert.ok(copies.length <= 32, `${copies.length} copies`);
  });

  it('is set by --search-lag-ms, SANDBOX_SEARCH_LAG_MS and live through the admin endpoint', async () => {
    assert.equal(KNOB_SPECS.searchLagMs.flag, '--search-lag-ms');
    assert.equal(parseKnob('searchLagMs', '2500'), 2500);
    assert.deepEqual(knobsFromEnv({ SANDBOX_SEARCH_LAG_MS: '1500' }), { searchLagMs: 1500 });
    const sandbox = await startTestSandbox({ searchLagMs: 3_600_000 });
    try {
      assert.equal(sandbox.knobs.searchLagMs, 3_600_000);
      const client = sdkClient(sandbox);
      const { RecordDetail } = await client.send(new SC.ProvisionProductCommand({
        ProductId: SEED.products.staticWebsite.id, ProvisioningArtifactId: SEED.products.staticWebsite.versions.v11, ProvisionedProductName: 'knob-site',
        ProvisionToken: 'knob-token', ProvisioningParameters: [{ Key: 'BucketName', Value: 'knob-site-bucket' }],
      }));
      const search = async () => (await client.send(new SC.SearchProvisionedProductsCommand({
        AccessLevelFilter: { Key: 'User', Value: 'self' }, Filters: { SearchQuery: [`id:${RecordDetail!.ProvisionedProductId}`] },
      }))).TotalResultsCount;
      assert.equal(await search(), 0, 'an hour behind');
      assert.equal((await admin(sandbox, 'POST', 'knobs', { searchLagMs: 0 })).body.searchLagMs, 0);
      assert.equal(await search(), 1, 'caught up once the lag is gone');
    } finally {
      await sandbox.stop();
    }
  });
});
