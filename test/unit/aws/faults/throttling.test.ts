// 30% of calls throttled: every user-facing operation, made through CatalogApi and its SDK client as
// the extension configures them (5 attempts, the SDK's back-off), completes without an error surfacing.
import * as assert from 'node:assert/strict';
import { ProvisioningService } from '../../../../src/aws/provisioningService';
import type { Sandbox } from '../../../../src/sandbox/index';
import { SEED } from '../../../../src/sandbox/service/index';
import { startTestSandbox } from '../../../support/sandbox';
import { extensionApi, sleep } from '../../../support/faults';

const P = SEED.products.devInstance;

describe('faults: 30% throttling', function () {
  this.timeout(60_000);
  let sandbox: Sandbox | undefined;
  after(() => sandbox?.stop());

  it('lists, provisions, updates, runs an action, changes a property and terminates with no error surfaced', async () => {
    sandbox = await startTestSandbox({ generatedProducts: 250, throttleRate: 0.3, seed: 3 });
    const api = extensionApi(sandbox, 'Account', 'admin');
    const provisioning = new ProvisioningService(api.client);
    // Calls are made one at a time and records are read once after they must have settled (at 600x, every
    // record here ends within ~0.2 s), so the sequence of calls, and so of seeded throttles, is the same each run.
    const settled = async (recordId: string) => {
      await sleep(400);
      const { detail } = await api.describeRecord(recordId);
      assert.equal(detail.Status, 'SUCCEEDED', `record ${recordId}: ${JSON.stringify(detail.RecordErrors)}`);
    };
    try {
      const listed = await api.listProvisionedProducts();
      assert.ok(listed.length > 250, `listed ${listed.length}`);

      const provisioned = await provisioning.provision({
        ProductId: P.id, ProvisioningArtifactId: P.versions.v11, ProvisionedProductName: 'throttled-box', ProvisionToken: 'throttle-provision',
        ProvisioningParameters: [{ Key: 'InstanceType', Value: 't3.micro' }],
      });
      await settled(provisioned.RecordId!);
      const id = provisioned.ProvisionedProductId!;

      const updated = await provisioning.update({
        ProvisionedProductId: id, ProvisioningArtifactId: P.versions.v11, UpdateToken: 'throttle-update',
        ProvisioningParameters: [{ Key: 'InstanceType', Value: 't3.small' }],
      });
      await settled(updated.RecordId!);

      const action = await provisioning.executeServiceAction({ provisionedProductId: id, serviceActionId: SEED.serviceActions.restartInstance, token: 'throttle-action' });
      await settled(action.RecordId!);

      const propertyRecord = await api.updateProvisionedProductProperty(id, 'LAUNCH_ROLE', SEED.launchRoles.platform, 'throttle-property');
      await settled(propertyRecord);

      const terminated = await api.terminateProvisionedProduct(id, { token: 'throttle-terminate' });
      await settled(terminated.RecordId!);

      const stats = sandbox.stats();
      assert.ok(stats.throttled >= 4, `the run was throttled (${stats.throttled} of ${stats.calls} calls)`);
      assert.ok(stats.throttled / stats.calls > 0.15, `throttle share ${stats.throttled}/${stats.calls}`);
    } finally {
      api.dispose();
    }
  });
});
