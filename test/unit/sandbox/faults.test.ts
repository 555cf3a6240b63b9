import * as assert from 'node:assert/strict';
import { ProvisionProductCommand, ScanProvisionedProductsCommand, type ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import type { Sandbox } from '../../../src/sandbox/index';
import { launchableProduct, sdkClient, startTestSandbox, type LaunchableProduct } from '../../support/sandbox';

describe('sandbox faults: client idempotency under throttling and dropped connections', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  after(() => sandbox?.stop());

  it('50 ProvisionProduct actions, each retried with its own token, create exactly 50 provisioned products', async () => {
    sandbox = await startTestSandbox({ seed: 2024 });
    const client = sdkClient(sandbox, { maxAttempts: 3 }); // the SDK retries throttling by itself
    const product = await launchableProduct(client);
    sandbox.setKnobs({ throttleRate: 0.3, dropAfterWriteRate: 0.2 });

    const names = Array.from({ length: 50 }, (_, i) => `fault-test-${i}`);
    await Promise.all(names.map((name, i) => provisionAsOneUserAction(client, product, name, `fault-action-${i}`)));

    const stats = sandbox.stats();
    sandbox.setKnobs({ throttleRate: 0, dropAfterWriteRate: 0 });
    assert.ok(stats.throttled > 0, 'some calls were throttled');
    assert.ok(stats.dropped > 0, 'some writes were applied but unanswered');
    const created = (await allProvisionedProductNames(client)).filter((n) => n.startsWith('fault-test-'));
    assert.equal(created.length, 50, `created: ${created.length}, stats: ${JSON.stringify(stats)}`);
    assert.deepEqual([...created].sort(), [...names].sort());
  });
});

/** What an app does for one click on "Provision": one token, reused on every retry of the action. */
async function provisionAsOneUserAction(client: ServiceCatalogClient, product: LaunchableProduct, name: string, token: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(new ProvisionProductCommand({ ...product, ProvisionedProductName: name, ProvisionToken: token }));
      return;
    } catch (err: any) {
      const retryable = err.name === 'ThrottlingException' || err.$metadata?.httpStatusCode === undefined; // throttled out, or no answer
      if (!retryable || attempt === 20) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

async function allProvisionedProductNames(client: ServiceCatalogClient): Promise<string[]> {
  const names: string[] = [];
  let PageToken: string | undefined;
  do {
    const page = await client.send(new ScanProvisionedProductsCommand({ AccessLevelFilter: { Key: 'User', Value: 'self' }, PageSize: 20, PageToken }));
    names.push(...(page.ProvisionedProducts ?? []).map((pp) => pp.Name!));
    PageToken = page.NextPageToken;
  } while (PageToken);
  return names;
}
