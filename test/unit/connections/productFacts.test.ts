// The product facts every form and record document shares: one DescribeProduct per product and
// connection, names of the product, its versions and launch paths; a failed read is not kept.
import * as assert from 'node:assert/strict';
import type { DescribeProductOutput } from '@aws-sdk/client-service-catalog';
import { ProductFactsCache, type ProductReader } from '../../../src/connections/productFacts';
import { ProvisioningService } from '../../../src/aws/provisioningService';
import { SEED } from '../../../src/sandbox/service/index';
import { sdkClient, startTestSandbox } from '../../support/sandbox';

const ANSWER: DescribeProductOutput = {
  ProductViewSummary: { Name: 'Static Website' },
  ProvisioningArtifacts: [{ Id: 'pa-1', Name: 'v1.0' }, { Id: 'pa-2', Name: 'v2.0' }, { Id: 'pa-3' }],
  LaunchPaths: [{ Id: 'lp-1', Name: 'Web portfolio' }],
};

/** A connection whose DescribeProduct answers `ANSWER`, or fails while `failing` says so; it counts its calls. */
function connection(): ProductReader & { calls: string[]; failing: boolean } {
  const reader = {
    calls: [] as string[],
    failing: false,
    describeProduct: async (productId: string) => {
      reader.calls.push(productId);
      if (reader.failing) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
      return ANSWER;
    },
  };
  return reader;
}

describe('product facts (one DescribeProduct per product and connection)', () => {
  it('reads once for two users at the same time, and names the product, its versions and launch paths', async () => {
    const cache = new ProductFactsCache();
    const api = connection();
    const [form, document] = await Promise.all([cache.of(api, 'prod-1'), cache.of(api, 'prod-1')]);
    assert.equal(form, document, 'both users get the same facts');
    assert.deepEqual(api.calls, ['prod-1']);
    assert.equal(form?.name, 'Static Website');
    assert.deepEqual([...form.versions], [['pa-1', 'v1.0'], ['pa-2', 'v2.0']], 'a version without a name is not named');
    assert.deepEqual([...form.launchPaths], [['lp-1', 'Web portfolio']]);
    await cache.of(api, 'prod-1');
    assert.equal(api.calls.length, 1, 'a later look reads nothing');
  });

  it('names nothing when the read fails, says why, and reads again on the next look', async () => {
    const warnings: string[] = [];
    const cache = new ProductFactsCache((m) => warnings.push(m));
    const api = connection();
    api.failing = true;
    assert.equal(await cache.of(api, 'prod-1'), undefined);
    assert.match(warnings.join('\n'), /prod-1: Rate exceeded/);
    api.failing = false;
    assert.equal((await cache.of(api, 'prod-1'))?.name, 'Static Website');
    assert.deepEqual(api.calls, ['prod-1', 'prod-1']);
  });

  it('reads per connection, and again after forget on that connection only', async () => {
    const cache = new ProductFactsCache();
    const [first, second] = [connection(), connection()];
    await cache.of(first, 'prod-1');
    await cache.of(second, 'prod-1');
    assert.deepEqual([first.calls.length, second.calls.length], [1, 1], 'another connection reads for itself');
    cache.forget(first, 'prod-1');
    await cache.of(first, 'prod-1');
    await cache.of(second, 'prod-1');
    assert.deepEqual([first.calls.length, second.calls.length], [2, 1]);
  });

  it('keeps a read started after forget when the older one then fails', async () => {
    const cache = new ProductFactsCache();
    const api = connection();
    let fail!: (error: Error) => void;
    api.describeProduct = () => new Promise<DescribeProductOutput>((_resolve, reject) => (fail = reject));
    const older = cache.of(api, 'prod-1');
    await new Promise((resolve) => setImmediate(resolve));
    cache.forget(api, 'prod-1');
    api.describeProduct = async () => ANSWER;
    const newer = cache.of(api, 'prod-1');
    fail(new Error('timed out'));
    assert.equal(await older, undefined);
    assert.equal(cache.of(api, 'prod-1'), newer, 'the newer read is still the one kept');
  });

  it('names what the sandbox says of a seeded product, as DescribeProduct answers an end user', async () => {
    const sandbox = await startTestSandbox();
    try {
      const cache = new ProductFactsCache();
      const product = SEED.products.staticWebsite;
      const facts = await cache.of(new ProvisioningService(sdkClient(sandbox)), product.id);
      assert.equal(facts?.name, 'Static Website');
      assert.ok(facts?.versions.get(product.versions.v20), 'the active versions are named');
      assert.ok(facts?.launchPaths.get(SEED.portfolios.platform.pathId), 'the launch paths are named');
    } finally {
      await sandbox.stop();
    }
  });
});
