// 20% of writes applied but never answered, over 100 user actions (20 products × provision, update,
// self-service action, property change, terminate), each retried with its own token: exactly one
// effect per action, none lost, none doubled — counted in the sandbox's own state.
import * as assert from 'node:assert/strict';
import { ProvisioningService } from '../../../../src/aws/provisioningService';
import type { Sandbox } from '../../../../src/sandbox/index';
import { SEED } from '../../../../src/sandbox/service/index';
import { startTestSandbox } from '../../../support/sandbox';
import { asUserAction, extensionApi, settle, type UserActionStats } from '../../../support/faults';

const P = SEED.products.devInstance;
const CHAINS = 20;
const PREFIX = 'drop-test-';

interface SnapshotRecord { type: string; provisionedProductId: string; status: string }
interface SnapshotProduct { name: string; status: string }

describe('faults: connections dropped after writes', function () {
  this.timeout(90_000);
  let sandbox: Sandbox | undefined;
  after(() => sandbox?.stop());

  it('100 mixed user actions have exactly one effect each', async () => {
    sandbox = await startTestSandbox({ seed: 20 });
    const api = extensionApi(sandbox);
    // Changing a launch role is an administrator's action (UpdateProvisionedProductProperties).
    const adminApi = extensionApi(sandbox, 'User', 'admin');
    const provisioning = new ProvisioningService(api.client);
    sandbox.setKnobs({ dropAfterWriteRate: 0.2 });
    const stats: UserActionStats = { attempts: 0 };
    let actions = 0;
    const act = async (run: (token: string) => Promise<string>) => {
      actions++;
      const recordId = await asUserAction(run, stats);
      return settle(api, recordId);
    };

    const chain = async (i: number) => {
      const provisioned = await act(async (token) => (await provisioning.provision({
        ProductId: P.id, ProvisioningArtifactId: P.versions.v11, ProvisionedProductName: `${PREFIX}${i}`, ProvisionToken: token,
        ProvisioningParameters: [{ Key: 'InstanceType', Value: 't3.micro' }],
      })).RecordId!);
      const id = provisioned.ProvisionedProductId!;
      await act(async (token) => (await provisioning.update({
        ProvisionedProductId: id, ProvisioningArtifactId: P.versions.v11, UpdateToken: token,
        ProvisioningParameters: [{ Key: 'InstanceType', Value: 't3.small' }],
      })).RecordId!);
      await act(async (token) => (await provisioning.executeServiceAction({
        provisionedProductId: id, serviceActionId: SEED.serviceActions.restartInstance, token,
      })).RecordId!);
      await act((token) => adminApi.updateProvisionedProductProperty(id, 'LAUNCH_ROLE', SEED.launchRoles.platform, token));
      await act(async (token) => (await api.terminateProvisionedProduct(id, { token })).RecordId!);
    };

    try {
      await Promise.all(Array.from({ length: CHAINS }, (_, i) => chain(i)));
      const knobStats = sandbox.stats();
      sandbox.setKnobs({ dropAfterWriteRate: 0 });
      assert.equal(actions, 100);
      assert.ok(knobStats.dropped >= 5, `writes were dropped (${knobStats.dropped})`);

      const state = sandbox.service.snapshot() as { provisionedProducts: Record<string, SnapshotProduct>; records: Record<string, SnapshotRecord> };
      const products = Object.entries(state.provisionedProducts).filter(([, pp]) => pp.name.startsWith(PREFIX));
      assert.equal(products.length, CHAINS, 'one provisioned product per provision action');
      const expected = ['PROVISION_PRODUCT', 'UPDATE_PROVISIONED_PRODUCT', 'EXECUTE_PROVISIONED_PRODUCT_SERVICE_ACTION', 'UPDATE_PROVISIONED_PRODUCT_PROPERTIES', 'TERMINATE_PROVISIONED_PRODUCT'];
      for (const [id, pp] of products) {
        const types = Object.values(state.records).filter((r) => r.provisionedProductId === id).map((r) => r.type).sort();
        assert.deepEqual(types, [...expected].sort(), `records of ${pp.name}`);
      }
      const live = (await api.listProvisionedProducts({ query: PREFIX })).filter((pp) => pp.Name?.startsWith(PREFIX));
      assert.equal(live.length, 0, 'every product was terminated exactly once');
    } finally {
      api.dispose();
      adminApi.dispose();
    }
  });
});
