// What a provisioned product plan says it changes, through the real SDK against the seeded catalog:
// Replacement and Details derived from which parameter changed and which properties refer to it.
import assert from 'node:assert/strict';
import * as SC from '@aws-sdk/client-service-catalog';
import { SEED } from '../../../../src/sandbox/service/index';
import type { Sandbox } from '../../../../src/sandbox/index';
import { sdkClient, startTestSandbox } from '../../../support/sandbox';

const P = SEED.products;
const PP = SEED.provisionedProducts;

describe('plan resource changes (SDK over HTTP)', () => {
  let sandbox: Sandbox;
  let client: SC.ServiceCatalogClient;
  let tokens = 0;
  before(async () => {
    sandbox = await startTestSandbox();
    client = sdkClient(sandbox);
  });
  after(() => sandbox.stop());

  /** Creates a plan that keeps the version in use and sends `parameters` (the rest kept), waits for it, and deletes it. */
  async function planned(ppId: string, productId: string, parameters: SC.UpdateProvisioningParameter[], PathId?: string): Promise<SC.ResourceChange[]> {
    const detail = (await client.send(new SC.DescribeProvisionedProductCommand({ Id: ppId }))).ProvisionedProductDetail!;
    const created = await client.send(new SC.CreateProvisionedProductPlanCommand({
      PlanName: `replace-${++tokens}`, PlanType: 'CLOUDFORMATION', ProductId: productId, ProvisionedProductName: detail.Name,
      ProvisioningArtifactId: detail.ProvisioningArtifactId, PathId, IdempotencyToken: `plan-changes-${tokens}`, ProvisioningParameters: parameters,
    }));
    try {
      for (let i = 0; i < 200; i++) {
        const plan = await client.send(new SC.DescribeProvisionedProductPlanCommand({ PlanId: created.PlanId }));
        if (plan.ProvisionedProductPlanDetails!.Status === 'CREATE_SUCCESS') return plan.ResourceChanges ?? [];
        await new Promise((r) => setTimeout(r, 20));
      }
      return assert.fail('the plan never became ready');
    } finally {
      await client.send(new SC.DeleteProvisionedProductPlanCommand({ PlanId: created.PlanId }));
    }
  }
  const byId = (changes: SC.ResourceChange[]) => new Map(changes.map((c) => [c.LogicalResourceId, c]));

  it('a new KeyName replaces the developer instance (TRUE, ALWAYS, caused by the parameter); the security group is untouched', async () => {
    const changes = byId(await planned(PP.devBoxAlice.id, P.devInstance.id, [{ Key: 'KeyName', Value: 'alice-laptop' }]));
    assert.deepEqual([...changes.keys()], ['Instance']);
    const instance = changes.get('Instance')!;
    assert.equal(instance.Action, 'MODIFY');
    assert.equal(instance.Replacement, 'TRUE');
    assert.deepEqual(instance.Scope, ['PROPERTIES']);
    assert.deepEqual(instance.Details, [{ Target: { Attribute: 'PROPERTIES', Name: 'KeyName', RequiresRecreation: 'ALWAYS' }, Evaluation: 'STATIC', CausingEntity: 'KeyName' }]);
  });

  it('a new root volume size may replace it (CONDITIONAL, CONDITIONALLY); a new instance type does not (FALSE, NEVER)', async () => {
    const volume = byId(await planned(PP.devBoxAlice.id, P.devInstance.id, [{ Key: 'VolumeSizeGiB', Value: '64' }])).get('Instance')!;
    assert.equal(volume.Replacement, 'CONDITIONAL');
    assert.deepEqual(volume.Details, [{ Target: { Attribute: 'PROPERTIES', Name: 'BlockDeviceMappings', RequiresRecreation: 'CONDITIONALLY' }, Evaluation: 'STATIC', CausingEntity: 'VolumeSizeGiB' }]);
    const type = byId(await planned(PP.devBoxAlice.id, P.devInstance.id, [{ Key: 'InstanceType', Value: 't3.medium' }])).get('Instance')!;
    assert.equal(type.Replacement, 'FALSE');
    assert.equal(type.Details![0].Target!.RequiresRecreation, 'NEVER');
  });

  it('a new bucket name replaces the bucket, and the distribution that refers to it changes dynamically without replacement', async () => {
    const changes = byId(await planned(PP.webMarketingSite.id, P.staticWebsite.id, [{ Key: 'BucketName', Value: 'marketing-site-content-2' }, { Key: 'Environment', UsePreviousValue: true }]));
    const bucket = changes.get('SiteBucket')!;
    assert.equal(bucket.Replacement, 'TRUE');
    assert.deepEqual(bucket.Details, [{ Target: { Attribute: 'PROPERTIES', Name: 'BucketName', RequiresRecreation: 'ALWAYS' }, Evaluation: 'STATIC', CausingEntity: 'BucketName' }]);
    const distribution = changes.get('Distribution')!;
    assert.equal(distribution.Replacement, 'FALSE');
    assert.deepEqual(distribution.Details, [{ Target: { Attribute: 'PROPERTIES', Name: 'DistributionConfig', RequiresRecreation: 'NEVER' }, Evaluation: 'DYNAMIC', CausingEntity: 'SiteBucket' }]);
  });

  it('a tag parameter changes the resources\' tags (scope TAGS), replacing nothing', async () => {
    const changes = await planned(PP.webMarketingSite.id, P.staticWebsite.id, [{ Key: 'Environment', Value: 'staging' }, { Key: 'BucketName', UsePreviousValue: true }]);
    assert.deepEqual(changes.map((c) => c.LogicalResourceId).sort(), ['Distribution', 'SiteBucket']);
    for (const change of changes) {
      assert.deepEqual([change.Replacement, change.Scope], ['FALSE', ['TAGS']]);
      assert.deepEqual(change.Details, [{ Target: { Attribute: 'TAGS', RequiresRecreation: 'NEVER' }, Evaluation: 'STATIC', CausingEntity: 'Environment' }]);
    }
  });

  it('a new master user name replaces the billing database; its subnet group stays', async () => {
    const changes = byId(await planned(PP.billingDb.id, P.legacyDatabase.id, [{ Key: 'MasterUsername', Value: 'billing' }, { Key: 'MasterPassword', UsePreviousValue: true }]));
    assert.deepEqual([...changes.keys()], ['Database']);
    assert.equal(changes.get('Database')!.Replacement, 'TRUE');
    assert.equal(changes.get('Database')!.Details![0].Target!.Name, 'MasterUsername');
  });

  it('a new container image replaces the task definition; the service follows it dynamically', async () => {
    const changes = byId(await planned(PP.ordersService.id, P.containerService.id, [
      { Key: 'ContainerImage', Value: 'public.ecr.aws/nginx/nginx:1.27' }, { Key: 'ServiceName', UsePreviousValue: true }, { Key: 'DbPassword', UsePreviousValue: true },
    ], SEED.portfolios.data.pathId));
    assert.equal(changes.get('TaskDefinition')!.Replacement, 'TRUE');
    const service = changes.get('Service')!;
    assert.deepEqual([service.Replacement, service.Details], ['FALSE', [{ Target: { Attribute: 'PROPERTIES', Name: 'TaskDefinition', RequiresRecreation: 'NEVER' }, Evaluation: 'DYNAMIC', CausingEntity: 'TaskDefinition' }]]);
    assert.equal(changes.has('LoadBalancer'), false);
  });
});
